"""`procedure` lines naming a provincial site: a local implementation of a national procedure
(the keys given override the national values), or, with `"local_only": true`, a procedure only
that site carries out."""

from collections import Counter

from django.core.exceptions import ValidationError

from portal.core import publishing
from portal.core.importing import LineError, Outcome
from portal.core.models import Agency
from portal.core.provinces import province_site, site_province

from .interchange import ProcedureRecord, without_blanks
from .local import is_national, owns
from .local_facts import moved_fields
from .models import ChannelMethod, LocalForm, LocalImplementation
from .models.records import form_document_named

# The keys of a line a local implementation reads; the others stay national.
LOCAL_KEYS = {"agency", "agencies", "receiving_address", "channels", "online_level", "dossier"}


def local_state(implementation):
    """A local implementation in the shape of the keys of an import line."""
    channel = {
        "method": ChannelMethod.ONLINE if implementation.online_url else ChannelMethod.DIRECT,
        "time": implementation.processing_time,
        "fees": implementation.fees,
        "fee_amount": implementation.fee_amount,
        "url": implementation.online_url,
    }
    return {
        "agency": implementation.implementing_agency.name
        if implementation.implementing_agency
        else "",
        "receiving_address": implementation.receiving_address,
        "channels": [without_blanks(channel)] if len(without_blanks(channel)) > 1 else [],
        "online_level": implementation.online_level,
        "dossier": [
            {"name": form.title, "form": form.document.file.name.rsplit("/", 1)[-1]}
            for form in implementation.local_forms.all()
        ],
    }


def wanted_state(record):
    """What the line's keys ask for, in `local_state`'s shape (only the keys it gives)."""
    given = record.model_fields_set
    wanted = {}
    if given & {"agency", "agencies"}:
        agencies = record.implementing_agencies()
        wanted["agency"] = agencies[0] if agencies else ""
    if "receiving_address" in given:
        wanted["receiving_address"] = record.receiving_address
    if "online_level" in given:
        wanted["online_level"] = record.online_level
    if "channels" in given:
        wanted["channels"] = [_one_channel(record.channels)] if record.channels else []
    if "dossier" in given:
        wanted["dossier"] = [
            {"name": item.name, "form": item.form} for item in record.dossier if item.form
        ]
    return wanted


def _one_channel(channels):
    """The local time, fees and online address, read from the line's channels."""
    online = next((c for c in channels if c.method == ChannelMethod.ONLINE and c.url), None)
    first = channels[0]
    channel = {
        "method": ChannelMethod.ONLINE if online else ChannelMethod.DIRECT,
        "time": next((c.time for c in channels if c.time), ""),
        "fees": next((c.fees for c in channels if c.fees), ""),
        "fee_amount": next(
            (c.fee_amount for c in channels if c.fee_amount is not None), first.fee_amount
        ),
        "url": online.url if online else "",
    }
    return without_blanks(channel)


def upsert_implementation(national, site, record, *, province="", update_existing=True):
    """Create or update `site`'s implementation of the national procedure `national` (site None:
    that of `province`, which has no site yet)."""
    implementation = _existing(national, site, province)
    created = implementation is None
    if created:
        implementation = LocalImplementation(site=site, province=province, procedure=national)
    wanted = wanted_state(record)
    current = local_state(implementation) if not created else {}
    if not created and not update_existing:
        # Creating only what is missing: the keys the implementation has no value for yet (one
        # filed from national data, portal/procedures/local_facts.py, gets its own line's).
        wanted = {key: value for key, value in wanted.items() if not current.get(key)}
        if not wanted:
            return Outcome.SKIPPED
    changes = [key for key, value in wanted.items() if current.get(key) != value]
    if not created and not changes:
        return Outcome.UNCHANGED
    forms = _forms(record) if "dossier" in wanted else None
    _apply(implementation, wanted)
    try:
        implementation.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise LineError(field, "; ".join(messages)) from None
    if forms is not None:
        implementation.local_forms = [
            LocalForm(sort_order=n, title=title, document=doc)
            for n, (title, doc) in enumerate(forms)
        ]
    # An import is the publisher's own data: published at once, through the publishing service.
    publishing.publish_object(
        implementation,
        changes or list(wanted),
        created=created,
        site_id=site.pk if site is not None else None,
    )
    return Outcome.CREATED if created else Outcome.UPDATED


def _existing(national, site, province):
    """The implementation to update: the site's, else the one filed under its province before it
    had a site (the site takes it over)."""
    if site is None:
        return LocalImplementation.objects.filter(
            site=None, province=province, procedure=national
        ).first()
    found = LocalImplementation.objects.filter(site=site, procedure=national).first()
    if found is None and (province := site_province(site)):
        found = LocalImplementation.objects.filter(
            site=None, province=province, procedure=national
        ).first()
        if found is not None:
            found.site = site
    return found


def adopt_implementations(site):
    """A province's site, new: it takes over what was filed under its province before, each
    published again (a new revision naming the site)."""
    province = site_province(site)
    if not province:
        return
    for implementation in LocalImplementation.objects.filter(site=None, province=province):
        implementation.site = site
        publishing.publish_object(implementation, ["site"], site_id=site.pk)


def _apply(implementation, wanted):
    if "agency" in wanted:
        name = wanted["agency"]
        implementation.implementing_agency = (
            Agency.objects.get_or_create(name=name)[0] if name else None
        )
    if "receiving_address" in wanted:
        implementation.receiving_address = wanted["receiving_address"]
    if "online_level" in wanted:
        implementation.online_level = wanted["online_level"]
    if "channels" in wanted:
        channel = wanted["channels"][0] if wanted["channels"] else {}
        implementation.processing_time = channel.get("time", "")
        implementation.fees = channel.get("fees", "")
        implementation.fee_amount = channel.get("fee_amount")
        implementation.online_url = channel.get("url", "")


def _forms(record):
    forms = []
    for position, item in enumerate(record.dossier):
        if not item.form:
            continue
        document = form_document_named(item.form)
        if document is None:
            raise LineError(
                f"dossier[{position}].form", f"no uploaded document named {item.form!r}"
            )
        forms.append((item.name, document))
    return forms


def check_local_line(page, site, record):
    """Raise a LineError unless the line may touch `page` (None: no page has the code)."""
    if page is None:
        if not record.local_only:
            raise LineError(
                "code",
                f"no national procedure with code {record.code!r}; a procedure only "
                f'{site.hostname} carries out needs "local_only": true',
            )
        return
    if not is_national(page) and not owns(site, page):
        raise LineError("code", f"{page.code} is another site's local procedure")


def implementation_lines(implementations):
    """Export lines of local implementations, each naming its site."""
    for implementation in implementations:
        national = implementation.procedure
        state = local_state(implementation)
        yield without_blanks(
            {
                "kind": "procedure",
                "site": implementation.site.hostname,
                "code": national.code,
                "name": national.name,
                **state,
            }
        )


class LocalFiling:
    """One province's values found in a run's national lines (portal/procedures/local_facts.py),
    filed as that province's implementation and counted for the run's report."""

    def __init__(self):
        self.records = Counter()  # {province: national records}
        self.fields = Counter()  # {(province, field): national records}

    def file(self, page, record, moved, update_existing, where):
        """File `moved` ({province: values}) for the national `page`; returns the notes."""
        notes = []
        for province, values in moved.items():
            self.records[province] += 1
            self.fields.update((province, field) for field in moved_fields(values))
            site = province_site(province)
            if site is None:
                notes.append(
                    f"{where}: {', '.join(values)}: local values of {province}, which has "
                    "no site yet: stored as its implementation"
                )
            local = ProcedureRecord(
                kind="procedure", code=page.code, levels=record.levels, **values
            )
            try:
                upsert_implementation(
                    page, site, local, province=province, update_existing=update_existing
                )
            except LineError as error:
                # The national part stands; the province's part is reported, not half-filed.
                notes.append(f"{where}: {province}: {error}")
        return notes

    def report(self):
        """The run's counts, per province and per field; the counts start again."""
        if not self.records:
            return []
        counts = ", ".join(f"{province} {n}" for province, n in sorted(self.records.items()))
        by_field = {}
        for (province, field), n in sorted(self.fields.items()):
            by_field.setdefault(province, []).append(f"{field} {n}")
        self.records.clear()
        self.fields.clear()
        return [
            f"national records with local values moved to provinces: {counts}",
            "by field: " + "; ".join(f"{p}: {', '.join(f)}" for p, f in by_field.items()),
        ]
