"""A project's "has an active transfer offer" flag is kept by the transfers app's triggers."""

import pytest
from django.db import connection

from projects.models import Project

from ..factories import ProjectFactory, TransferOfferFactory

pytestmark = pytest.mark.django_db


def flag(project: Project) -> bool:
    return Project.objects.values_list("has_transfer_offer", flat=True).get(pk=project.pk)


def test_flag_follows_an_offer_from_creation_through_deactivation_to_deletion(bergkamen):
    project = ProjectFactory(municipality=bergkamen)
    assert flag(project) is False

    offer = TransferOfferFactory(project=project)
    assert flag(project) is True

    offer.is_active = False
    offer.save()
    assert flag(project) is False

    offer.is_active = True
    offer.save()
    offer.delete()
    assert flag(project) is False


def test_offer_moved_to_another_project_moves_the_flag(bergkamen):
    first, second = ProjectFactory(municipality=bergkamen), ProjectFactory(municipality=bergkamen)
    offer = TransferOfferFactory(project=first)

    offer.project = second
    offer.save()

    assert (flag(first), flag(second)) == (False, True)


def test_saving_a_project_loaded_before_its_offer_keeps_the_flag(bergkamen):
    project = ProjectFactory(municipality=bergkamen)
    stale = Project.objects.get(pk=project.pk)
    TransferOfferFactory(project=project)

    stale.title = "Neuer Titel"
    stale.save()

    assert flag(project) is True


def test_no_function_of_the_projects_app_reads_a_table_of_an_app_above_it():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT proname FROM pg_proc WHERE proname LIKE 'projects\\_%%'"
            " AND prosrc ~ '(transfers|networks|steering|events)_'"
        )
        upward = [name for (name,) in cursor.fetchall()]
        cursor.execute(
            """SELECT t.tgname, p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
               WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text LIKE 'transfers\\_%%'
                 AND p.proname LIKE 'projects\\_%%'"""
        )
        projects_triggers_on_transfers = cursor.fetchall()

    assert upward == []
    assert projects_triggers_on_transfers == []


def test_moving_the_triggers_can_be_undone_and_redone_with_the_flag_kept_throughout(bergkamen):
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets=None) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # pending FK checks would block ALTER TABLE
        executor = MigrationExecutor(connection)
        executor.migrate(targets or executor.loader.graph.leaf_nodes())

    project = ProjectFactory(municipality=bergkamen)
    old_state = [("transfers", "0007_notification_kinds"), ("projects", "0017_drop_search_vector")]
    migrate(old_state)
    # The offer as the old schema stores it (later migrations add columns the current model has).
    old_offer = (
        MigrationExecutor(connection).loader.project_state(old_state).apps.get_model("transfers", "TransferOffer")
    )
    values = {
        field.attname: getattr(TransferOfferFactory.build(project=project), field.attname)
        for field in old_offer._meta.concrete_fields
        if field.attname not in {"id", "created_at", "updated_at"}
    }
    offer = old_offer.objects.create(**values)
    assert flag(project) is True

    migrate()
    offer.delete()
    assert flag(project) is False
