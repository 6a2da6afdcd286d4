"""PDF export of the dashboard's printable view with WeasyPrint (no request leaves the server)."""

from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders

BASE_URL = "http://transferboerse.invalid/"


def _static_fetcher():
    from weasyprint.urls import URLFetcher

    class StaticFilesFetcher(URLFetcher):
        """Serves stylesheets and images from the static files; refuses everything else."""

        def fetch(self, url, headers=None):
            path = urlparse(url).path
            if url.startswith(BASE_URL) and path.startswith(settings.STATIC_URL):
                found = finders.find(path.removeprefix(settings.STATIC_URL))
                if found:
                    return super().fetch(Path(found).as_uri(), headers)
            raise ValueError(f"Not fetched while rendering the PDF: {url}")

    return StaticFilesFetcher(allowed_protocols=["file"])


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported lazily: it loads the system's Pango

    return HTML(string=html, base_url=BASE_URL, url_fetcher=_static_fetcher()).write_pdf()
