"""Query parameters of the API: parsed strictly, every problem reported in German with status 400.

Each parameter is described once (``Param``); the same description builds the OpenAPI schema.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.http import QueryDict

SLUG_PATTERN = r"^[-a-zA-Z0-9_]{1,80}$"
# An empty filter value means "no filter", as when a search form is sent with an empty field.
EMPTY_MEANS_ALL = {"slug", "choice", "text"}
BERLIN = ZoneInfo("Europe/Berlin")


class ParameterError(Exception):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "slug", "choice", "text", "int", "datetime"
    description: str
    choices: tuple[str, ...] = ()
    minimum: int = 1
    maximum: int | None = None
    default: int | None = None
    max_length: int = 200
    extra: dict = field(default_factory=dict)

    def parse(self, raw: str):
        if "\x00" in raw:
            raise ValueError("Der Wert enthält ein unzulässiges Nullzeichen.")
        if self.kind == "slug":
            if not re.fullmatch(SLUG_PATTERN, raw):
                raise ValueError("Bitte einen Kurznamen aus Buchstaben, Ziffern, - und _ angeben (bis 80 Zeichen).")
            return raw
        if self.kind == "choice":
            if raw not in self.choices:
                raise ValueError("Erlaubt sind: {}.".format(", ".join(self.choices)))
            return raw
        if self.kind == "text":
            if len(raw) > self.max_length:
                raise ValueError(f"Höchstens {self.max_length} Zeichen.")
            return raw.strip()
        if self.kind == "int":
            if not re.fullmatch(r"[0-9]{1,9}", raw):
                raise ValueError("Bitte eine ganze Zahl angeben.")
            value = int(raw)
            if value < self.minimum or (self.maximum is not None and value > self.maximum):
                upper = f" bis {self.maximum}" if self.maximum is not None else ""
                raise ValueError(f"Bitte eine Zahl von {self.minimum}{upper} angeben.")
            return value
        if self.kind == "datetime":
            return parse_datetime(raw)
        raise AssertionError(self.kind)

    def openapi(self) -> dict:
        schema: dict = {"type": "string"}
        if self.kind == "slug":
            schema = {"type": "string", "pattern": SLUG_PATTERN.replace("{1,80}", "{0,80}")}
        elif self.kind == "choice":
            schema = {"type": "string", "enum": ["", *self.choices]}
        elif self.kind == "text":
            # PostgreSQL text cannot hold NUL characters; everything else is allowed.
            schema = {"type": "string", "maxLength": self.max_length, "pattern": "^[^\\x00]*$"}
        elif self.kind == "int":
            schema = {"type": "integer", "minimum": self.minimum}
            if self.maximum is not None:
                schema["maximum"] = self.maximum
            if self.default is not None:
                schema["default"] = self.default
        elif self.kind == "datetime":
            schema = {"type": "string", "format": "date-time"}
        return {"name": self.name, "in": "query", "required": False, "description": self.description, "schema": schema}


def parse_datetime(raw: str) -> datetime:
    """ISO 8601 / RFC 3339 (``2026-01-31T12:00:00Z``); without offset it means German local time."""
    text = raw.strip().upper().replace(" ", "T")
    text = re.sub(r"T(\d\d:\d\d):60", r"T\1:59", text)  # a leap second counts as the second before
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("Bitte Datum und Uhrzeit nach ISO 8601 angeben, z. B. 2026-01-31T12:00:00+01:00.") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=BERLIN)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # within hours of year 1 or 9999: earlier or later than every record
        return datetime.min.replace(tzinfo=UTC) if value.year == 1 else datetime.max.replace(tzinfo=UTC)


def parse_params(query: QueryDict, params: list[Param]) -> dict:
    """The known parameters, parsed (absent ones get their default); unknown parameters are ignored."""
    values: dict = {}
    errors: dict[str, list[str]] = {}
    for param in params:
        raw = query.get(param.name)
        if raw is None or (raw == "" and param.kind in EMPTY_MEANS_ALL):
            values[param.name] = param.default
            continue
        try:
            values[param.name] = param.parse(raw)
        except ValueError as error:
            errors[param.name] = [str(error)]
    if errors:
        raise ParameterError(errors)
    return values
