from django.db import OperationalError
from django_tasks_db.management.commands import db_worker

from accounts.management.commands import worker as worker_command


def _worker():
    return worker_command.OutageTolerantWorker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test", excluded_queue_names=[],
    )  # fmt: skip


def test_worker_waits_out_a_database_outage_and_goes_on(monkeypatch):
    runs = []

    def run_until_the_database_fails_once(self):
        runs.append(len(runs))
        if len(runs) == 1:
            raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(db_worker.Worker, "run", run_until_the_database_fails_once)
    monkeypatch.setattr(worker_command, "RETRY_AFTER_SECONDS", 0)

    _worker().run()

    assert runs == [0, 1]


def test_worker_stops_after_an_outage_when_asked_to(monkeypatch):
    runs = []

    def fail_while_shutting_down(self):
        runs.append(len(runs))
        assert len(runs) == 1, "ran again after Ctrl-C"
        self.running = False
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(db_worker.Worker, "run", fail_while_shutting_down)

    assert _worker().run() is None
