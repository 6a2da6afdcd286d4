"""German error pages in the portal's layout, and a 503 while the database is unreachable.

The pages for 400, 403 and 404 are rendered with the request, so the navigation knows who is signed in.
The 500 and 503 pages are rendered without it: no context processor runs, so nothing asks the session
or the user's groups, and they render while PostgreSQL is down (``{% url %}`` and ``{% static %}``
need no database).

While the database is unreachable every page answers 503 with ``Retry-After``. Two paths lead there:

* an error in the view reaches ``DatabaseUnavailableMiddleware.process_exception``;
* an error outside the view (in a middleware such as the rate limit or the session's save, or while an
  error page asks for the user) is turned into a response by Django's handler right where it happens,
  so no middleware further out ever sees the exception: ``server_error`` (``handler500``) recognises it.

Both close the connection that broke, so the next request opens a fresh one and the portal recovers
by itself when the database is back. An outage is logged once per request as a warning, not mailed to
the ADMINS for every request (that is what the monitoring of ``/healthz`` is for).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def close_broken_connections() -> None:
    """Drop every connection that no longer answers; Django opens a new one on the next query."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            connection.close()


def database_unavailable(request, exception: BaseException) -> HttpResponse:
    logger.warning("Database unavailable, answering 503: %s %s (%s)", request.method, request.path, exception)
    close_broken_connections()
    response = HttpResponse(loader.render_to_string("errors/503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response._has_been_logged = True  # logged above as a warning; Django would log every 503 as an error
    return response


class DatabaseUnavailableMiddleware:
    """Early in MIDDLEWARE; answers 503 when a view finds the database unreachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return database_unavailable(request, exception)
        return None


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="errors/400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="errors/403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="errors/404.html")


def server_error(request):
    """``handler500``: called while Django handles the exception, so ``sys.exc_info()`` names it."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_DOWN):
        return database_unavailable(request, exception)
    return HttpResponseServerError(loader.render_to_string("errors/500.html"))


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a form sent without a valid CSRF token (e.g. an old, reloaded page)."""
    return render(request, "errors/403_csrf.html", status=403)
