"""Background tasks of the projects app (run by ``manage.py worker``)."""

from django.tasks import task

from .imports import import_job_run


@task
def run_import_job(job_id: int) -> None:
    """The next step of an import job: its dry run, or its import once confirmed (see projects/imports.py)."""
    import_job_run(job_id=job_id)
