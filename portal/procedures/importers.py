"""The importer for `kind: procedure` lines: upsert by code; new pages in bulk, changes through a
published revision, both through the publishing service."""

from pathlib import PurePath

from django.core.exceptions import ValidationError

from portal.core import publishing
from portal.core.identifiers import normalise_document_number, normalise_procedure_code
from portal.core.importing import Importer, LineError, Outcome, register
from portal.core.models import Agency, Field
from portal.core.publishing.bulk import LivePageWriter
from portal.core.site_structure import ensure_section
from portal.core.sites import national_site

from .interchange import ProcedureRecord, given_keys, without_blanks
from .local import is_national, is_provincial, public_implementations
from .local_facts import local_values, national_part
from .local_importing import (
    LocalFiling,
    check_local_line,
    implementation_lines,
    upsert_implementation,
)
from .models import (
    DossierItem,
    ProcedureChannel,
    ProcedureIndexPage,
    ProcedureLegalBasis,
    ProcedurePage,
    ProcedureStep,
)
from .models.pages import slug_for, title_for
from .models.records import form_document_named

SECTION = {"slug": "thu-tuc-hanh-chinh", "title": "Thủ tục hành chính"}

SCALARS = (
    "name",
    "procedure_type",
    "receiving_address",
    "subjects",
    "requirements",
    "result",
    "decision",
    "status",
    "status_decision",
    "online_level",
    "popularity",
)


def state_of(page, keys=None):
    """What the portal holds for a procedure, in the shape of an import line: every key, or
    only `keys` (so that comparing a short line does not read every relation)."""
    readers = {key: (lambda key=key: getattr(page, key)) for key in SCALARS}
    readers.update(
        fields=lambda: sorted(field.name for field in page.procedure_fields.all()),
        levels=lambda: list(page.levels),
        audiences=lambda: list(page.audiences),
        agencies=lambda: sorted(agency.name for agency in page.implementing_agencies.all()),
        competent_agency=lambda: _name(page.competent_agency),
        receiving_agency=lambda: _name(page.receiving_agency),
        steps=lambda: [step.text for step in page.steps.all()],
        channels=lambda: [
            {
                "method": channel.method,
                "time": channel.processing_time,
                "fees": channel.fees,
                "fee_amount": channel.fee_amount,
                "url": channel.url,
            }
            for channel in page.channels.all()
        ],
        dossier=lambda: [
            {
                "name": item.name,
                "case": item.case,
                "originals": item.originals,
                "copies": item.copies,
                "required": item.required,
                "form": item.form_filename or (_file_name(item.form) if item.form else None),
            }
            for item in page.dossier_items.all()
        ],
        legal_bases=lambda: [basis.number for basis in page.legal_bases.all()],
        status_date=lambda: page.status_date,
        replaced_by=lambda: page.replacement_code,
        summary=lambda: page.listing_summary,
    )
    return {key: read() for key, read in readers.items() if keys is None or key in keys}


def _name(agency):
    return agency.name if agency else ""


def state_of_record(record):
    line = record.model_dump(mode="python")
    line["agencies"] = sorted(record.implementing_agencies())
    line["fields"] = sorted(set(record.fields))
    line["levels"] = ProcedurePage._meta.get_field("levels").to_python(record.levels)
    line["audiences"] = ProcedurePage._meta.get_field("audiences").to_python(record.audiences)
    line["channels"] = [channel.model_dump() for channel in record.channels]
    line["dossier"] = [item.model_dump() for item in record.dossier]
    line["replaced_by"] = normalise_procedure_code(record.replaced_by) or ""
    return line


def _file_name(document):
    return PurePath(document.file.name).name


def _first_problem(error):
    """(field, reason) of a model ValidationError, for a line error."""
    for field, messages in error.message_dict.items():
        return field, "; ".join(messages)
    return "line", "; ".join(error.messages)


def _compared_keys(record):
    keys = given_keys(record)
    if keys & {"agency", "agencies"}:
        keys = (keys - {"agency", "agencies"}) | {"agencies"}
    return keys


@register
class ProcedureImporter(Importer):
    kind = "procedure"
    schema = ProcedureRecord

    def __init__(self):
        self._sections = {}
        self._writers = {}
        self._known_codes = None
        self._agencies = {}
        self._fields = {}
        self.local_facts = LocalFiling()

    def upsert(self, record, *, update_existing=True):
        code = normalise_procedure_code(record.code)
        if code is None:
            raise LineError("code", f"{record.code!r} is not a procedure code (e.g. 1.004194)")
        page_id = self.known_codes().get(code)
        page = ProcedurePage.objects.get(pk=page_id) if page_id is not None else None
        site = self.target_site()
        if is_provincial(site):
            check_local_line(page, site, record)
            if page is not None and is_national(page):
                return upsert_implementation(page, site, record, update_existing=update_existing)
        # A national line's local facts are provinces'; a site's own line keeps its own.
        moved = {} if is_provincial(site) else local_values(record)
        if moved:
            record = national_part(record, moved)
        outcome = self._upsert_national(code, page, site, record, update_existing)
        if moved and outcome != Outcome.SKIPPED:
            page = ProcedurePage.objects.get(pk=self.known_codes()[code])
            self.notes += self.local_facts.file(page, record, moved, update_existing, self.where)
        return outcome

    def _upsert_national(self, code, page, site, record, update_existing):
        if page is not None and not update_existing:
            return Outcome.SKIPPED
        wanted = state_of_record(record)
        keys = _compared_keys(record)
        if page is None:
            if not record.name:
                raise LineError("name", "required key is missing")
            page = ProcedurePage(code=code)
            self._apply(page, record, wanted, keys)
            try:
                self.writer(site).create(page)
            except ValidationError as error:
                raise LineError(*_first_problem(error)) from None
            self._known_codes[code] = page.pk
            return Outcome.CREATED
        for writer in self._writers.values():
            if page.pk in writer:
                # Created earlier in this run: its first revision must come before an update's.
                writer.flush()
        current = state_of(page, keys)
        changes = [key for key in keys if current[key] != wanted[key]]
        if not changes:
            return Outcome.UNCHANGED
        self._apply(page, record, wanted, keys)
        # One revision per real change, published at once: history and moderation see imports.
        publishing.publish_revision(page, changes, clean=False)
        return Outcome.UPDATED

    def known_codes(self):
        """{code: page id} of every procedure, read once per run: most lines of a big import
        are new, and one query for all of them beats one per line."""
        if self._known_codes is None:
            self._known_codes = dict(ProcedurePage.objects.values_list("code", "pk"))
        return self._known_codes

    def target_site(self):
        """The line's site (set by the import run); the national catalogue by default."""
        return self.site or national_site()

    def writer(self, site):
        if site.pk not in self._writers:
            self._writers[site.pk] = LivePageWriter(self.section(site))
        return self._writers[site.pk]

    def finish(self):
        for writer in self._writers.values():
            writer.flush()
        self._writers = {}
        self.notes += self.local_facts.report()

    def section(self, site):
        if site.pk not in self._sections:
            self._sections[site.pk] = ensure_section(ProcedureIndexPage, **SECTION, site=site)
        return self._sections[site.pk]

    def _apply(self, page, record, wanted, keys):
        for key in SCALARS:
            if key in keys:
                setattr(page, key, wanted[key])
        page.title = title_for(page.name)
        if not page.slug:
            page.slug = slug_for(page.code, page.name)
        if "levels" in keys:
            page.levels = wanted["levels"]
        if "audiences" in keys:
            page.audiences = wanted["audiences"]
        if "status_date" in keys:
            page.status_date = record.status_date
        if "replaced_by" in keys:
            page.replacement_code = normalise_procedure_code(record.replaced_by) or ""
        if "summary" in keys:
            page.listing_summary = record.summary
        if "fields" in keys:
            page.procedure_fields = [self._field(name) for name in wanted["fields"]]
        if "agencies" in keys:
            page.implementing_agencies = [self._agency(name) for name in wanted["agencies"]]
        if "competent_agency" in keys:
            page.competent_agency = self._agency(record.competent_agency)
        if "receiving_agency" in keys:
            page.receiving_agency = self._agency(record.receiving_agency)
        if "steps" in keys:
            page.steps = [ProcedureStep(text=text) for text in record.steps]
        if "channels" in keys:
            page.channels = [
                ProcedureChannel(
                    method=channel.method,
                    processing_time=channel.time,
                    fees=channel.fees,
                    fee_amount=channel.fee_amount,
                    url=channel.url,
                )
                for channel in record.channels
            ]
        if "dossier" in keys:
            page.dossier_items = [self._dossier_item(item) for item in record.dossier]
        if "legal_bases" in keys:
            page.legal_bases = [
                ProcedureLegalBasis(
                    number=number, normalised_number=normalise_document_number(number)
                )
                for number in record.legal_bases
            ]

    def _agency(self, name):
        if not name:
            return None
        if name not in self._agencies:
            self._agencies[name] = Agency.objects.get_or_create(name=name)[0]
        return self._agencies[name]

    def _field(self, name):
        if name not in self._fields:
            self._fields[name] = Field.objects.get_or_create(name=name)[0]
        return self._fields[name]

    def _dossier_item(self, item):
        form = form_document_named(item.form) if item.form else None
        return DossierItem(
            name=item.name,
            case=item.case,
            originals=item.originals,
            copies=item.copies,
            required=item.required,
            form=form,
            form_filename=item.form or "",
        )

    def export(self):
        pages = self.pages_to_export(ProcedurePage.objects.all())
        pages = pages.order_by("code").select_related("competent_agency", "receiving_agency")
        for page in pages.prefetch_related(
            "procedure_fields",
            "implementing_agencies",
            "steps",
            "channels",
            "dossier_items__form",
            "legal_bases",
        ):
            site = self.site_field(page)
            # A provincial site's own procedure goes back as a local-only one.
            local = {"local_only": True} if site else {}
            yield {"kind": "procedure", **site, **local, **export_line(page)}
        # Published rows only: a draft the board has not approved would be published by the
        # import of this file, which passes no board.
        implementations = (
            public_implementations()
            .select_related("site", "procedure", "implementing_agency")
            .prefetch_related("local_forms__document")
        )
        # One filed under a province without a site has no line to name it: it stays out.
        implementations = implementations.filter(site__isnull=False)
        if self.site is not None:
            implementations = implementations.filter(site=self.site)
        yield from implementation_lines(implementations.order_by("procedure__code", "site_id"))


def export_line(page):
    state = state_of(page)
    agencies = state.pop("agencies")
    line = {"kind": "procedure", "code": page.code, **state}
    line["status_date"] = page.status_date.isoformat() if page.status_date else None
    if len(agencies) == 1:
        line["agency"] = agencies[0]
    else:
        line["agencies"] = agencies
    line["channels"] = [without_blanks(channel) for channel in line["channels"]]
    line["dossier"] = [without_blanks(item) for item in line["dossier"]]
    return without_blanks(line)
