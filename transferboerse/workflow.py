"""The fields that only the workflow services may write, for every model, in one place.

Stage, review status, ratings, timestamps, booked services and "by whom" links record that a step of a
workflow happened; an admin form or a restored history version that set them would forge that step.
The back-office site (``transferboerse.admin``) shows these fields read-only on every model, whatever
the ModelAdmin declares, and restoring an old version never copies them back. The services in each
app's ``services.py`` set them and check who may take the step.

Models are named by label so that this lowest layer (transferboerse) needs no import of the apps above it.
"""

from django.db.models import Model

WORKFLOW_FIELDS: dict[str, tuple[str, ...]] = {
    "projects.project": (
        "status",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
        "review_comment",
        "pending_changes",
        "archive_requested_at",
        "confirmed_at",
        "confirmation_reminder_sent_at",
        "created_at",
        "updated_at",
    ),
    # The Kommune profile: a coordinator's edit waits for review (projects.services.municipality_profile_save).
    "projects.municipality": (
        "pending_changes",
        "changes_submitted_at",
        "changes_submitted_by",
        "review_comment",
    ),
    # Networks are reviewed like projects (networks.services).
    "networks.network": (
        "status",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
        "review_comment",
        "pending_changes",
        "archive_requested_at",
        "archive_reason",
        "created_at",
        "updated_at",
    ),
    # A reported barrier is answered through barrier_reports_mark_answered; when it came and when the
    # answer is due are facts of the report.
    "pages.barrierreport": ("status", "received_at", "answer_due_on"),
    "transfers.transferoffer": ("created_at", "updated_at"),
    "transfers.transferrequest": ("status", "created_by", "created_at", "updated_at"),
    # A transfer as a whole is a workflow record: who takes part, what was booked, every stage and the
    # experience report come from interest_register and interest_advance.
    "transfers.transferinterest": (
        "offer",
        "municipality",
        "services",
        "stage",
        "experience_worked",
        "experience_adapted",
        "experience_warnings",
        "rating",
        "rated_at",
        "registered_by",
        "created_at",
        "updated_at",
    ),
    "transfers.transferevent": (
        "interest",
        "action",
        "from_stage",
        "to_stage",
        "side",
        "actor",
        "actor_municipality",
        "comment",
        "is_private",
        "created_at",
    ),
    "steering.projectselfcheck": ("updated_by", "created_at", "updated_at"),
    "steering.networkassessment": ("updated_by", "created_at", "updated_at"),
    "steering.goal": ("created_at", "updated_at"),
    "events.event": ("created_at", "updated_at"),
    # Registrations are made and cancelled on the public Fachtag page (events.services); the waiting
    # list moves up there.
    "events.eventregistration": ("event", "user", "municipality", "status", "created_at", "updated_at"),
    "pages.legalpage": ("updated_at",),
    # The mail outbox: the worker records every attempt; "Erneut versuchen" is an admin action that
    # calls accounts.outbox.outgoing_mails_retry.
    "accounts.outgoingmail": (
        "to",
        "subject",
        "body",
        "template",
        "status",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "sent_at",
        "last_error",
        "created_at",
    ),
    # The task queue: the worker records each run.
    "django_tasks_database.dbtaskresult": (
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "worker_ids",
        "run_after",
        "return_value",
        "exception_class_path",
        "traceback",
    ),
}

# Models whose whole record is a workflow record: the admin shows them, but never changes them, never
# adds them and never restores an old version.
WORKFLOW_RECORDS: frozenset[str] = frozenset(
    {
        "transfers.transferinterest",
        "transfers.transferevent",
        "events.eventregistration",
        "accounts.outgoingmail",
        "django_tasks_database.dbtaskresult",
    }
)


def workflow_fields(model: type[Model] | Model) -> tuple[str, ...]:
    return WORKFLOW_FIELDS.get(model._meta.label_lower, ())


def is_workflow_record(model: type[Model] | Model) -> bool:
    return model._meta.label_lower in WORKFLOW_RECORDS
