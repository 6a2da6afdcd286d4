"""backup_db and restore_db: a backup restored into a fresh database holds every record."""

from urllib.parse import quote

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql

from tests.factories import (
    IndicatorFactory,
    MunicipalityFactory,
    NetworkFactory,
    ProjectFactory,
    TransferInterestFactory,
    TransferRequestFactory,
    TransferServiceFactory,
    make_coordinator,
)

FRESH_DATABASE = "test_transferboerse_restore"


def server_connection(dbname: str = "postgres") -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"], dbname=dbname, autocommit=True
    )


def database_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{quote(db['PASSWORD'] or '')}@{quote(db['HOST'], safe='')}:{db['PORT']}/{name}"


def table_fingerprints(dbname: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a checksum over all its rows' full contents."""
    with server_connection(dbname) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
        ]
        return {
            table: conn.execute(
                sql.SQL(
                    "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {} t"
                ).format(sql.Identifier(table))
            ).fetchone()
            for table in tables
        }


@pytest.fixture
def fresh_database():
    with server_connection() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(FRESH_DATABASE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(FRESH_DATABASE)))
    yield FRESH_DATABASE
    with server_connection() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(FRESH_DATABASE)))


@pytest.fixture
def committed_scratch_database(django_db_setup, django_db_blocker):
    """The default connection pointed at a copy of the test database, in autocommit mode.

    pg_dump sees committed rows only, but the ``db`` fixture never commits, and a transactional
    test would leave the reused test database flushed (without the rows of data migrations).
    So the test writes into a throwaway copy (``CREATE DATABASE … TEMPLATE`` is a fast file copy).
    """
    test_name = connection.settings_dict["NAME"]
    scratch = f"{test_name}_backup_source"
    with django_db_blocker.unblock():
        connection.close()  # a template must have no open connections
        with server_connection() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(scratch)))
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(scratch), sql.Identifier(test_name))
            )
        connection.settings_dict["NAME"] = scratch
        try:
            yield scratch
        finally:
            connection.close()
            connection.settings_dict["NAME"] = test_name
            with server_connection() as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))


def test_backup_restored_into_fresh_database_holds_every_record(tmp_path, committed_scratch_database, fresh_database):
    bergkamen = MunicipalityFactory(name="Bergkamen")
    selm = MunicipalityFactory(name="Selm")
    project = ProjectFactory(municipality=bergkamen, contact_name="Erika Muster", contact_is_public=True)
    IndicatorFactory(project=project)
    service = TransferServiceFactory(offer__project=project)
    interest = TransferInterestFactory(offer=service.offer, municipality=selm)
    interest.services.add(service)
    NetworkFactory(coordinating_organisation__municipality=selm)
    TransferRequestFactory(municipality=selm, title="Gesuch mit Umlauten äöü – „Zitat“")
    make_coordinator(bergkamen, username="koordination-backup")
    backup = tmp_path / "sicherung.dump"

    call_command("backup_db", output=backup)
    call_command("restore_db", backup, database_url=database_url(fresh_database), no_input=True)

    original = table_fingerprints(committed_scratch_database)
    restored = table_fingerprints(fresh_database)
    assert restored == original
    assert original["projects_project"][0] == 1
    assert original["transfers_transferinterest_services"][0] == 1


@pytest.mark.django_db
def test_restore_of_missing_backup_fails_with_message(tmp_path):
    missing = tmp_path / "fehlt.dump"

    with pytest.raises(CommandError) as error:
        call_command("restore_db", missing, no_input=True)

    assert (
        str(error.value) == f"Wiederherstellung fehlgeschlagen, nichts geändert: Die Sicherung {missing} gibt es nicht."
    )


@pytest.mark.django_db
def test_restore_of_broken_backup_changes_nothing(tmp_path, fresh_database):
    broken = tmp_path / "kaputt.dump"
    broken.write_bytes(b"PGDMP kein echtes Archiv")
    with server_connection(fresh_database) as conn:
        conn.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")

    with pytest.raises(CommandError, match=r"^Wiederherstellung fehlgeschlagen, nichts geändert: "):
        call_command("restore_db", broken, database_url=database_url(fresh_database), no_input=True)

    with server_connection(fresh_database) as conn:
        assert conn.execute("SELECT id FROM kept").fetchall() == [(1,)]


@pytest.mark.django_db
def test_restore_asks_before_replacing_and_stops_on_no(tmp_path, monkeypatch):
    backup = tmp_path / "sicherung.dump"
    backup.write_bytes(b"")
    monkeypatch.setattr("builtins.input", lambda prompt: "nein")

    with pytest.raises(CommandError, match=r"^Abgebrochen, nichts geändert\.$"):
        call_command("restore_db", backup)
