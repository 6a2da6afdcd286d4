"""Peak memory of imports: the upload check and the background worker, for hostile and normal files.

    .venv/bin/python bench/import_memory.py

For each file, two fresh processes are measured (peak RSS: ``VmHWM`` of /proc/self/status at the end;
``getrusage`` would also count the parent's memory, which Linux carries over fork and exec):

* the upload check as the web request runs it (``check_import_file``),
* the worker (``manage.py db_worker --batch``) running the job's dry run, with the file stored as a job
  *without* the upload check, as if it had been bypassed: the worker checks and streams on its own.
  An accepted file is then confirmed and imported by a second worker run.

Uses its own database ``transferboerse_bench_imports`` on the embedded server (bench/settings.py).
For comparison, django-import-export's own XLSX parser (the code path of the old synchronous import)
reads file (b) in a process limited to 3 GB of address space. The bomb (a) is not given to it: it
would try to allocate about 128 GB.
"""

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
os.environ["BENCH_N"] = "imports"

from bench.xlsx_files import minimal_xlsx, xlsx_row  # noqa: E402

LIMIT_MB = 300


def xlsx(rows: list[list[str]], dimension: str | None) -> bytes:
    """A minimal .xlsx with inline strings and the given declared range (written by hand, like an attacker)."""
    return minimal_xlsx("".join(xlsx_row(number, *row) for number, row in enumerate(rows, start=1)), dimension)


HEADER = ["Kommune", "Titel", "Kurzbeschreibung"]


def projects(count: int) -> list[list[str]]:
    return [["Bergkamen", f"Bench-Projekt {number}", "Treffpunkt für Eltern."] for number in range(count)]


def cases() -> list[tuple[str, str, bytes, bool]]:
    """(name, format, content, confirm after the dry run?)"""
    csv_100k = ("Kommune,Titel\n" + "".join(f"Unna,Kita {number:06d},x\n" for number in range(100_000))).encode()

    def csv(count: int) -> bytes:
        return ("Kommune,Titel,Kurzbeschreibung\n" + "".join(",".join(row) + "\n" for row in projects(count))).encode()

    return [
        ("(a) Bombe: A1:XFD1048576", "xlsx", xlsx([HEADER], "A1:XFD1048576"), True),
        ("(b) 5 000 Zeilen, A1:XFD5001", "xlsx", xlsx([HEADER, *projects(5000)], "A1:XFD5001"), True),
        ("(b') 5 000 Zeilen, lügt A1:C3", "xlsx", xlsx([HEADER, *projects(5000)], "A1:C3"), True),
        ("(c) CSV 100 000 Zeilen", "csv", csv_100k, True),
        ("(d) CSV 50 Zeilen", "csv", csv(50), True),
        ("(d') XLSX 50 Zeilen", "xlsx", xlsx([HEADER, *projects(50)], "A1:C51"), True),
        ("(e) XLSX 2 000 Zeilen (Obergrenze)", "xlsx", xlsx([HEADER, *projects(2000)], "A1:C2001"), False),
    ]


# Child processes ------------------------------------------------------------------------------------


def peak_rss_kb() -> int:
    """This process's own high-water mark of resident memory (reset by exec, unlike ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_worker() -> None:
    """``manage.py db_worker --batch`` in this process, then its peak RSS as JSON."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    print(json.dumps({"rss_kb": peak_rss_kb(), "outcome": ""}))


def child_check(file_format: str) -> None:
    """Run the upload check on stdin's bytes; print peak RSS and the outcome as JSON."""
    import django

    django.setup()
    from django.utils import translation

    from transferboerse.uploads import ImportFileError, check_import_file

    data = sys.stdin.buffer.read()
    translation.activate("de")
    try:
        check_import_file(data, file_format)
        outcome = "angenommen"
    except ImportFileError as error:
        outcome = error.message
    print(json.dumps({"rss_kb": peak_rss_kb(), "outcome": outcome}))


def child_old_parser() -> None:
    """django-import-export's own XLSX parser (the old synchronous import), limited to 3 GB."""
    limit = 3 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import django

    django.setup()
    from import_export.formats.base_formats import XLSX

    data = sys.stdin.buffer.read()
    try:
        dataset = XLSX().create_dataset(data)
        outcome = f"gelesen: {dataset.height} × {dataset.width} Zellen"
    except MemoryError:
        outcome = "MemoryError (3 GB)"
    print(json.dumps({"rss_kb": peak_rss_kb(), "outcome": outcome}))


def run_child(args: list[str], data: bytes) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], input=data, capture_output=True, check=False, cwd=ROOT)
    lines = result.stdout.decode().strip().splitlines()
    if result.returncode or not lines:
        return {"rss_kb": 0, "outcome": f"Abbruch (Code {result.returncode}) {result.stderr.decode()[-200:]}"}
    return json.loads(lines[-1])


def run_worker() -> int:
    """Run the worker until the queue is empty; return its peak RSS in KB."""
    return run_child(["--worker"], b"")["rss_kb"]


# The benchmark --------------------------------------------------------------------------------------


def setup_data():
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from accounts.models import Coordinator, Role, User
    from bench.run import ensure_database

    ensure_database()
    call_command("migrate", verbosity=0)
    from projects.models import Municipality, Project

    municipality, _ = Municipality.objects.get_or_create(
        name="Bergkamen", defaults={"kind": Municipality.Kind.TOWN, "has_own_youth_office": True}
    )
    user, _ = User.objects.get_or_create(username="bench-import", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=Role.COORDINATOR))
    Coordinator.objects.get_or_create(user=user, municipality=municipality)
    Project.objects.filter(title__startswith="Bench-Projekt").delete()
    return user


def run_job(user, data: bytes, file_format: str, confirm: bool) -> tuple[int, str, int | None]:
    from django.contrib.contenttypes.models import ContentType

    from projects import imports
    from projects.models import ImportJob, Project

    job = ImportJob.objects.create(
        content_type=ContentType.objects.get_for_model(Project),
        resource="projects.resources.ProjectResource",
        created_by=user,
        file_name=f"bench.{file_format}",
        file_format=file_format,
        data=data,
    )
    imports._enqueue(job)  # outside a transaction: enqueued at once
    peak = run_worker()
    job.refresh_from_db()
    import_peak = None
    if job.can_be_confirmed and confirm:
        imports.import_job_confirm(job=job, by=user)
        import_peak = run_worker()
        job.refresh_from_db()
        Project.objects.filter(title__startswith="Bench-Projekt").delete()
    outcome = job.get_status_display()
    if job.errors:
        outcome += ": " + " ".join(job.errors[0]["messages"])
    else:
        outcome += f": {job.new_count} neu"
    return peak, outcome, import_peak


def main() -> None:
    import django

    django.setup()
    from django.utils import translation

    translation.activate("de")
    user = setup_data()
    mb = 1024
    print(f"{'Datei':34} {'Größe':>10}  {'Prüfung':>8}  {'Worker (Probelauf / Import)'}")
    worst = 0
    for name, file_format, data, confirm in cases():
        check = run_child(["--check", file_format], data)
        worker_peak, outcome, import_peak = run_job(user, data, file_format, confirm)
        peaks = [check["rss_kb"], worker_peak, import_peak or 0]
        worst = max(worst, *peaks)
        worker = f"{worker_peak / mb:6.0f} MB" + (f" / Import {import_peak / mb:.0f} MB" if import_peak else "")
        print(f"{name:34} {len(data) / 1024:7.1f} KB  {check['rss_kb'] / mb:5.0f} MB  {worker}")
        print(f"{'':4} Prüfung im Request: {check['outcome']}")
        print(f"{'':4} Worker: {outcome}")
    old = run_child(["--old-parser"], cases()[1][2])
    print(f"\nzum Vergleich: django-import-export liest (b) selbst: {old['rss_kb'] / mb:.0f} MB, {old['outcome']}")
    print(f"höchster Wert der neuen Prüfung und des Workers: {worst / mb:.0f} MB (Grenze {LIMIT_MB} MB)")
    if worst / mb >= LIMIT_MB:
        sys.exit(1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        child_check(sys.argv[2])
    elif sys.argv[1:2] == ["--worker"]:
        child_worker()
    elif sys.argv[1:2] == ["--old-parser"]:
        child_old_parser()
    else:
        main()
