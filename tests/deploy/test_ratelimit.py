"""Rate limits of the public forms: counted in PostgreSQL, shared by every connection, per real client."""

import threading
import time
import uuid
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import RequestFactory, override_settings
from django.urls import reverse

from accounts.models import RateLimitCount
from accounts.ratelimit import counter_key, limited
from tests.factories import ProjectFactory, TransferOfferFactory
from transferboerse.client_ip import client_ip_address
from transfers.models import TransferInterest, TransferRequest

from .conftest import manage, production_env

LOW = {
    "login": {"path": r"^/verwaltung/login/$", "per_minute": 2},
    "interest": {"path": r"^/transfer/angebote/\d+/interesse/$", "per_minute": 2},
    "request": {"path": r"^/transfer/gesuche/neu/$", "per_minute": 2},
}
MESSAGE = "Zu viele Anfragen – bitte versuchen Sie es in einer Minute erneut."
PROXY = "10.0.0.254"  # the reverse proxy: every request reaches the app server from here


@pytest.fixture(autouse=True)
def low_limits():
    with override_settings(RATE_LIMITS=LOW):
        yield


def current_minute():
    with connection.cursor() as cursor:
        cursor.execute("SELECT date_trunc('minute', now())")
        return cursor.fetchone()[0]


def login_attempt(client, **meta):
    return client.post(reverse("admin:login"), {"username": "niemand", "password": "falsch"}, **meta).status_code


def request_data(selm, title):
    return {"municipality": selm.pk, "title": title, "need": "Wir suchen einen Elternkurs."}


def test_request_form_third_post_in_a_minute_gets_german_429_and_saves_nothing(client, coordinator_selm, selm):
    client.force_login(coordinator_selm)
    url = reverse("transfers:request_create")
    assert client.post(url, request_data(selm, "Erstes Gesuch")).status_code == 302
    assert client.post(url, request_data(selm, "Zweites Gesuch")).status_code == 302

    response = client.post(url, request_data(selm, "Drittes Gesuch"))

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert MESSAGE in response.content.decode()
    assert list(TransferRequest.objects.order_by("title").values_list("title", flat=True)) == [
        "Erstes Gesuch",
        "Zweites Gesuch",
    ]


def test_request_form_limit_does_not_affect_another_user(
    client, coordinator_selm, coordinator_bergkamen, selm, bergkamen
):
    url = reverse("transfers:request_create")
    client.force_login(coordinator_selm)
    for title in ["Eins", "Zwei", "Drei"]:
        client.post(url, request_data(selm, title))
    client.force_login(coordinator_bergkamen)

    response = client.post(url, {"municipality": bergkamen.pk, "title": "Bergkamen sucht", "need": "Bedarf"})

    assert response.status_code == 302
    assert TransferRequest.objects.filter(title="Bergkamen sucht").count() == 1


def test_request_form_get_is_not_limited(client, coordinator_selm):
    client.force_login(coordinator_selm)
    statuses = [client.get(reverse("transfers:request_create")).status_code for _ in range(5)]
    assert statuses == [200] * 5


def test_interest_form_over_the_limit_saves_nothing(client, coordinator_selm, bergkamen, selm):
    offers = [TransferOfferFactory(project=ProjectFactory(municipality=bergkamen)) for _ in range(3)]
    client.force_login(coordinator_selm)
    data = {
        "municipality": selm.pk,
        "message": "Wir möchten übernehmen.",
        "contact_name": "Markus Wiese",
        "contact_email": "m@example.org",
    }
    statuses = [
        client.post(reverse("transfers:interest_create", args=[offer.pk]), data).status_code for offer in offers
    ]

    assert statuses == [302, 302, 429]
    assert list(TransferInterest.objects.values_list("offer_id", flat=True).order_by("offer_id")) == [
        offers[0].pk,
        offers[1].pk,
    ]


def test_admin_login_is_limited_per_address(client, db):
    url = reverse("admin:login")
    statuses = [
        client.post(url, {"username": f"niemand{index}", "password": "falsch"}, REMOTE_ADDR="10.0.0.1").status_code
        for index in range(3)
    ]
    other_address = client.post(url, {"username": "niemand", "password": "falsch"}, REMOTE_ADDR="10.0.0.2")

    assert statuses == [200, 200, 429]
    assert other_address.status_code == 200


@pytest.mark.parametrize("per_minute", [1, 3])
def test_login_limit_is_reached_exactly_at_per_minute_plus_one(client, db, per_minute):
    limits = {"login": {**LOW["login"], "per_minute": per_minute}}
    with override_settings(RATE_LIMITS=limits):
        statuses = [login_attempt(client, REMOTE_ADDR="10.0.0.1") for _ in range(per_minute + 2)]

    assert statuses == [200] * per_minute + [429, 429]


def test_rate_limit_429_page_is_german_and_asks_to_retry_after_a_minute(client, db):
    for _ in range(2):
        login_attempt(client, REMOTE_ADDR="10.0.0.1")

    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"}, REMOTE_ADDR="10.0.0.1")

    assert (response.status_code, response["Retry-After"]) == (429, "60")
    assert MESSAGE in response.content.decode()
    assert "Ihre Eingaben wurden nicht gespeichert." in response.content.decode()


def test_rate_limit_counts_live_in_the_database_without_the_address(client, db):
    login_attempt(client, REMOTE_ADDR="10.0.0.1")
    login_attempt(client, REMOTE_ADDR="10.0.0.1")

    rows = list(RateLimitCount.objects.filter(key__startswith="login:").values_list("key", "window_start", "count"))

    assert rows == [(counter_key("login", "ip:10.0.0.1"), current_minute(), 2)]
    assert "10.0.0.1" not in rows[0][0]


def test_rate_limit_count_of_a_previous_minute_does_not_count(client, db):
    key = counter_key("login", "ip:10.0.0.1")
    RateLimitCount.objects.create(key=key, window_start=current_minute() - timedelta(minutes=1), count=50)

    statuses = [login_attempt(client, REMOTE_ADDR="10.0.0.1") for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert RateLimitCount.objects.get(key=key, window_start=current_minute()).count == 3


def test_rate_limit_deletes_rows_of_minutes_long_past_on_the_next_count(db):
    minute = current_minute()
    for age in [1, 2, 3, 60 * 24]:
        RateLimitCount.objects.create(key=f"old{age}", window_start=minute - timedelta(minutes=age), count=1)

    RateLimitCount.objects.hit("new")

    mine = RateLimitCount.objects.filter(key__in=["old1", "old2", "old3", "old1440", "new"])
    assert list(mine.values_list("key", flat=True)) == ["old2", "old1", "new"]


def in_threads(function, count: int) -> list:
    """Run ``function`` in ``count`` threads at once, each on its own database connection (autocommit)."""
    results: list = [None] * count
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(index):
        try:
            start.wait()
            results[index] = function()
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    return results


def database_seconds_into_minute() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT extract(second FROM now())")
        return float(cursor.fetchone()[0])


@pytest.fixture
def committed_key(db):
    """A key whose rows are committed by other connections; they are deleted from one afterwards."""
    key = f"test:{uuid.uuid4().hex}"
    # Counts are per minute of the database clock: a test that straddled a minute would split its count.
    seconds_into_minute = in_threads(database_seconds_into_minute, 1)[0]
    if seconds_into_minute > 50:
        time.sleep(60.5 - seconds_into_minute)
    yield key
    in_threads(lambda: RateLimitCount.objects.filter(key__startswith=key).delete(), 1)


def test_rate_limit_counts_of_separate_connections_add_up(committed_key):
    counts = [in_threads(lambda: RateLimitCount.objects.hit(committed_key), 1)[0] for _ in range(3)]

    assert counts == [1, 2, 3]


def test_rate_limit_concurrent_hits_on_separate_connections_lose_no_count(committed_key):
    counts = in_threads(lambda: [RateLimitCount.objects.hit(committed_key) for _ in range(5)], 8)

    assert sorted(count for thread_counts in counts for count in thread_counts) == list(range(1, 41))
    assert in_threads(lambda: RateLimitCount.objects.get(key=committed_key).count, 1) == [40]


def test_rate_limit_concurrent_login_posts_let_exactly_the_limit_through(committed_key):
    """Eight "workers" (threads, each with its own connection) get 40 login posts of one client at once."""
    client = f"ip:{committed_key}"  # a client nobody else uses, so the rows are found again for cleanup
    limits = {"login": {**LOW["login"], "per_minute": 10}}
    factory = RequestFactory()

    def post_five_times():
        return [limited(factory.post("/verwaltung/login/")) for _ in range(5)]

    # Settings are one object for the whole process: overriding them in each thread would let a thread
    # that finishes early restore the default limit while the others still count.
    with override_settings(RATE_LIMITS=limits), mock.patch("accounts.ratelimit._client", return_value=client):
        outcomes = in_threads(post_five_times, 8)

    flat = [outcome for thread_outcomes in outcomes for outcome in thread_outcomes]
    assert (flat.count(None), flat.count("login")) == (10, 30)
    in_threads(lambda: RateLimitCount.objects.filter(key=counter_key("login", client)).delete(), 1)


# Behind the reverse proxy (production: PROXY_COUNT=1) every request comes from the proxy's address;
# the client is the entry the proxy appended to X-Forwarded-For, the right-most one.


@override_settings(PROXY_COUNT=1)
def test_login_limit_behind_proxy_counts_each_forwarded_client_separately(client, db):
    first = [login_attempt(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.5") for _ in range(3)]
    second = [login_attempt(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7") for _ in range(2)]

    assert (first, second) == ([200, 200, 429], [200, 200])


@override_settings(PROXY_COUNT=1)
def test_login_limit_behind_proxy_cannot_be_escaped_with_a_forged_forwarded_address(client, db):
    # The client sends its own X-Forwarded-For each time; the proxy appends the real address.
    statuses = [
        login_attempt(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{index}, 203.0.113.5")
        for index in range(4)
    ]

    assert statuses == [200, 200, 429, 429]


@override_settings(PROXY_COUNT=1)
def test_axes_behind_proxy_records_the_forwarded_client_address(client, db):
    login_attempt(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5")

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.5"]


@pytest.mark.parametrize(
    ("proxy_count", "forwarded_for", "expected"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy configured: the header is the client's and ignored
        (1, None, PROXY),  # proxy did not set the header: never trust anything, use the proxy's address
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # left part forged by the client
        (1, "192.0.2.1,203.0.113.5 ", "203.0.113.5"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "unknown", PROXY),  # not an address: the proxy's address, never free text in the lockout table
        (2, "192.0.2.1, 203.0.113.5, 10.0.0.3", "203.0.113.5"),  # two proxies, each appended one entry
        (2, "203.0.113.5", PROXY),  # fewer entries than proxies: misconfigured, use the proxy's address
    ],
)
def test_client_ip_address_takes_the_entry_the_outermost_proxy_added(proxy_count, forwarded_for, expected):
    meta = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    request = RequestFactory().post("/verwaltung/login/", **meta)

    with override_settings(PROXY_COUNT=proxy_count):
        assert client_ip_address(request) == expected


def test_production_settings_read_the_client_address_behind_one_proxy():
    code = "from django.conf import settings as s; print(s.PROXY_COUNT, s.AXES_CLIENT_IP_CALLABLE)"

    default = manage("shell", "--no-imports", "-c", code, env=production_env())
    two_proxies = manage("shell", "--no-imports", "-c", code, env=production_env(DJANGO_PROXY_COUNT="2"))

    assert default.stdout == "1 transferboerse.client_ip.client_ip_address\n"
    assert two_proxies.stdout == "2 transferboerse.client_ip.client_ip_address\n"
