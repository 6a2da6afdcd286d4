"""Background tasks that exist only for the tests (the worker imports them by their dotted path)."""

from django.tasks import task

CALLS: list[str] = []


@task
def remember(value: str) -> str:
    """Note the value, so a test can see that the worker ran the task."""
    CALLS.append(value)
    return value
