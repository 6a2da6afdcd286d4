"""The DCAT-AP.de catalogue of the open data (/offene-daten/katalog.rdf and katalog.jsonld), so that
GovData and Open.NRW can harvest it: one dataset per collection and one for the HSDS data, each
with its distributions, licence (dl-de/by-2-0), publisher, contact point, update frequency and last
modification.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Max, Min
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from projects.models import Municipality

from .endpoints import COLLECTIONS

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
ATTRIBUTION = "Transferbörse Präventionsketten Kreis Unna"
FREQUENCY = URIRef("http://publications.europa.eu/resource/authority/frequency/DAILY")
THEME = URIRef("http://publications.europa.eu/resource/authority/data-theme/SOCI")
GERMAN = URIRef("http://publications.europa.eu/resource/authority/language/DEU")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Distribution:
    title: str
    url: str
    file_type: str  # EU file-type authority code (CSV, JSON, ZIP)
    media_type: str


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    keywords: tuple[str, ...]
    issued: datetime | None  # None when no record carries a creation date (the Kommunen)
    modified: datetime
    distributions: tuple[Distribution, ...]


def first_and_latest(queryset, default: datetime) -> tuple[datetime | None, datetime]:
    """When the first record of a dataset was created and when one last changed, in one query."""
    fields = {field.name for field in queryset.model._meta.fields}
    aggregates = {"first": Min("created_at")} if "created_at" in fields else {}
    if "updated_at" in fields:
        aggregates["latest"] = Max("updated_at")
    found = queryset.aggregate(**aggregates) if aggregates else {}
    return found.get("first"), found.get("latest") or default


def datasets(request: HttpRequest) -> list[Dataset]:
    url = request.build_absolute_uri
    now = timezone.now()
    found = []
    for collection in COLLECTIONS:
        queryset = collection.queryset()
        issued, modified = first_and_latest(queryset, now)
        found.append(
            Dataset(
                key=collection.download_name,
                title=f"Transferbörse: {collection.summary}",
                description=f"{collection.summary} aus der Transferbörse Präventionsketten, als CSV und über die API.",
                keywords=("Prävention", "Präventionskette", "Kinder und Jugendliche", collection.summary),
                issued=issued,
                modified=modified,
                distributions=(
                    Distribution(
                        f"{collection.summary} (CSV)",
                        url(reverse("opendata:csv", args=[collection.download_name])),
                        "CSV",
                        "text/csv",
                    ),
                    Distribution(
                        f"{collection.summary} (JSON-API)",
                        url(reverse(f"api:{collection.path}")),
                        "JSON",
                        "application/json",
                    ),
                ),
            )
        )
    projects = next(collection for collection in COLLECTIONS if collection.path == "projects").queryset()
    issued, modified = first_and_latest(projects, now)
    found.append(
        Dataset(
            key="hsds",
            title="Transferbörse: Angebote nach Open Referral HSDS 3.0",
            description=(
                "Projekte und Transfer-Angebote (service), Kommunen und Träger (organization), Sozialräume "
                "(service_area) und Taxonomien im Standard Open Referral HSDS 3.0, als API und als "
                "Frictionless-Datenpaket."
            ),
            keywords=("Prävention", "Open Referral", "HSDS"),
            issued=issued,
            modified=modified,
            distributions=(
                Distribution("HSDS-API (JSON)", url(reverse("hsds:services")), "JSON", "application/json"),
                Distribution(
                    "HSDS-Datenpaket (ZIP mit CSV)", url(reverse("opendata:hsds_package")), "ZIP", "application/zip"
                ),
            ),
        )
    )
    return found


def publisher_name() -> str:
    district = Municipality.objects.filter(kind=Municipality.Kind.DISTRICT, parent=None).order_by("pk").first()
    return district.name if district else ATTRIBUTION


def graph(request: HttpRequest) -> Graph:
    url = request.build_absolute_uri
    home = url(reverse("opendata:index"))
    g = Graph()
    for prefix, namespace in [("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("dcatde", DCATDE)]:
        g.bind(prefix, namespace)

    publisher = URIRef(home + "#herausgeber")
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(publisher_name(), lang="de")))

    contact = URIRef(home + "#kontakt")
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal("Transferbörse", lang="de")))
    g.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.DEFAULT_FROM_EMAIL)))
    g.add((contact, VCARD.hasURL, URIRef(home)))

    catalogue = URIRef(url(reverse("opendata:catalogue_rdf")))
    g.add((catalogue, RDF.type, DCAT.Catalog))
    g.add((catalogue, DCTERMS.title, Literal("Transferbörse – Offene Daten", lang="de")))
    g.add((catalogue, DCTERMS.description, Literal("Offene Daten der Transferbörse Präventionsketten.", lang="de")))
    g.add((catalogue, DCTERMS.publisher, publisher))
    g.add((catalogue, DCTERMS.language, GERMAN))
    g.add((catalogue, DCTERMS.license, LICENCE))
    g.add((catalogue, FOAF.homepage, URIRef(home)))

    found = datasets(request)
    # A dataset whose records carry no creation date (the Kommunen) was published with the portal's first records.
    first = min((d.issued for d in found if d.issued is not None), default=timezone.now())
    g.add((catalogue, DCTERMS.issued, Literal(first, datatype=XSD.dateTime)))
    g.add((catalogue, DCTERMS.modified, Literal(max(d.modified for d in found), datatype=XSD.dateTime)))
    for dataset in found:
        node = URIRef(f"{home}#datensatz-{dataset.key}")
        g.add((catalogue, DCAT.dataset, node))
        g.add((node, RDF.type, DCAT.Dataset))
        g.add((node, DCTERMS.identifier, Literal(f"{home}#datensatz-{dataset.key}")))
        g.add((node, DCTERMS.title, Literal(dataset.title, lang="de")))
        g.add((node, DCTERMS.description, Literal(dataset.description, lang="de")))
        g.add((node, DCTERMS.publisher, publisher))
        g.add((node, DCAT.contactPoint, contact))
        g.add((node, DCATDE.maintainer, publisher))
        if settings.OPEN_DATA_CONTRIBUTOR_ID:
            g.add((node, DCATDE.contributorID, URIRef(settings.OPEN_DATA_CONTRIBUTOR_ID)))
        g.add((node, DCATDE.licenseAttributionByText, Literal(ATTRIBUTION, lang="de")))
        g.add((node, DCTERMS.accrualPeriodicity, FREQUENCY))
        g.add((node, DCTERMS.issued, Literal(dataset.issued or first, datatype=XSD.dateTime)))
        g.add((node, DCTERMS.modified, Literal(dataset.modified, datatype=XSD.dateTime)))
        g.add((node, DCTERMS.language, GERMAN))
        g.add((node, DCAT.theme, THEME))
        g.add((node, DCAT.landingPage, URIRef(home)))
        for keyword in dataset.keywords:
            g.add((node, DCAT.keyword, Literal(keyword, lang="de")))
        for distribution in dataset.distributions:
            item = BNode()
            g.add((node, DCAT.distribution, item))
            g.add((item, RDF.type, DCAT.Distribution))
            g.add((item, DCTERMS.title, Literal(distribution.title, lang="de")))
            g.add((item, DCAT.accessURL, URIRef(distribution.url)))
            g.add((item, DCAT.downloadURL, URIRef(distribution.url)))
            g.add((item, DCTERMS.license, LICENCE))
            g.add((item, DCATDE.licenseAttributionByText, Literal(ATTRIBUTION, lang="de")))
            g.add((item, DCTERMS.format, URIRef(FILE_TYPE + distribution.file_type)))
            g.add((item, DCAT.mediaType, URIRef(MEDIA_TYPE + distribution.media_type)))
            g.add((item, DCTERMS.modified, Literal(dataset.modified, datatype=XSD.dateTime)))
    return g
