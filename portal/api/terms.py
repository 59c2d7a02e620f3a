def term(obj):
    """A taxonomy term (field, agency, tag) as the typed endpoints give it."""
    return {"slug": obj.slug, "name": obj.name} if obj else None
