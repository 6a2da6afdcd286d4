"""German error pages in the portal's layout; a German 503 while PostgreSQL is down, and recovery after it."""

import subprocess
import sys
import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import OperationalError, connection
from django.test import Client, RequestFactory
from django.urls import path, reverse

from transferboerse import errors
from transferboerse import urls as portal_urls

from ..factories import UserFactory, make_coordinator
from .conftest import PORT, PROJECT_DIR, production_env

PASSWORD = "geheim-1234"
LAYOUT = ['<html lang="de">', "Zum Inhalt springen", "Impressum", "Datenschutz"]


def broken_view(request):
    raise RuntimeError("a bug")


# The portal's URLs and error handlers plus one view with a bug, for @pytest.mark.urls(__name__).
urlpatterns = [path("kaputt/", broken_view), *portal_urls.urlpatterns]
handler404 = portal_urls.handler404
handler500 = portal_urls.handler500


def page(response) -> str:
    return response.content.decode()


def assert_portal_page(response, *, status: int, title: str, text: str) -> None:
    """A page of the portal's layout with the German title as <title> and <h1>."""
    html = page(response)
    assert response.status_code == status
    assert f"<title>{title} · Transferbörse Präventionsketten</title>" in html
    assert f"<h1>{title}</h1>" in html
    assert text in html
    assert [marker for marker in LAYOUT if marker not in html] == []


# German pages for 400, 403, 404, 500 ---------------------------------------------------------------------


@pytest.mark.django_db
def test_unknown_address_shows_german_404_page(client):
    response = client.get("/gibt-es-nicht/")

    assert_portal_page(
        response, status=404, title="Seite nicht gefunden", text="Die Seite, die Sie aufrufen wollten, gibt es nicht"
    )


@pytest.mark.django_db
def test_user_without_role_on_ledger_sees_german_403_page_with_the_reason(client):
    client.force_login(UserFactory(username="ohne-rolle", is_staff=True))

    response = client.get(reverse("transfers:ledger"))

    assert_portal_page(
        response,
        status=403,
        title="Kein Zugriff",
        text="Die Transferbilanz sehen die Koordination der Kommunen und die Steuerungsgruppe. (Fehler 403)",
    )
    assert "403 Forbidden" not in page(response)
    assert "wenden Sie sich bitte an die Redaktion" in page(response)


@pytest.mark.django_db
def test_anonymous_403_page_offers_sign_in(rf):
    request = rf.get("/transfer/bilanz/")
    request.user = AnonymousUser()

    response = errors.permission_denied(request, PermissionDenied())

    html = page(response)
    assert response.status_code == 403
    assert "Sie haben keine Berechtigung, diese Seite aufzurufen. (Fehler 403)" in html
    assert '<a href="/verwaltung/login/?next=/transfer/bilanz/">Melden Sie sich an' in html


@pytest.mark.django_db
def test_request_for_unknown_host_shows_german_400_page(client):
    response = client.get("/", headers={"host": "angreifer.example.org"})

    assert_portal_page(
        response,
        status=400,
        title="Ungültige Anfrage",
        text="Ihr Browser hat eine Anfrage gesendet, die das Portal nicht verarbeiten kann (Fehler 400).",
    )


@pytest.mark.django_db
def test_form_without_csrf_token_shows_german_403_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})

    assert_portal_page(
        response,
        status=403,
        title="Formular nicht angenommen",
        text="die Sicherheitsprüfung (CSRF) ist fehlgeschlagen (Fehler 403)",
    )


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_bug_in_a_view_shows_german_500_page():
    client = Client(raise_request_exception=False)

    response = client.get("/kaputt/")

    assert_portal_page(
        response,
        status=500,
        title="Fehler auf dem Server",
        text="Bei der Bearbeitung Ihrer Anfrage ist ein unerwarteter Fehler aufgetreten (Fehler 500).",
    )
    assert "Server Error" not in page(response)


@pytest.mark.urls(__name__)
def test_500_page_renders_without_any_database_access():
    """No ``db`` fixture: pytest-django makes every query raise, so the whole request must do without."""
    client = Client(raise_request_exception=False)

    response = client.get("/kaputt/")

    assert_portal_page(response, status=500, title="Fehler auf dem Server", text="Der Fehler wurde protokolliert.")


def test_500_and_503_handlers_render_without_any_database_access():
    request = RequestFactory().get("/projekte/")

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        unavailable = errors.server_error(request)
    error = errors.server_error(request)

    assert (error.status_code, unavailable.status_code, unavailable["Retry-After"]) == (500, 503, "30")
    assert "<h1>Fehler auf dem Server</h1>" in page(error)
    assert "<h1>Vorübergehend nicht erreichbar</h1>" in page(unavailable)


@pytest.mark.django_db
def test_admin_404_is_the_german_page(client):
    client.force_login(UserFactory(username="admin-test", is_superuser=True))

    response = client.get("/verwaltung/gibt-es-nicht/")

    assert_portal_page(response, status=404, title="Seite nicht gefunden", text="(Fehler 404)")


@pytest.mark.django_db
def test_admin_403_is_the_german_page(client, selm):
    client.force_login(make_coordinator(selm, username="koordination-selm-test"))

    response = client.get(reverse("admin:accounts_user_changelist"))

    assert_portal_page(
        response, status=403, title="Kein Zugriff", text="Sie haben keine Berechtigung, diese Seite aufzurufen."
    )


# Database down: 503 with Retry-After, then recovery -------------------------------------------------------


def assert_database_down_page(response) -> None:
    assert_portal_page(
        response,
        status=503,
        title="Vorübergehend nicht erreichbar",
        text="die Datenbank antwortet nicht (Fehler 503)",
    )
    assert response["Retry-After"] == "30"


def terminate_own_backend() -> None:
    """Kill this test's server process from a second connection, as a restart of PostgreSQL would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture
def real_database(django_db_setup, django_db_blocker):
    """The test database without a wrapping test transaction, so a connection can really break and be
    replaced. Not ``transaction=True``: its flush would also delete the role groups of the data migrations
    from the reused database. The tests below write nothing."""
    with django_db_blocker.unblock():
        yield
        connection.close()


class Outage:
    """Points the connection at a port where nothing listens, as if PostgreSQL were stopped."""

    def __init__(self):
        self.port = connection.settings_dict["PORT"]

    def start(self) -> None:
        connection.close()
        connection.settings_dict["PORT"] = "9"

    def end(self) -> None:
        connection.close()
        connection.settings_dict["PORT"] = self.port


@pytest.fixture
def outage(real_database):
    outage = Outage()
    yield outage
    outage.end()


def test_terminated_connection_gives_503_and_next_request_recovers(client, real_database):
    assert client.get(reverse("projects:list")).status_code == 200

    terminate_own_backend()
    down = client.get(reverse("projects:list"))
    up = client.get(reverse("projects:list"))

    assert_database_down_page(down)
    assert up.status_code == 200
    assert "<h1>Projekte finden</h1>" in page(up)


def test_unreachable_database_gives_503_and_portal_recovers_when_it_is_back(client, outage):
    # The session is read again when its cookie is renewed (SessionMiddleware, outside the view): that
    # error reaches handler500, which the test client would re-raise.
    signed_in = Client(raise_request_exception=False)
    signed_in.cookies["sessionid"] = "a-session-that-must-be-loaded"

    outage.start()
    down = [client.get(reverse("projects:home")), signed_in.get(reverse("projects:list"))]
    outage.end()
    up = [client.get(reverse("projects:home")), signed_in.get(reverse("projects:list"))]

    for response in down:
        assert_database_down_page(response)
    assert [response.status_code for response in up] == [200, 200]
    assert "<h1>Projekte finden</h1>" in page(up[1])


def test_database_error_outside_the_view_gives_503_too(outage):
    """The rate limit counts a login POST in its middleware, and a 404 page asks the session for the user:
    neither error reaches a view, both are turned into the 503 page by ``handler500``."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-that-must-be-loaded"

    outage.start()
    down = [
        client.post(reverse("admin:login"), {"username": "admin-test", "password": PASSWORD}),
        client.get("/gibt-es-nicht/"),
    ]
    outage.end()

    for response in down:
        assert_database_down_page(response)
    assert client.get("/gibt-es-nicht/").status_code == 404


def test_healthz_reports_outage_and_recovery(client, real_database):
    terminate_own_backend()

    down = client.get("/healthz")
    up = client.get("/healthz")

    assert (down.status_code, down.json()) == (503, {"status": "error", "database": "unreachable"})
    assert (up.status_code, up.json()) == (200, {"status": "ok", "database": "ok"})


# The same under production settings and gunicorn -----------------------------------------------------------


def test_production_server_without_database_answers_german_503(gunicorn):
    """gunicorn with the production settings, WhiteNoise and the collected static files, and a database
    address where nothing listens: the 503 page needs neither the database nor an uncollected file."""
    port = PORT + 1
    env = production_env(
        DATABASE_URL="postgres://transferboerse:geheim@127.0.0.1:9/transferboerse",
        DJANGO_STATIC_ROOT=str(gunicorn),
        DJANGO_ALLOWED_HOSTS="transferboerse.example.org",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "transferboerse/gunicorn.conf.py", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "transferboerse.wsgi"],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/projekte/",
            headers={"Host": "transferboerse.example.org", "X-Forwarded-Proto": "https"},
        )
        response = None
        for _ in range(100):
            try:
                response = urllib.request.urlopen(request, timeout=5)
            except urllib.error.HTTPError as error:
                response = error
            except OSError:
                time.sleep(0.1)
                continue
            break
        html = response.read().decode()

        assert (response.status, response.headers["Retry-After"]) == (503, "30")
        assert "<h1>Vorübergehend nicht erreichbar</h1>" in html
        assert "Server Error" not in html
        assert '<link rel="stylesheet" href="/static/css/site.' in html  # hashed name from the manifest
    finally:
        server.terminate()
        server.wait(timeout=10)
