"""Background tasks of the search app (run by ``manage.py worker``)."""

from django.tasks import task

from . import index


@task
def search_sync() -> None:
    """Apply the change log to this server's index copy (enqueued after each commit that changes a document)."""
    index.sync()
