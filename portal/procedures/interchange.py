"""A procedure line of the interchange format (DESIGN §3), validated, and back again."""

import datetime
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from portal.core.importing import Record
from portal.core.importing.base import NonEmptyStr
from portal.core.weblinks import WebUrlStr

from .models.choices import Audience, ChannelMethod, Level, OnlineLevel, Status

_NEGATIVE = re.compile(r"^\s*-\s*\d")


class Part(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)


class ChannelRecord(Part):
    method: ChannelMethod
    time: str = ""
    fees: str = ""
    fee_amount: int | None = Field(default=None, ge=0)
    url: WebUrlStr = ""

    @field_validator("fees", mode="before")
    @classmethod
    def _fees_as_text(cls, value):
        # A bare number is an amount in đồng; a negative one, as text or number, is a mistake.
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value < 0:
                raise ValueError("must not be negative")
            return f"{value:,.0f} đồng".replace(",", ".")
        if isinstance(value, str) and _NEGATIVE.match(value):
            raise ValueError("must not be negative")
        return value


class DossierRecord(Part):
    name: NonEmptyStr
    case: str = ""
    originals: int = Field(default=1, ge=0)
    copies: int = Field(default=0, ge=0)
    required: bool = True
    form: str | None = None


class ProcedureRecord(Record):
    kind: Literal["procedure"]
    code: NonEmptyStr
    # Required for a new procedure; a local implementation line may leave it out.
    name: NonEmptyStr | None = None
    # With `site`: a procedure only that site carries out (no national record has its code).
    local_only: bool = False
    fields: list[NonEmptyStr] = []
    levels: list[Level] = []
    procedure_type: str = ""
    audiences: list[Audience] = []
    agency: str = ""
    agencies: list[NonEmptyStr] = []
    competent_agency: str = ""
    receiving_agency: str = ""
    receiving_address: str = ""
    popularity: int = Field(default=0, ge=0)
    steps: list[NonEmptyStr] = []
    channels: list[ChannelRecord] = []
    dossier: list[DossierRecord] = []
    subjects: str = ""
    requirements: str = ""
    result: str = ""
    legal_bases: list[NonEmptyStr] = []
    decision: str = ""
    status: Status = Status.IN_FORCE
    status_date: datetime.date | None = None
    status_decision: str = ""
    replaced_by: str = ""
    online_level: OnlineLevel = OnlineLevel.NONE
    summary: str = ""

    def implementing_agencies(self):
        """`agency` (one, as the national lists give it) and `agencies` together, in order."""
        return list(dict.fromkeys(filter(None, [self.agency, *self.agencies])))


# Keys of a line whose value, when absent, leaves what the portal holds as it is.
def given_keys(record):
    keys = set(record.model_fields_set) - {"kind", "code", "site", "province", "local_only"}
    if "agency" in keys or "agencies" in keys:
        keys |= {"agency", "agencies"}
    return keys


def without_blanks(line):
    return {key: value for key, value in line.items() if value not in ("", None, [], {})}
