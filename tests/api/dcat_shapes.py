"""The vendored DCAT-AP.de 2.0 SHACL shapes (tests/dcat-ap-de-shapes) as a pyshacl validation."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

FOLDER = Path(__file__).resolve().parent.parent / "dcat-ap-de-shapes"
# The two profiles of the release (README.md there), "DCAT-AP.de 2.0 – Spezifikation" and
# "… Spezifikation + Konventionen" (what GovData expects on delivery), without the network imports
# of dcat-ap-de-imports.ttl: tests/api/dcat_vocabularies.ttl stands in for them.
SPECIFICATION = (
    "dcat-ap_2.1.1_shacl_shapes.ttl",
    "dcat-ap-spec-german-messages.ttl",
    "dcat-ap-spec-german-additions.ttl",
    "dcat-ap-de-deprecated.ttl",
)
CONVENTIONS = (*SPECIFICATION, "dcat-ap-konventionen.ttl")
VOCABULARIES = Path(__file__).resolve().parent / "dcat_vocabularies.ttl"


@dataclass(frozen=True)
class Result:
    severity: str  # Violation, Warning or Info
    focus: str
    path: str
    value: str
    shape: str
    messages: tuple[str, ...]  # German from the shapes, else pyshacl's English one

    def __str__(self) -> str:
        return f"{self.severity}: {self.focus} {self.path} = {self.value} ({self.shape}): {' | '.join(self.messages)}"


@cache
def shapes(profile: tuple[str, ...]) -> Graph:
    graph = Graph()
    for name in profile:
        graph.parse(FOLDER / name, format="turtle")
    return graph


@cache
def vocabularies() -> Graph:
    return Graph().parse(VOCABULARIES, format="turtle")


def results(data: Graph, profile: tuple[str, ...] = SPECIFICATION) -> list[Result]:
    # The vocabularies join the data, as the validator's owl:imports do; no RDFS/OWL inference runs.
    _conforms, report, _text = validate(data + vocabularies(), shacl_graph=shapes(profile), inference="none")
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        messages = sorted(report.objects(result, SH.resultMessage), key=lambda m: (m.language != "de", str(m)))
        found.append(
            Result(
                severity=str(report.value(result, SH.resultSeverity)).removeprefix(str(SH)),
                focus=str(report.value(result, SH.focusNode)),
                path=str(report.value(result, SH.resultPath)),
                value=str(report.value(result, SH.value)),
                shape=str(report.value(result, SH.sourceShape)),
                messages=tuple(str(message) for message in messages),
            )
        )
    return sorted(found, key=str)


def counts(found: list[Result]) -> dict[str, int]:
    return {severity: sum(r.severity == severity for r in found) for severity in ("Violation", "Warning", "Info")}
