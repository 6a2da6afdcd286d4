"""Records built once for all tests of a module instead of once per test."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def module_transaction(django_db_blocker) -> Iterator[None]:
    """Open a transaction for a module-scoped fixture's records and roll it back after the module.

    Each test's own transaction becomes a savepoint inside it, so what a test writes is still undone after
    it. Only for modules whose tests use no second database connection: that one would wait for the
    uncommitted rows (unique names, foreign keys) until the module ends.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
