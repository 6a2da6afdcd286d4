"""``manage.py worker``: django-tasks-db's worker that outlives an outage of the database.

``db_worker`` ends with a traceback when PostgreSQL goes away (a restart, a fail-over): its loop lets
the OperationalError out. This worker waits, drops the broken connections and goes on, so mail and
imports start again by themselves once the database is back. A task that was running at that moment
stays "running" in the queue; the outbox sweep queues its mail again (``accounts.outbox``).
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

RETRY_AFTER_SECONDS = 5


class OutageTolerantWorker(db_worker.Worker):
    def run(self) -> None:
        while True:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return None
                self.running_task = False
                logger.warning("Datenbank nicht erreichbar (%s); neuer Versuch in %s s.", error, RETRY_AFTER_SECONDS)
                connections.close_all()
                time.sleep(RETRY_AFTER_SECONDS)


class Command(db_worker.Command):
    help = "Führt Hintergrundaufgaben aus (E-Mails, Importe) und übersteht einen Ausfall der Datenbank."

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options) -> None:  # fmt: skip
        self.configure_logging(verbosity)
        worker = OutageTolerantWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        worker.run()
