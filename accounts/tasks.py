"""Background tasks of the accounts app, run by ``manage.py worker`` (see ``accounts.outbox``)."""

from django.tasks import task

from . import outbox


@task
def outgoing_mail_send(mail_id: int) -> str:
    """One attempt to send one outbox mail; retries enqueue themselves with a later ``run_after``."""
    return outbox.outgoing_mail_send(mail_id=mail_id)


@task
def outbox_sweep() -> int:
    """Every few minutes: re-enqueue mails that a lost task or a killed worker left unsent."""
    outbox.outbox_sweep_schedule()  # first, so that a failing sweep still comes back
    return outbox.outbox_sweep()
