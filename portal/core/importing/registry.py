from django.utils.module_loading import autodiscover_modules

_importers = {}
_discovered = False


def register(importer_class):
    """Class decorator: make `import_content` and `export_content` handle this kind."""
    _importers[importer_class.kind] = importer_class
    return importer_class


def importers():
    """Every registered importer class by kind, in registration (app) order."""
    global _discovered
    if not _discovered:
        autodiscover_modules("importers")
        _discovered = True
    return dict(_importers)


def get_importer(kind):
    return importers().get(kind)
