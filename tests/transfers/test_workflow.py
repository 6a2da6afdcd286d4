import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from accounts.models import OutgoingMail
from transfers import services
from transfers.access import events_for
from transfers.models import Action, Notification, TransferEvent, TransferInterest

from ..factories import (
    MunicipalityFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    make_coordinator,
)
from ..own_connection import committed, in_own_connection

Stage = TransferInterest.Stage
OPEN = ["registered", "first_meeting", "presentation", "coaching", "decision", "implemented"]
ALL_STAGES = [*OPEN, "rated", "declined", "withdrawn"]
ACTIONS = [
    "accept",
    "record_presentation",
    "record_coaching",
    "record_decision",
    "record_implementation",
    "rate",
    "decline",
    "withdraw",
    "note",
]
ACTORS = ["offering", "adopting", "outsider", "steering"]

# Written out independently of transfers.models.STEPS: (stage, action, actor) -> stage afterwards.
ALLOWED = {
    ("registered", "accept", "offering"): "first_meeting",
    ("first_meeting", "record_presentation", "offering"): "presentation",
    ("presentation", "record_coaching", "offering"): "coaching",
    ("presentation", "record_decision", "adopting"): "decision",
    ("coaching", "record_decision", "adopting"): "decision",
    ("decision", "record_implementation", "adopting"): "implemented",
    ("implemented", "rate", "adopting"): "rated",
    **{(stage, "decline", "offering"): "declined" for stage in OPEN},
    **{(stage, "withdraw", "adopting"): "withdrawn" for stage in OPEN},
    **{(stage, "note", side): stage for stage in ALL_STAGES for side in ("offering", "adopting")},
}
EXPERIENCE = {"experience_worked": "Hausbesuche", "experience_adapted": "", "experience_warnings": "", "rating": 4}


@pytest.fixture
def actors(coordinator_bergkamen, coordinator_selm, coordinator_unna, steering_member):
    return {
        "offering": coordinator_bergkamen,
        "adopting": coordinator_selm,
        "outsider": coordinator_unna,
        "steering": steering_member,
    }


def _step_outcome(interest, action: str, user) -> str:
    """The stage after ``action``, or "refused"; anything else names what went wrong."""
    stage = interest.stage
    offered = action in interest.allowed_actions(user)
    try:
        services.interest_advance(interest=interest, action=action, user=user, comment="Notiz", experience=EXPERIENCE)
    except services.StepNotAllowed:
        interest.refresh_from_db()
        if (interest.stage, interest.events.count(), offered) != (stage, 0, False):
            return f"refused, but left stage {interest.stage} / {interest.events.count()} events / offered {offered}"
        return "refused"
    interest.refresh_from_db()
    event = interest.events.get()
    if (event.action, event.from_stage, event.actor, event.comment, offered) != (action, stage, user, "Notiz", True):
        return f"moved, but recorded {event.action} from {event.from_stage} by {event.actor} (offered {offered})"
    return interest.stage


@pytest.mark.parametrize("stage", ALL_STAGES)
def test_interest_advance_every_action_and_actor_at_each_stage(make_interest, actors, stage):
    # Each of the 36 attempts on a fresh interest, in a savepoint rolled back afterwards.
    outcomes = {}
    for action in ACTIONS:
        for actor in ACTORS:
            with transaction.atomic():
                outcomes[action, actor] = _step_outcome(make_interest(stage=stage), action, actors[actor])
                transaction.set_rollback(True)

    expected = {
        (action, actor): ALLOWED.get((stage, action, actor), "refused") for action in ACTIONS for actor in ACTORS
    }
    assert {key: value for key, value in outcomes.items() if value != expected[key]} == {}


@pytest.mark.parametrize(
    ("stage", "action", "actor", "message"),
    [
        (
            "registered",
            "record_decision",
            "adopting",
            "Im Stand „Interesse angemeldet“ ist der Schritt „Beschluss festhalten“ nicht möglich.",
        ),
        ("registered", "accept", "adopting", "Diesen Schritt kann nur die anbietende Kommune gehen."),
        ("implemented", "rate", "offering", "Diesen Schritt kann nur die übernehmende Kommune gehen."),
        ("registered", "accept", "outsider", "Sie koordinieren keine der beiden Kommunen dieses Transfers."),
        ("registered", "accept", "steering", "Sie koordinieren keine der beiden Kommunen dieses Transfers."),
        ("registered", "fly", "offering", "Diesen Schritt gibt es nicht."),
    ],
)
def test_interest_advance_refusal_says_why(make_interest, actors, stage, action, actor, message):
    interest = make_interest(stage=stage)
    with pytest.raises(services.StepNotAllowed) as error:
        services.interest_advance(interest=interest, action=action, user=actors[actor])
    assert error.value.messages == [message]


def test_interest_advance_rating_stores_experience(make_interest, coordinator_selm):
    interest = make_interest(stage="implemented")
    services.interest_advance(
        interest=interest,
        action=Action.RATE,
        user=coordinator_selm,
        experience={
            "experience_worked": "Die Hausbesuche",
            "experience_adapted": "Kleinere Teams",
            "experience_warnings": "Datenschutz früh klären",
            "rating": 5,
        },
    )
    interest.refresh_from_db()
    assert (
        interest.stage,
        interest.experience_worked,
        interest.experience_adapted,
        interest.experience_warnings,
        interest.rating,
        interest.rated_at is not None,
    ) == ("rated", "Die Hausbesuche", "Kleinere Teams", "Datenschutz früh klären", 5, True)


def test_interest_advance_rating_needs_what_worked(make_interest, coordinator_selm):
    interest = make_interest(stage="implemented")
    with pytest.raises(ValidationError) as error:
        services.interest_advance(
            interest=interest, action=Action.RATE, user=coordinator_selm, experience={"experience_worked": " "}
        )
    assert error.value.message_dict == {"experience_worked": ["Bitte beschreiben Sie, was funktioniert hat."]}
    interest.refresh_from_db()
    assert interest.stage == "implemented"


def test_interest_private_note_only_visible_to_own_municipality(
    make_interest, coordinator_bergkamen, coordinator_selm, steering_member
):
    interest = make_interest()
    services.interest_advance(
        interest=interest, action=Action.NOTE, user=coordinator_bergkamen, comment="Intern: wenig Zeit", is_private=True
    )
    services.interest_advance(interest=interest, action=Action.NOTE, user=coordinator_selm, comment="Für beide")
    assert [e.comment for e in events_for(coordinator_bergkamen, interest)] == ["Intern: wenig Zeit", "Für beide"]
    assert [e.comment for e in events_for(coordinator_selm, interest)] == ["Für beide"]
    assert [e.comment for e in events_for(steering_member, interest)] == ["Für beide"]


def test_interest_private_flag_refused_for_steps(make_interest, coordinator_bergkamen):
    interest = make_interest()
    with pytest.raises(services.StepNotAllowed):
        services.interest_advance(interest=interest, action=Action.ACCEPT, user=coordinator_bergkamen, is_private=True)
    assert TransferEvent.objects.count() == 0


def _create_committed_interest():
    bergkamen = MunicipalityFactory(name="Bergkamen (Sperrtest)")
    selm = MunicipalityFactory(name="Selm (Sperrtest)")
    users = [make_coordinator(bergkamen, username=f"sperrtest-bergkamen-{n}") for n in (1, 2)]
    make_coordinator(selm, username="sperrtest-selm")
    offer = TransferOfferFactory(project=ProjectFactory(municipality=bergkamen, title="Sperrtest"))
    return TransferInterestFactory(offer=offer, municipality=selm), users


def _delete_committed_interest(interest):
    project, municipalities = interest.offer.project, [interest.offer.project.municipality, interest.municipality]
    Notification.objects.filter(interest=interest).delete()
    TransferEvent.objects.filter(interest=interest).delete()
    addresses = [c.user.email for m in municipalities for c in m.coordinators.select_related("user")]
    OutgoingMail.objects.filter(to__in=addresses).delete()
    interest.delete()
    interest.offer.delete()
    project.delete()
    for municipality in municipalities:
        for coordinator in municipality.coordinators.all():
            coordinator.delete()
            coordinator.user.delete()
        municipality.delete()


@pytest.fixture
def committed_interest(db):
    """A registered interest committed for real, so every connection sees it."""
    with committed(_create_committed_interest, lambda made: _delete_committed_interest(made[0])) as made:
        yield made


def test_interest_advance_two_coordinators_at_once_only_one_wins(committed_interest):
    """Two Bergkamen coordinators accept at the same moment, each on its own database connection."""
    interest, coordinators = committed_interest
    results: list[str] = []
    ready = threading.Barrier(3)
    release = threading.Event()

    def accept(user):
        try:
            ready.wait()
            services.interest_advance(interest=interest, action=Action.ACCEPT, user=user)
            results.append("ok")
        except services.StepNotAllowed as error:
            results.append(error.messages[0])
        finally:
            connection.close()

    def hold_lock():
        # hold the row so both coordinators read it while it is still "registered" and queue up on the lock
        with transaction.atomic():
            TransferInterest.objects.select_for_update().get(pk=interest.pk)
            ready.wait()
            release.wait(timeout=10)
        connection.close()

    holder = threading.Thread(target=hold_lock)
    threads = [threading.Thread(target=accept, args=(user,)) for user in coordinators]
    for thread in [holder, *threads]:
        thread.start()
    time.sleep(0.3)
    assert all(thread.is_alive() for thread in threads)  # both are waiting for the lock
    release.set()
    for thread in [holder, *threads]:
        thread.join(timeout=10)

    def read():
        interest.refresh_from_db()
        return interest.stage, list(interest.events.values_list("action", flat=True))

    assert sorted(results) == [
        "Im Stand „Erstgespräch“ ist der Schritt „Annehmen (Erstgespräch)“ nicht möglich.",
        "ok",
    ]
    assert in_own_connection(read) == ("first_meeting", ["accept"])
