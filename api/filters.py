"""The query parameters of the API as pydantic types and ninja filter schemas.

Each type carries its rule once: ninja validates with it and documents it in the OpenAPI schema.
Every problem gets one German message per parameter (``views.invalid_parameters`` answers 400).
An empty filter value means "no filter", as when a search form is sent with an empty field.
"""

import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from django.db.models import Q
from ninja import FilterLookup, FilterSchema
from pydantic import AfterValidator, BeforeValidator, Field, ValidationError, WrapValidator
from pydantic_core import PydanticCustomError

from networks.models import Network
from projects.models import Municipality
from search.query import matching_ids
from transfers.models import TransferRequest, TransferService

BERLIN = ZoneInfo("Europe/Berlin")
NUL_MESSAGE = "Der Wert enthält ein unzulässiges Nullzeichen."
SLUG_MESSAGE = "Bitte einen Kurznamen aus Buchstaben, Ziffern, - und _ angeben (bis 80 Zeichen)."
DATETIME_MESSAGE = "Bitte Datum und Uhrzeit nach ISO 8601 angeben, z. B. 2026-01-31T12:00:00+01:00."
SEARCH_MAX_LENGTH = 200


def _reject_nul(value: Any) -> None:
    if isinstance(value, str) and "\x00" in value:
        raise PydanticCustomError("null_character", NUL_MESSAGE)


def german(message: str) -> WrapValidator:
    """Replaces pydantic's English error by ``message``; a NUL character has its own message."""

    def validate(value: Any, handler) -> Any:
        _reject_nul(value)
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError("invalid", message) from None

    return WrapValidator(validate)


def whole_number(minimum: int, maximum: int) -> Any:
    """Digits only (no sign, blank or decimal point, which pydantic would accept), within the bounds."""

    def validate(value: Any, handler) -> int:
        _reject_nul(value)
        if isinstance(value, str) and not re.fullmatch(r"[0-9]{1,9}", value):
            raise PydanticCustomError("int_parsing", "Bitte eine ganze Zahl angeben.")
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError("range", f"Bitte eine Zahl von {minimum} bis {maximum} angeben.") from None

    return Annotated[int, Field(ge=minimum, le=maximum), WrapValidator(validate)]


def engine_match(kind: str, value: str | None) -> Q:
    """The records the search engine finds for ``value``, as the web lists find them (no text: all)."""
    return Q(pk__in=matching_ids(kind, value)) if value else Q()


def _blank_is_none(value: str) -> str | None:
    return value or None


def _search_text(value: str) -> str | None:
    return value.strip() or None


def parse_datetime(raw: str) -> datetime:
    """ISO 8601 / RFC 3339 (``2026-01-31T12:00:00Z``); without offset it means German local time."""
    text = raw.strip().upper().replace(" ", "T")
    text = re.sub(r"T(\d\d:\d\d):60", r"T\1:59", text)  # a leap second counts as the second before
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=BERLIN)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # within hours of year 1 or 9999: earlier or later than every record
        return datetime.min.replace(tzinfo=UTC) if value.year == 1 else datetime.max.replace(tzinfo=UTC)


# The types. Filters default to None (not given); the schema documents them as strings.
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]{0,80}$"), german(SLUG_MESSAGE), AfterValidator(_blank_is_none)]
# PostgreSQL text cannot hold NUL characters; everything else is allowed.
SearchText = Annotated[
    str,
    Field(max_length=SEARCH_MAX_LENGTH, pattern=r"^[^\x00]*$"),
    german(f"Höchstens {SEARCH_MAX_LENGTH} Zeichen."),
    AfterValidator(_search_text),
]
ModifiedAfter = Annotated[datetime, BeforeValidator(parse_datetime), german(DATETIME_MESSAGE)]


def choice(choices: type) -> Any:
    """One value of a model's ``TextChoices`` (or empty)."""
    values = choices.values
    allowed = german("Erlaubt sind: {}.".format(", ".join(values)))
    return Annotated[Literal[("", *values)], allowed, AfterValidator(_blank_is_none)]


MUNICIPALITY = "Kurzname der Kommune, z. B. `bergkamen`."
TRANSITION = "Kurzname eines Übergangs (Taxonomie `transition`)."
PHASE = "Kurzname einer Lebensphase (Taxonomie `phase`)."
FIELD = "Kurzname eines Handlungsfelds (Taxonomie `field`)."
TARGET_GROUP = "Kurzname einer Zielgruppe (Taxonomie `target_group`)."
SEARCH = (
    "Suchbegriff wie in der Suche der Website (gleiche Treffer): deutsche Wortformen, Tippfehler-tolerant; "
    "genannte Kommunen, Übergänge, Handlungsfelder und Zielgruppen wirken als Filter."
)
MODIFIED_AFTER = (
    "Nur Einträge, die nach diesem Zeitpunkt geändert wurden (ISO 8601; ohne Zeitzone: deutsche Zeit). "
    "Für den inkrementellen Abgleich."
)


class MunicipalityFilters(FilterSchema):
    kind: Annotated[choice(Municipality.Kind), FilterLookup("kind")] = Field(None, description="Art der Kommune.")
    district: Annotated[Slug, FilterLookup(["slug", "parent__slug"])] = Field(
        None, description="Kurzname eines Kreises: der Kreis und seine Kommunen."
    )
    q: Annotated[SearchText, FilterLookup("name__icontains")] = Field(None, description="Suchbegriff im Namen.")


class ProjectFilters(FilterSchema):
    municipality: Annotated[Slug, FilterLookup("municipality__slug")] = Field(None, description=MUNICIPALITY)
    transition: Annotated[Slug, FilterLookup("transitions__slug")] = Field(None, description=TRANSITION)
    phase: Annotated[Slug, FilterLookup("phases__slug")] = Field(None, description=PHASE)
    field: Annotated[Slug, FilterLookup("action_fields__slug")] = Field(None, description=FIELD)
    target_group: Annotated[Slug, FilterLookup("target_groups__slug")] = Field(None, description=TARGET_GROUP)
    q: SearchText = Field(None, description=SEARCH)
    modified_after: Annotated[ModifiedAfter, FilterLookup("updated_at__gt")] = Field(None, description=MODIFIED_AFTER)

    def filter_q(self, value: str | None) -> Q:
        return engine_match("project", value)


class NetworkFilters(FilterSchema):
    municipality: Annotated[Slug, FilterLookup("municipalities__slug")] = Field(None, description=MUNICIPALITY)
    kind: Annotated[choice(Network.Kind), FilterLookup("kind")] = Field(None, description="Art des Netzwerks.")
    transition: Annotated[Slug, FilterLookup("transitions__slug")] = Field(None, description=TRANSITION)
    field: Annotated[Slug, FilterLookup("action_fields__slug")] = Field(None, description=FIELD)
    q: SearchText = Field(None, description=SEARCH)
    modified_after: Annotated[ModifiedAfter, FilterLookup("updated_at__gt")] = Field(None, description=MODIFIED_AFTER)

    def filter_q(self, value: str | None) -> Q:
        return engine_match("network", value)


class OfferFilters(FilterSchema):
    municipality: Annotated[Slug, FilterLookup("project__municipality__slug")] = Field(None, description=MUNICIPALITY)
    service_kind: Annotated[choice(TransferService.Kind), FilterLookup("services__kind")] = Field(
        None, description="Art der Leistung."
    )
    transition: Annotated[Slug, FilterLookup("project__transitions__slug")] = Field(None, description=TRANSITION)
    phase: Annotated[Slug, FilterLookup("project__phases__slug")] = Field(None, description=PHASE)
    field: Annotated[Slug, FilterLookup("project__action_fields__slug")] = Field(None, description=FIELD)
    target_group: Annotated[Slug, FilterLookup("project__target_groups__slug")] = Field(None, description=TARGET_GROUP)
    q: SearchText = Field(None, description=SEARCH)
    modified_after: Annotated[ModifiedAfter, FilterLookup("updated_at__gt")] = Field(None, description=MODIFIED_AFTER)

    def filter_q(self, value: str | None) -> Q:
        return engine_match("offer", value)


class RequestFilters(FilterSchema):
    municipality: Annotated[Slug, FilterLookup("municipality__slug")] = Field(None, description=MUNICIPALITY)
    status: Annotated[choice(TransferRequest.Status), FilterLookup("status")] = Field(
        None, description="Stand des Gesuchs."
    )
    transition: Annotated[Slug, FilterLookup("transitions__slug")] = Field(None, description=TRANSITION)
    field: Annotated[Slug, FilterLookup("action_fields__slug")] = Field(None, description=FIELD)
    target_group: Annotated[Slug, FilterLookup("target_groups__slug")] = Field(None, description=TARGET_GROUP)
    q: SearchText = Field(None, description=SEARCH)
    modified_after: Annotated[ModifiedAfter, FilterLookup("updated_at__gt")] = Field(None, description=MODIFIED_AFTER)

    def filter_q(self, value: str | None) -> Q:
        return engine_match("request", value)
