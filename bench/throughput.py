"""Requests per second of one page under gunicorn, and the resident memory of its workers.

    .venv/bin/python bench/throughput.py                         # N = 10 000, the two-word search, 2 workers
    .venv/bin/python bench/throughput.py 100000 --seconds 30 --clients 4 --path "/projekte/?q=Familie+Eltern"

Serves the benchmark database of N projects (``transferboerse_bench_<N>`` and its index, made by
``bench/run.py N``) with gunicorn (``transferboerse/gunicorn.conf.py``, settings ``bench.settings``,
127.0.0.1 only), lets ``--clients`` threads request the page over keep-alive connections as fast as they
can for ``--seconds`` and prints requests/s, p50/p95 and each worker's RSS. The clients run on the same
cores as the server, so the figure is a lower bound of what the server alone could serve.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
from bench.portal import wait_for_server  # noqa: E402

WARMUP_REQUESTS = 20


def hammer(port: int, path: str, until: float, timings: list[float], failures: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.perf_counter() < until:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status == 200:
            timings.append((time.perf_counter() - started) * 1000)
        else:
            failures.append(response.status)
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=10_000, help="N der Datenbank von bench/run.py")
    parser.add_argument("--path", default="/projekte/?q=Familie+Eltern")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8033)
    args = parser.parse_args()

    from transferboerse.embedded_db import database_url

    database_url(name=f"transferboerse_bench_{args.size}")  # keeps the embedded server up while this runs
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="bench.settings", BENCH_N=str(args.size))
    log_path = Path("/tmp") / f"transferboerse-throughput-{args.port}.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "transferboerse/gunicorn.conf.py",
             "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}",
             "--max-requests", "0",  # no restarts: the RSS is that of a worker that served every request
             "--access-logfile", "/dev/null", "transferboerse.wsgi"],
            cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_for_server(args.port, server)
            warm: list[float] = []
            for _ in range(args.workers):  # every worker opens the index and fills its caches
                hammer(args.port, args.path, 0, warm, [])
                for _ in range(WARMUP_REQUESTS):
                    hammer(args.port, args.path, time.perf_counter() + 0.01, warm, [])
            timings: list[float] = []
            failures: list[int] = []
            until = time.perf_counter() + args.seconds
            started = time.perf_counter()
            clients = [
                threading.Thread(target=hammer, args=(args.port, args.path, until, timings, failures))
                for _ in range(args.clients)
            ]
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            seconds = time.perf_counter() - started
            workers = psutil.Process(server.pid).children()
            rss = sorted(worker.memory_info().rss / 1_000_000 for worker in workers)
        finally:
            server.terminate()
            server.wait(timeout=30)

    timings.sort()
    print(f"N = {args.size}, {args.path}, gunicorn {args.workers} Worker, {args.clients} Clients, {seconds:.0f} s")
    print(f"  {len(timings) / seconds:.1f} Anfragen/s ({len(timings)} mit 200, {len(failures)} andere)")
    if timings:
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        print(f"  Antwortzeit p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")
    print("  RSS je Worker: " + ", ".join(f"{value:.0f} MB" for value in rss))
    return 1 if failures or not timings else 0


if __name__ == "__main__":
    sys.exit(main())
