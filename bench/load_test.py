"""Load test: gunicorn with the production settings, 50 simulated users for 2 minutes (locust, headless).

    .venv/bin/python bench/load_test.py                    # 50 users, 2 minutes, port 8027
    .venv/bin/python bench/load_test.py --users 20 --time 60 --port 8028

Uses its own database ``transferboerse_load`` on the embedded server (migrated, demo content loaded,
one coordinator account per municipality with a known password), starts gunicorn on 127.0.0.1 only
and runs two kinds of users: visitors browse, search and filter the public pages; coordinators log in
at /verwaltung/login/, register transfer interest on offers of other municipalities, accept interests
in their own offers and withdraw their own. Prints requests, failures and p50/p95 per endpoint, then
compares the writes the clients saw succeed with the rows the database gained during the run.
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import http.cookiejar  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
import gevent.event  # noqa: E402
from locust import HttpUser, between, task  # noqa: E402
from locust.env import Environment  # noqa: E402

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
from bench.portal import PASSWORD, SETUP, database_env, manage, shell_json, wait_for_server  # noqa: E402

DATABASE = "transferboerse_load"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

COUNT = """
import json
from transfers.models import TransferEvent, TransferInterest
print(json.dumps({"interests": TransferInterest.objects.count(), "events": TransferEvent.objects.count()}))
"""

WORDS = ["Familie", "Kita", "Schule", "Eltern", "Sprache", "Übergang", "Beratung", "Jugend", "Gesundheit", "xyz"]


# Production sets Secure cookies and trusts X-Forwarded-Proto from 127.0.0.1 (the "proxy"): the
# clients play the reverse proxy, so their cookie jars send Secure cookies over plain HTTP too.
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True


class Shared:
    """What the users share: the data from the set-up, open interests per offering municipality, counters."""

    data: dict = {}
    next_coordinator = 0
    registered_interests: dict[int, list[int]] = defaultdict(list)  # offering municipality -> interest ids
    own_interests: dict[str, list[int]] = defaultdict(list)  # username -> interests it registered
    writes: Counter = Counter()


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update({"X-Forwarded-Proto": "https", "Referer": f"https://127.0.0.1:{self.port}/"})

    @property
    def port(self) -> int:
        return int(self.host.rsplit(":", 1)[1])

    def page(self, path: str, name: str | None = None):
        return self.client.get(path, name=name or path, allow_redirects=False)


class Visitor(PortalUser):
    weight = 3

    @task(3)
    def home(self):
        self.page("/")

    @task(3)
    def project_list(self):
        self.page("/projekte/")

    @task(4)
    def project(self):
        self.page(f"/projekte/{random.choice(Shared.data['projects'])}/", "/projekte/<slug>/")

    @task(2)
    def search(self):
        self.page(f"/projekte/?q={random.choice(WORDS)}", "/projekte/?q=")

    @task(2)
    def filter_projects(self):
        municipality = random.choice(Shared.data["municipalities"])
        transition = random.choice(Shared.data["transitions"])
        self.page(f"/projekte/?kommune={municipality}&uebergang={transition}", "/projekte/?kommune&uebergang")

    @task(1)
    def gaps(self):
        self.page("/luecken/")

    @task(1)
    def networks(self):
        self.page("/netzwerke/")
        if Shared.data["networks"]:
            self.page(f"/netzwerke/{random.choice(Shared.data['networks'])}/", "/netzwerke/<slug>/")

    @task(2)
    def offers(self):
        self.page("/transfer/angebote/")
        self.page(f"/transfer/angebote/?q={random.choice(WORDS)}", "/transfer/angebote/?q=")

    @task(1)
    def requests(self):
        self.page("/transfer/gesuche/")


class CoordinatorUser(PortalUser):
    weight = 1

    def on_start(self):
        super().on_start()
        coordinators = Shared.data["coordinators"]
        account = coordinators[Shared.next_coordinator % len(coordinators)]
        Shared.next_coordinator += 1
        self.username, self.municipality = account["username"], account["municipality"]
        form = self.page("/verwaltung/login/", "/verwaltung/login/ (GET)")
        with self.client.post(
            "/verwaltung/login/?next=/transfer/meine/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf(form.text)},
            name="/verwaltung/login/ (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"Anmeldung fehlgeschlagen: {response.status_code}")

    @staticmethod
    def csrf(html: str) -> str:
        match = CSRF_RE.search(html)
        return match.group(1) if match else ""

    @task(2)
    def mine(self):
        self.page("/transfer/meine/")

    @task(3)
    def register_interest(self):
        offers = [offer for offer in Shared.data["offers"] if offer["municipality"] != self.municipality]
        offer = random.choice(offers)
        path = f"/transfer/angebote/{offer['id']}/interesse/"
        form = self.page(path, "/transfer/angebote/<id>/interesse/ (GET)")
        with self.client.post(
            path,
            {
                "csrfmiddlewaretoken": self.csrf(form.text),
                "municipality": self.municipality,
                "message": "Wir möchten das Angebot übernehmen (Lasttest).",
                "preferred_period": "2. Halbjahr",
                "contact_name": "Last Test",
                "contact_email": f"{self.username}@example.org",
            },
            name="/transfer/angebote/<id>/interesse/ (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            match = re.search(r"/transfer/interessen/(\d+)/$", response.headers.get("Location", ""))
            if response.status_code == 302 and match:
                Shared.writes["interest_registered"] += 1
                Shared.registered_interests[offer["municipality"]].append(int(match.group(1)))
                Shared.own_interests[self.username].append(int(match.group(1)))
            elif response.status_code == 200:
                Shared.writes["interest_refused_form"] += 1  # already an open interest: the form says so
                response.success()
            elif response.status_code == 429:
                Shared.writes["rate_limited"] += 1
                response.success()
            else:
                response.failure(f"unerwartet: {response.status_code}")

    def step(self, interest_id: int, action: str) -> bool:
        path = f"/transfer/interessen/{interest_id}/"
        page = self.page(path, "/transfer/interessen/<id>/")
        with self.client.post(
            f"{path}schritt/",
            {"csrfmiddlewaretoken": self.csrf(page.text), "action": action, f"{action}-comment": "Lasttest"},
            name=f"/transfer/interessen/<id>/schritt/ ({action})",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                Shared.writes[f"step_{action}"] += 1
                return True
            if response.status_code in (403, 409):  # not (or no longer) allowed: someone was quicker
                Shared.writes[f"step_{action}_refused"] += 1
                response.success()
            elif response.status_code == 429:
                Shared.writes["rate_limited"] += 1
                response.success()
            else:
                response.failure(f"unerwartet: {response.status_code}")
        return False

    @task(2)
    def accept(self):
        waiting = Shared.registered_interests[self.municipality]
        if waiting:
            self.step(waiting.pop(random.randrange(len(waiting))), "accept")

    @task(1)
    def withdraw(self):
        own = Shared.own_interests[self.username]
        if own:
            self.step(own.pop(random.randrange(len(own))), "withdraw")


class CrossRegistrar(PortalUser):
    """Two Kommunen register interest in each other's offers at the same moment, then withdraw both.

    This is the interleaving that deadlocked before (each registration locked the other side's Kommune
    row): both POSTs leave together, from two sessions of two coordinators.
    """

    fixed_count = 2
    wait_time = between(0.5, 1.5)

    def on_start(self):
        super().on_start()
        from locust.clients import HttpSession

        by_municipality = defaultdict(list)
        for offer in Shared.data["offers"]:
            by_municipality[offer["municipality"]].append(offer["id"])
        self.offers = dict(by_municipality)
        self.accounts = {account["municipality"]: account["username"] for account in Shared.data["coordinators"]}
        self.sessions = {}
        self.second = HttpSession(self.host, self.environment.events.request, self)
        self.second.headers.update(self.client.headers)

    def session_for(self, client, municipality: int):
        username = self.accounts[municipality]
        if self.sessions.get(id(client)) != username:
            client.cookies.clear()
            form = client.get("/verwaltung/login/", name="/verwaltung/login/ (GET)")
            client.post(
                "/verwaltung/login/",
                {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": CoordinatorUser.csrf(form.text)},
                name="/verwaltung/login/ (POST)",
                allow_redirects=False,
            )
            self.sessions[id(client)] = username
        return client

    def register(self, client, municipality: int, offer_id: int, ready: gevent.event.Event) -> int | None:
        path = f"/transfer/angebote/{offer_id}/interesse/"
        form = client.get(path, name="/transfer/angebote/<id>/interesse/ (GET, über Kreuz)")
        data = {
            "csrfmiddlewaretoken": CoordinatorUser.csrf(form.text),
            "municipality": municipality,
            "message": "Über Kreuz (Lasttest).",
            "contact_name": "Last Test",
            "contact_email": "kreuz@example.org",
        }
        ready.wait()
        with client.post(
            path, data, name="/transfer/angebote/<id>/interesse/ (POST, über Kreuz)", allow_redirects=False,
            catch_response=True,
        ) as response:  # fmt: skip
            match = re.search(r"/transfer/interessen/(\d+)/$", response.headers.get("Location", ""))
            if response.status_code == 302 and match:
                Shared.writes["interest_registered"] += 1
                Shared.writes["cross_registered"] += 1
                return int(match.group(1))
            if response.status_code in (200, 429):
                Shared.writes["interest_refused_form" if response.status_code == 200 else "rate_limited"] += 1
                response.success()
            else:
                response.failure(f"unerwartet: {response.status_code}")
        return None

    def withdraw(self, client, interest_id: int) -> None:
        path = f"/transfer/interessen/{interest_id}/"
        page = client.get(path, name="/transfer/interessen/<id>/")
        with client.post(
            f"{path}schritt/",
            {
                "csrfmiddlewaretoken": CoordinatorUser.csrf(page.text),
                "action": "withdraw",
                "withdraw-comment": "Lasttest",
            },
            name="/transfer/interessen/<id>/schritt/ (withdraw)", allow_redirects=False, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 302:
                Shared.writes["step_withdraw"] += 1
            elif response.status_code in (403, 409, 429):
                Shared.writes["step_withdraw_refused"] += 1
                response.success()
            else:
                response.failure(f"unerwartet: {response.status_code}")

    @task
    def cross_register(self):
        first, second = random.sample(sorted(self.offers), 2)
        clients = [self.session_for(self.client, first), self.session_for(self.second, second)]
        ready = gevent.event.Event()
        jobs = [
            gevent.spawn(self.register, clients[0], first, random.choice(self.offers[second]), ready),
            gevent.spawn(self.register, clients[1], second, random.choice(self.offers[first]), ready),
        ]
        gevent.sleep(0.05)
        ready.set()
        gevent.joinall(jobs)
        for client, job in zip(clients, jobs, strict=True):
            if job.value:
                self.withdraw(client, job.value)


def print_stats(environment: Environment, seconds: float) -> None:
    stats = environment.stats
    print(f"\n{'Endpunkt':58} {'Anfr.':>6} {'Fehler':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for entry in sorted(stats.entries.values(), key=lambda entry: entry.name):
        print(
            f"{entry.method + ' ' + entry.name:58.58} {entry.num_requests:>6} {entry.num_failures:>6} "
            f"{entry.get_response_time_percentile(0.5):>7.0f} {entry.get_response_time_percentile(0.95):>7.0f}"
        )
    total = stats.total
    print(
        f"{'GESAMT':58} {total.num_requests:>6} {total.num_failures:>6} "
        f"{total.get_response_time_percentile(0.5):>7.0f} {total.get_response_time_percentile(0.95):>7.0f}"
    )
    print(f"Durchsatz: {total.num_requests / seconds:.1f} Anfragen/s über {seconds:.0f} s")
    for error in stats.errors.values():
        print(f"  Fehler: {error.method} {error.name}: {error.error} ×{error.occurrences}")


STATUS: Counter = Counter()


def count_status(response=None, exception=None, **kwargs) -> None:
    STATUS[
        f"{response.status_code // 100}xx" if response is not None and response.status_code else "keine Antwort"
    ] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--time", type=int, default=120, help="Sekunden")
    parser.add_argument("--port", type=int, default=8027)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    from transferboerse.embedded_db import database_url

    url = database_url(name=DATABASE)  # keeps the embedded server running while this script lives
    local = database_env("transferboerse.settings.local", url)
    print(f"Datenbank {DATABASE}: migrate, load_demo, Konten …", flush=True)
    manage(local, "migrate", "--noinput")
    manage(local, "load_demo")
    manage(local, "search_rebuild")
    Shared.data = shell_json(local, SETUP)
    print(
        f"{len(Shared.data['projects'])} Projekte, {len(Shared.data['offers'])} aktive Angebote, "
        f"{len(Shared.data['coordinators'])} Koordinationskonten",
        flush=True,
    )

    static_root = tempfile.mkdtemp(prefix="transferboerse-load-static-")
    production = database_env(
        "transferboerse.settings.production",
        url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_DEFAULT_FROM_EMAIL="transferboerse@example.org",
        DJANGO_SITE_URL="http://127.0.0.1",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DJANGO_STATIC_ROOT=static_root,
        # every simulated client logs in from 127.0.0.1; the other limits (per user) stay as in production
        DJANGO_RATE_LIMIT_LOGIN="1000",
    )
    manage(production, "collectstatic", "--noinput")
    log = open(Path(static_root) / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "transferboerse/gunicorn.conf.py", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{args.port}", "--access-logfile", "/dev/null", "transferboerse.wsgi"],
        cwd=PROJECT_DIR, env=production, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_server(args.port, server)
        print(f"gunicorn ({args.workers} Worker) auf 127.0.0.1:{args.port}; {args.users} Nutzer für {args.time} s")
        environment = Environment(
            user_classes=[Visitor, CoordinatorUser, CrossRegistrar],
            host=f"http://127.0.0.1:{args.port}",
            # At the end every user finishes the task it is in: a write cut off after the server did it
            # but before the client saw the answer would count as a row nobody acknowledged.
            stop_timeout=30,
        )
        environment.events.request.add_listener(count_status)
        runner = environment.create_local_runner()
        started = time.monotonic()
        runner.start(args.users, spawn_rate=args.spawn_rate)
        gevent.spawn_later(args.time, runner.quit)
        runner.greenlet.join()
        seconds = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    print_stats(environment, seconds)
    server_errors = STATUS["5xx"]
    print("Statuscodes: " + ", ".join(f"{key}: {value}" for key, value in sorted(STATUS.items())))
    after = shell_json(local, COUNT)
    new_interests = after["interests"] - Shared.data["interests"]
    new_events = after["events"] - Shared.data["events"]
    writes = Shared.writes
    seen_events = writes["interest_registered"] + writes["step_accept"] + writes["step_withdraw"]
    print("\nSchreibvorgänge (von den Clients als erfolgreich gesehen → in der Datenbank):")
    print(f"  Interesse angemeldet:      {writes['interest_registered']:>5} → TransferInterest +{new_interests}")
    print(
        f"  Ereignisse (Anmeldung {writes['interest_registered']}, angenommen {writes['step_accept']}, "
        f"zurückgezogen {writes['step_withdraw']}): {seen_events:>5} → TransferEvent +{new_events}"
    )
    print(
        f"  abgewiesen (Formular: schon offen {writes['interest_refused_form']}, Schritt nicht mehr möglich "
        f"{writes['step_accept_refused'] + writes['step_withdraw_refused']}, 429 {writes['rate_limited']})"
    )
    print(f"  davon über Kreuz im selben Moment angemeldet: {writes['cross_registered']:>5}")
    consistent = new_interests == writes["interest_registered"] and new_events == seen_events
    print(f"  5xx: {server_errors}; Schreibvorgänge == Zeilen: {'ja' if consistent else 'NEIN'}")
    print(f"  gunicorn-Protokoll: {Path(static_root) / 'gunicorn.log'}")
    return 0 if consistent and not server_errors and not environment.stats.total.num_failures else 1


if __name__ == "__main__":
    sys.exit(main())
