import factory
import wagtail_factories

from portal.core.site_structure import ensure_section

from .importers import SECTION
from .models import ProcedureIndexPage, ProcedurePage


def procedure_catalogue():
    """The catalogue section under the Vietnamese home page, as the importer creates it."""
    return ensure_section(ProcedureIndexPage, **SECTION)


class ProcedurePageFactory(wagtail_factories.PageFactory):
    """A published procedure in the catalogue; pass `parent` for another index page."""

    code = factory.Sequence(lambda n: f"1.{n:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục số {n}")
    title = factory.LazyAttribute(lambda page: page.name[:255])
    parent = factory.LazyFunction(procedure_catalogue)

    class Meta:
        model = ProcedurePage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create:
            page.save_revision().publish()
