"""Enqueueing background tasks (``django.tasks``, run by ``manage.py worker``).

A task that follows a write is enqueued only once that write has committed: a worker must never see
a task for a row that a rollback removed, and a task must never run before the row it reads exists.
"""

from django.db import transaction
from django.tasks import Task


def enqueue_on_commit(task: Task, *args, **kwargs) -> None:
    """Enqueue ``task`` with the given arguments after the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
