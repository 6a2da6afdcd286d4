"""``/sitemap.xml``: the public pages and every published record, nothing a visitor cannot open."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from networks.models import Network
from projects.models import Municipality, Project
from transfers.models import TransferOffer

from .models import LegalPage

STATIC_PAGES = [
    "projects:home",
    "projects:list",
    "projects:gaps",
    "networks:list",
    "transfers:offers",
    "transfers:requests",
    "opendata:index",
    "pages:easy_language",
    "pages:sign_language",
    "pages:barrier_report",
    *(f"pages:{kind.name.lower()}" for kind in LegalPage.Kind),
]


class StaticPageSitemap(Sitemap):
    def items(self) -> list[str]:
        return STATIC_PAGES

    def location(self, item: str) -> str:
        return reverse(item)


class ProjectSitemap(Sitemap):
    def items(self):
        return Project.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, project: Project):
        return project.updated_at


class MunicipalitySitemap(Sitemap):
    def items(self):
        return Municipality.objects.only("slug").order_by("pk")


class NetworkSitemap(Sitemap):
    def items(self):
        return Network.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, network: Network):
        return network.updated_at


class OfferSitemap(Sitemap):
    def items(self):
        return TransferOffer.objects.active().only("pk", "updated_at").order_by("pk")

    def lastmod(self, offer: TransferOffer):
        return offer.updated_at


SITEMAPS = {
    "seiten": StaticPageSitemap,
    "projekte": ProjectSitemap,
    "kommunen": MunicipalitySitemap,
    "netzwerke": NetworkSitemap,
    "angebote": OfferSitemap,
}
