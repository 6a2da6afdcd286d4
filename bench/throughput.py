"""Requests per second of one page under gunicorn, and the resident memory of its workers.

    .venv/bin/python bench/throughput.py                         # N = 10 000, the two-word search, 2 workers
    .venv/bin/python bench/throughput.py 100000 --seconds 30 --clients 4 --path "/projekte/?q=Familie+Eltern"

Serves the benchmark database of N projects (``transferboerse_bench_<N>`` and its index, made by
``bench/run.py N``) with gunicorn (``transferboerse/gunicorn.conf.py``, settings ``bench.settings``,
127.0.0.1 only), lets ``--clients`` threads request the page over keep-alive connections as fast as they
can for ``--seconds`` and prints requests/s, p50/p95 and each worker's RSS. The clients run on the same
cores as the server, so the figure is a lower bound of what the server alone could serve; to show how much
of the cores each side took it prints CPU milliseconds per request of the load generator, the workers and
PostgreSQL. ``--wrk`` makes the load with ``wrk`` (Debian package, written in C, one thread) instead of
Python threads, which themselves take a good part of a core.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
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


# wrk prints its own summary without p95; this script adds one line that is easy to read back.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("WRK %d %d %.3f %.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def run_wrk(port: int, path: str, seconds: float, clients: int) -> tuple[int, int, float, float, float]:
    """``(requests, failures, p50 ms, p95 ms, CPU seconds of wrk)`` of ``clients`` connections on one thread."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        before = os.times()
        output = subprocess.run(
            ["wrk", "-t1", f"-c{clients}", f"-d{seconds:.0f}s", "-s", script.name, f"http://127.0.0.1:{port}{path}"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        after = os.times()
    line = next(line for line in output.splitlines() if line.startswith("WRK "))
    requests, failures, p50, p95 = line.split()[1:]
    cpu = after.children_user - before.children_user + after.children_system - before.children_system
    return int(requests), int(failures), float(p50), float(p95), cpu


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """User and system CPU seconds of ``processes`` so far (one that ended meanwhile counts nothing)."""
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def postgres_processes(database: str) -> list[psutil.Process]:
    """The embedded server's backends serving ``database`` (not those of other databases on it)."""
    postmaster = psutil.Process(int((PROJECT_DIR / "var" / "pgdata" / "postmaster.pid").read_text().split()[0]))
    return [process for process in postmaster.children() if f" {database} " in " ".join(process.cmdline())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=10_000, help="N der Datenbank von bench/run.py")
    parser.add_argument("--path", default="/projekte/?q=Familie+Eltern")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8033)
    parser.add_argument("--wrk", action="store_true", help="Last mit wrk statt Python-Threads erzeugen")
    args = parser.parse_args()

    from transferboerse.embedded_db import database_url

    database_name = f"transferboerse_bench_{args.size}"
    database_url(name=database_name)  # keeps the embedded server up while this runs
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
            workers = psutil.Process(server.pid).children()
            database = postgres_processes(database_name)
            sides = [cpu_seconds(workers), cpu_seconds(database), time.process_time()]
            started = time.perf_counter()
            if args.wrk:
                count, failed, p50, p95, client_cpu = run_wrk(args.port, args.path, args.seconds, args.clients)
            else:
                timings: list[float] = []
                failures: list[int] = []
                until = started + args.seconds
                clients = [
                    threading.Thread(target=hammer, args=(args.port, args.path, until, timings, failures))
                    for _ in range(args.clients)
                ]
                for client in clients:
                    client.start()
                for client in clients:
                    client.join()
                timings.sort()
                count, failed = len(timings), len(failures)
                p50 = statistics.median(timings) if timings else 0.0
                p95 = timings[max(int(len(timings) * 0.95) - 1, 0)] if timings else 0.0
                client_cpu = time.process_time() - sides[2]
            seconds = time.perf_counter() - started
            worker_cpu = cpu_seconds(workers) - sides[0]
            database_cpu = cpu_seconds(database) - sides[1]
            rss = sorted(worker.memory_info().rss / 1_000_000 for worker in workers)
        finally:
            server.terminate()
            server.wait(timeout=30)

    load = "wrk" if args.wrk else "Python-Threads"
    print(
        f"N = {args.size}, {args.path}, gunicorn {args.workers} Worker, {args.clients} Clients ({load}), "
        f"{seconds:.0f} s, Last des Rechners {os.getloadavg()[0]:.1f}"
    )
    print(f"  {count / seconds:.1f} Anfragen/s ({count} mit 200, {failed} andere)")
    if count:
        print(f"  Antwortzeit p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        per_request = {"Worker": worker_cpu, "PostgreSQL": database_cpu, "Lastgenerator": client_cpu}
        print(
            "  CPU je Anfrage: " + ", ".join(f"{name} {1000 * cpu / count:.1f} ms" for name, cpu in per_request.items())
        )
    print("  RSS je Worker: " + ", ".join(f"{value:.0f} MB" for value in rss))
    return 1 if failed or not count else 0


if __name__ == "__main__":
    sys.exit(main())
