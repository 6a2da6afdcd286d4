"""For tests of concurrent writers: data committed for real, from a connection of its own."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from search.models import SearchChange


def in_own_connection(function, *args, timeout: float = 20):
    """Run ``function`` in a thread, i.e. on its own database connection in autocommit mode."""
    outcome = {}

    def run():
        try:
            outcome["result"] = function(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=timeout)
    return outcome["result"]


@contextmanager
def committed[T](create: Callable[[], T], delete: Callable[[T], None]) -> Iterator[T]:
    """What ``create`` makes, committed for real from an own connection, for the length of a test.

    Afterwards ``delete`` removes it, and this removes what the commits left beside it: the tasks they
    queued (index updates, mails) and the search change log. Left in the reused test database, they would
    be found by later tests that count waiting tasks or changes. (Not ``transaction=True``: its flush
    would also wipe the roles and legal pages that data migrations created.)
    """
    since, last_change = in_own_connection(_log_position)
    made = in_own_connection(create)
    try:
        yield made
    finally:
        in_own_connection(delete, made)
        in_own_connection(_forget_since, since, last_change)


def _log_position() -> tuple[datetime, int]:
    return timezone.now(), SearchChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _forget_since(since: datetime, last_change: int) -> None:
    DBTaskResult.objects.filter(enqueued_at__gte=since).delete()
    SearchChange.objects.filter(pk__gt=last_change).delete()
