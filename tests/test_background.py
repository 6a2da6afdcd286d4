from django.tasks import task

from transferboerse.background import enqueue_on_commit

CALLS = []


@task
def remember(value: str) -> str:
    CALLS.append(value)
    return value


def test_enqueue_on_commit_runs_in_worker_only_after_commit(run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(remember, "x")
        assert run_tasks() == 0
    assert run_tasks() == 1
    assert CALLS == ["x"]
