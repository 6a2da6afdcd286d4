"""Records built once for all tests of a module instead of once per test."""

from collections.abc import Callable, Iterator
from io import StringIO

from django.core.management import call_command
from django.db import transaction


def module_records[T](django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """For a module-scoped fixture (``yield from``): what ``build`` makes, in a transaction that is rolled
    back after the module.

    Each test's own transaction becomes a savepoint inside it, so what a test writes is still undone after
    it. Only for modules whose tests use no second database connection: that one would wait for the
    uncommitted rows (unique names, foreign keys) until the module ends.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        made = build()
    try:
        yield made
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def run_load_demo(**options) -> str:
    """``manage.py load_demo``; returns what it printed."""
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()
