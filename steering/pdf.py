"""PDF export of the dashboard's printable view with WeasyPrint (no request leaves the server)."""

from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders

BASE_URL = "http://transferboerse.invalid/"


def _fetch_static(url: str, *args, **kwargs):
    """Serve stylesheets and images from the static files; refuse everything else."""
    from weasyprint.urls import default_url_fetcher

    path = urlparse(url).path
    if url.startswith(BASE_URL) and path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        if found:
            return default_url_fetcher(Path(found).as_uri(), *args, **kwargs)
    raise ValueError(f"Not fetched while rendering the PDF: {url}")


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported lazily: it loads the system's Pango

    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetch_static).write_pdf()
