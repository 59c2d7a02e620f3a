"""Importer for `legal` lines: upsert by normalised number, articles replaced as a set (or,
from a record that names only some of the stored articles, updated one by one), relations kept
by number.

Pages are written live without a revision (unless an editor already gave the page revisions),
and articles with bulk inserts: the corpus holds 58 million characters of article text, which
revisions would copy once more for no reader's benefit. Every creation and real change still goes
through the publishing service: a history entry naming the import run, a content event, and a
new `last_published_at` for a change.
"""

from django.core.exceptions import ValidationError

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.core import publishing
from portal.core.identifiers import normalise_document_number
from portal.core.importers import agency_named
from portal.core.importing import Importer, LineError, Outcome, register
from portal.core.models import Field
from portal.core.publishing.bulk import insert_live
from portal.core.site_structure import ensure_section
from portal.core.sites import national_site, own_pages

from .models import (
    LegalArticle,
    LegalAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalRelation,
)
from .records import LegalRecord, doc_type_of, document_kind_of, split_title
from .validity import refresh_validity

SECTION = {"slug": "van-ban", "title": "Văn bản"}


@register
class LegalImporter(Importer):
    kind = "legal"
    schema = LegalRecord

    def __init__(self):
        self._sections = {}
        self._field_ids = {}
        self._touched = set()

    def target_site(self):
        """The line's site (portal.core.importing sets `site`); central documents go to the
        national site, a line naming a provincial site is that province's local document."""
        return self.site or national_site()

    def upsert(self, record, *, update_existing=True):
        normalised = normalise_document_number(record.number)
        if not normalised:
            raise LineError("number", "has no letters or digits")
        numbered = LegalDocumentPage.objects.filter(normalised_number=normalised)
        page = own_pages(numbered, self.target_site()).first()
        if page is not None and not update_existing:
            return Outcome.SKIPPED
        given = record.model_fields_set
        _check_parts(record, normalised)
        try:
            with disable_reference_index_auto_update():
                return self._write(page, record, given)
        except ValidationError as error:
            self._field_ids.clear()  # the line's savepoint is rolled back
            raise LineError(*_first_problem(error)) from None
        except LineError:
            self._field_ids.clear()
            raise

    def _write(self, page, record, given):
        values = self._scalar_values(page, record, given)
        _check_dates(page, values)
        field_ids = self._ids_of_fields(record.fields) if "fields" in given else None
        created = page is None
        if created:
            page = self._create(values)
            changed = True
        else:
            changed = {k: v for k, v in values.items() if getattr(page, k) != v}
            for key, value in changed.items():
                setattr(page, key, value)
        parts_changed = self._write_parts(page, record, given, field_ids, created)
        if not created and (changed or parts_changed):
            what = [*changed, *parts_changed]
            if page.latest_revision_id:
                publishing.publish_revision(page, what)
            else:
                if changed:
                    page.save()
                publishing.page_changed(page, what)
        if created:
            publishing.page_created(page)
        if changed or parts_changed:
            # Once, after the fields and attachments are written (the save signal runs before).
            ReferenceIndex.create_or_update_for_object(page)
        self._touched.add(page.normalised_number)
        self._touched.update(r.target_normalised for r in page.relations.all())
        if created:
            return Outcome.CREATED
        return Outcome.UPDATED if changed or parts_changed else Outcome.UNCHANGED

    def _create(self, values):
        """A live page without a revision (portal.core.publishing.bulk.insert_live); the line is
        validated here, and the page recorded once its parts are written."""
        page = LegalDocumentPage(**values, slug=normalise_document_number(values["number"]).lower())
        return insert_live(self.section, page)

    def _scalar_values(self, page, record, given):
        title, long_title = split_title(record.title)
        values = {"number": record.number, "title": title}
        if "abstract" in given or long_title:
            values["abstract"] = record.abstract or long_title
        if "doc_type" in given:
            values["doc_type"] = record.doc_type
        elif page is None:
            values["doc_type"] = doc_type_of(record.number)
        if "document_kind" in given or page is None:
            doc_type = values.get("doc_type", page.doc_type if page else "")
            values["document_kind"] = record.document_kind or document_kind_of(
                record.number, doc_type
            )
        for key in ("signer", "signer_title", "issued", "effective", "expires"):
            if key in given:
                values[key] = getattr(record, key) or (None if key in _DATES else "")
        if "issuer" in given:
            values["issuer"] = agency_named(record.issuer) if record.issuer else None
        if "status" in given:
            values["validity_override"] = record.status or ""
        if "status_note" in given:
            values["validity_note"] = record.status_note
        if "text" in given:
            values["full_text"] = record.text
        return values

    def _write_parts(self, page, record, given, field_ids, created):
        """The names of the parts that changed."""
        changed = []
        if field_ids is not None:
            through = LegalDocumentPage.fields.through
            current = set(through.objects.filter(legaldocumentpage=page).values_list("field_id"))
            if {(i,) for i in field_ids} != current:
                through.objects.filter(legaldocumentpage=page).delete()
                through.objects.bulk_create(
                    through(legaldocumentpage=page, field_id=i) for i in field_ids
                )
                changed.append("fields")
        for part, replace in (
            ("articles", _replace_articles),
            ("relations", _replace_relations),
            ("attachments", _replace_attachments),
        ):
            if part in given and replace(page, getattr(record, part), created):
                changed.append(part)
        return changed

    @property
    def section(self):
        """The legal documents listing of the line's site, created when missing."""
        site = self.target_site()
        if site.pk not in self._sections:
            self._sections[site.pk] = ensure_section(LegalDocumentIndexPage, **SECTION, site=site)
        return self._sections[site.pk]

    def _ids_of_fields(self, names):
        ids = []
        for name in dict.fromkeys(names):
            if name not in self._field_ids:
                self._field_ids[name] = Field.objects.get_or_create(name=name)[0].pk
            ids.append(self._field_ids[name])
        return ids

    def finish(self):
        """Documents named by this run's relations may have changed status."""
        touched = LegalDocumentPage.objects.filter(normalised_number__in=self._touched)
        refresh_validity(touched)
        self._touched.clear()

    def export(self):
        from .exporting import export_lines

        return export_lines(self)


_DATES = {"issued", "effective", "expires"}


def _check_parts(record, normalised):
    seen = set()
    for position, article in enumerate(record.articles):
        if article.number in seen:
            raise LineError(f"articles[{position}].number", f"duplicate article {article.number!r}")
        seen.add(article.number)
    for position, relation in enumerate(record.relations):
        target = normalise_document_number(relation.number)
        if not target:
            raise LineError(f"relations[{position}].number", "has no letters or digits")
        if target == normalised:
            raise LineError(f"relations[{position}].number", "a document cannot relate to itself")


def _check_dates(page, values):
    def current(key):
        return values[key] if key in values else getattr(page, key, None)

    issued, effective, expires = current("issued"), current("effective"), current("expires")
    if issued and effective and effective < issued:
        raise LineError("effective", f"{effective} is before the issue date {issued}")
    start = effective or issued
    if start and expires and expires < start:
        raise LineError("expires", f"{expires} is before the document took effect ({start})")


def _replace_articles(page, articles, created):
    wanted = [(a.number, a.title, a.text) for a in articles]
    if not created:
        stored = list(page.articles.order_by("position").values_list("number", "title", "text"))
        if stored == wanted:
            return False
        named = {number: (number, title, text) for number, title, text in wanted}
        if named and set(named) < {number for number, _, _ in stored}:
            # A partial source (the consolidated code carries only some articles of a law)
            # updates the articles it names and never erases the law's others.
            wanted = [named.get(number, (number, title, text)) for number, title, text in stored]
            if stored == wanted:
                return False
        page.articles.all().delete()
    LegalArticle.objects.bulk_create(
        LegalArticle(document=page, position=i, number=n, title=t, text=x)
        for i, (n, t, x) in enumerate(wanted)
    )
    return True


def _replace_relations(page, relations, created):
    wanted = [(r.type.value, r.number) for r in relations]
    if not created:
        stored = list(
            page.relations.order_by("sort_order").values_list("relation_type", "target_number")
        )
        if stored == wanted:
            return False
        page.relations.all().delete()
    LegalRelation.objects.bulk_create(
        LegalRelation(
            page=page,
            sort_order=i,
            relation_type=t,
            target_number=n,
            target_normalised=normalise_document_number(n),
        )
        for i, (t, n) in enumerate(wanted)
    )
    return True


def _replace_attachments(page, attachments, created):
    """Imported attachments are addresses of the original files; files an editor uploaded are
    left alone."""
    wanted = [(a.title, a.filename, a.url) for a in attachments if a.url or a.filename]
    imported = page.attachments.filter(document=None)
    if not created:
        stored = list(
            imported.order_by("sort_order").values_list("title", "filename", "source_url")
        )
        if stored == wanted:
            return False
        imported.delete()
    LegalAttachment.objects.bulk_create(
        LegalAttachment(page=page, sort_order=i, title=t, filename=f, source_url=u)
        for i, (t, f, u) in enumerate(wanted)
    )
    return True


def _first_problem(error):
    if hasattr(error, "error_dict"):
        field, errors = next(iter(error.error_dict.items()))
        return ("title" if field == "__all__" else field), errors[0].messages[0]
    return "line", error.messages[0]
