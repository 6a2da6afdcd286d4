"""The vendored official HSDS 3.0 schemas (tests/hsds-schema) as jsonschema validators."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.hsds.profile import PATCHES, merge_patch

FOLDER = Path(__file__).resolve().parent.parent / "hsds-schema"
# service_at_location.json names this base in its $id; its relative $refs resolve against it.
BASE_32 = "https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/"


def official(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text())


@cache
def registry() -> Registry:
    resources = []
    for path in sorted(FOLDER.glob("*.json")):
        resource = Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012)
        resources += [(path.name, resource), (BASE_32 + path.name, resource)]
    return Registry().with_resources(resources)


# The formats the HSDS schemas use; jsonschema skips a format silently when its checker is missing.
FORMATS = {"uuid", "uri", "email", "date-time"}


@cache
def validator(name: str, *, profile: bool = False) -> Draft202012Validator:
    missing = FORMATS - set(FormatChecker().checkers)
    assert not missing, f"jsonschema cannot check {missing}: install jsonschema[format-nongpl]"
    schema = official(name)
    if profile:
        schema = merge_patch(schema, PATCHES.get(name, {}))
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


def errors(name: str, record: dict, *, profile: bool = False) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name, profile=profile).iter_errors(record)
    ]
