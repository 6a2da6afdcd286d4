"""Concurrent registrations, steps and withdrawals on real, separate PostgreSQL connections.

Two Kommunen registering interest in each other's offers at the same moment used to deadlock
(``DeadlockDetected … projects_municipality … FOR KEY SHARE``): ``interest_register`` locked the
offering Kommune's row along with the offer, while the other registration's new interest (and its
timeline entry) needed a key-share lock on that very row for its foreign key.

To make the interleaving deterministic, a third connection holds a SHARE lock on the table that both
transactions write next. Both transactions take their row locks, queue up behind the table lock
(checked in ``pg_locks``), and are released at the same instant, which is the moment the deadlock
happened. The data is committed for real from its own connection and deleted afterwards; a
``transaction=True`` test would flush the roles created by a data migration from the reused database.
"""

import threading
import time

import pytest
from django.db import connection, transaction

from accounts.models import OutgoingMail
from transfers import services
from transfers.models import Action, Notification, TransferEvent, TransferInterest, TransferOffer

from ..factories import MunicipalityFactory, ProjectFactory, TransferOfferFactory, make_coordinator
from ..own_connection import committed, in_own_connection

WAIT_SECONDS = 15


def _create_two_kommunen():
    sides = {}
    for name in ["Kamen (Sperrtest)", "Werne (Sperrtest)"]:
        municipality = MunicipalityFactory(name=name)
        project = ProjectFactory(municipality=municipality, title=f"Angebot aus {name}")
        sides[name] = {
            "municipality": municipality,
            "user": make_coordinator(municipality, username=f"sperrtest-{municipality.slug}"),
            "offer": TransferOfferFactory(project=project),
        }
    return list(sides.values())


def _delete_two_kommunen(sides):
    offers = [side["offer"] for side in sides]
    interests = TransferInterest.objects.filter(offer__in=offers)
    users = [side["user"] for side in sides]
    Notification.objects.filter(recipient__in=users).delete()
    OutgoingMail.objects.filter(to__in=[user.email for user in users]).delete()
    TransferEvent.objects.filter(interest__in=interests).delete()
    interests.delete()
    for side in sides:
        side["offer"].delete()
        side["offer"].project.delete()
        for coordinator in side["municipality"].coordinators.all():
            coordinator.delete()
            coordinator.user.delete()
        side["municipality"].delete()


@pytest.fixture
def two_kommunen(db):
    with committed(_create_two_kommunen, _delete_two_kommunen) as sides:
        yield sides


def waiting_on(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE relation = %s::regclass AND NOT granted", [table])
        return cursor.fetchone()[0]


def run_at_the_same_moment(table: str, *actions) -> list[str]:
    """Run each action in its own transaction; all of them meet at their first write to ``table``."""
    results = ["(hängt)"] * len(actions)
    locked = threading.Event()
    release = threading.Event()
    queued = threading.Event()

    def hold_table():
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
                locked.set()
                deadline = time.monotonic() + WAIT_SECONDS
                while waiting_on(table) < len(actions) and time.monotonic() < deadline:
                    time.sleep(0.02)
                if waiting_on(table) == len(actions):
                    queued.set()
                release.wait(timeout=WAIT_SECONDS)
        finally:
            connection.close()

    def act(position, action):
        try:
            locked.wait(timeout=WAIT_SECONDS)
            action()
            results[position] = "ok"
        except Exception as error:  # the test shows which error ended the transaction
            results[position] = type(error.__cause__ or error).__name__  # e.g. psycopg's DeadlockDetected
        finally:
            connection.close()

    holder = threading.Thread(target=hold_table)
    threads = [threading.Thread(target=act, args=(position, action)) for position, action in enumerate(actions)]
    holder.start()
    for thread in threads:
        thread.start()
    reached = queued.wait(timeout=WAIT_SECONDS)
    release.set()
    for thread in [holder, *threads]:
        thread.join(timeout=WAIT_SECONDS)
    assert reached, "Die Transaktionen haben die gemeinsame Tabelle nicht gleichzeitig erreicht."
    return results


def registration(side, other):
    def register():
        services.interest_register(offer=other["offer"], municipality=side["municipality"], user=side["user"])

    return register


def test_interest_register_cross_registrations_at_the_same_moment_both_succeed(two_kommunen):
    kamen, werne = two_kommunen

    results = run_at_the_same_moment(
        "transfers_transferinterest", registration(kamen, werne), registration(werne, kamen)
    )

    assert results == ["ok", "ok"]
    registered = in_own_connection(
        lambda: sorted(
            TransferInterest.objects.filter(offer__in=[kamen["offer"], werne["offer"]]).values_list(
                "municipality__name", "offer__project__municipality__name", "stage"
            )
        )
    )
    assert registered == [
        ("Kamen (Sperrtest)", "Werne (Sperrtest)", "registered"),
        ("Werne (Sperrtest)", "Kamen (Sperrtest)", "registered"),
    ]


@pytest.mark.parametrize("action", [Action.WITHDRAW, Action.NOTE])
def test_interest_advance_while_the_other_kommune_registers_both_succeed(two_kommunen, action):
    """Kamen withdraws from (or notes on) its transfer with Werne while Werne registers for Kamen's offer."""
    kamen, werne = two_kommunen
    interest = in_own_connection(
        lambda: services.interest_register(offer=werne["offer"], municipality=kamen["municipality"], user=kamen["user"])
    )

    def step():
        services.interest_advance(interest=interest, action=action, user=kamen["user"], comment="Abgestimmt.")

    results = run_at_the_same_moment("transfers_transferevent", step, registration(werne, kamen))

    assert results == ["ok", "ok"]
    events = in_own_connection(
        lambda: sorted(
            TransferEvent.objects.filter(interest__offer__in=[kamen["offer"], werne["offer"]]).values_list(
                "actor_municipality__name", "action"
            )
        )
    )
    assert events == sorted(
        [
            ("Kamen (Sperrtest)", Action.REGISTER.value),
            ("Kamen (Sperrtest)", action.value),
            ("Werne (Sperrtest)", Action.REGISTER.value),
        ]
    )


def test_interest_register_waits_for_another_writer_of_the_same_offer(two_kommunen):
    """The offer's row lock still serialises writers of one offer (two towns and the last free place)."""
    kamen, werne = two_kommunen
    held = threading.Event()

    def hold_offer():
        try:
            with transaction.atomic():
                TransferOffer.objects.select_for_update(of=("self",), no_key=True).get(pk=kamen["offer"].pk)
                held.set()
                time.sleep(0.5)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_offer)
    holder.start()
    held.wait(timeout=WAIT_SECONDS)
    started = time.monotonic()
    interest = in_own_connection(
        lambda: services.interest_register(offer=kamen["offer"], municipality=werne["municipality"], user=werne["user"])
    )
    waited = time.monotonic() - started
    holder.join(timeout=WAIT_SECONDS)

    assert (interest.stage, waited >= 0.4) == ("registered", True)
