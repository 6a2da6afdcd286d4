"""Background tasks of the Transferbörse, run by ``manage.py worker``."""

from django.tasks import task


@task
def milestone_remind(milestone_id: int) -> bool:
    """On the due date of a plan milestone: remind its owner, unless it is done or was reminded."""
    from .services import milestone_remind as remind  # services enqueue this task

    return remind(milestone_id=milestone_id)
