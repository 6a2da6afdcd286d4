from transferboerse.background import enqueue_on_commit

from .tasks import CALLS, remember


def test_enqueue_on_commit_runs_in_the_worker_only_after_commit(run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(remember, "nach dem Commit")
        assert run_tasks() == 0

    assert run_tasks() == 1
    assert CALLS[-1] == "nach dem Commit"
