"""Kommunen: their kind, Regionalschlüssel, population by age band and the projects serving them."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from projects import services
from projects.models import Municipality, PopulationFigure

from ..factories import DistrictMunicipalityFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_kreisfreie_stadt_cannot_belong_to_a_kreis():
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    city = Municipality(name="Dortmund", kind=Municipality.Kind.CITY, parent=kreis, has_own_youth_office=True)

    with pytest.raises(ValidationError) as error:
        city.full_clean()

    assert error.value.message_dict["parent"] == ["Eine kreisfreie Stadt gehört keinem Kreis an."]


@pytest.mark.parametrize("key", ["05978", "05978003603x", "0597800360360"])
def test_regional_key_must_have_twelve_digits(key):
    municipality = MunicipalityFactory(name="Unna")
    municipality.regional_key = key

    with pytest.raises(ValidationError) as error:
        municipality.full_clean()

    assert "regional_key" in error.value.message_dict


def test_regional_key_is_unique_once_entered():
    MunicipalityFactory(name="Unna", regional_key="059780036036")
    MunicipalityFactory(name="Selm")  # blank keys do not collide
    MunicipalityFactory(name="Werne")

    with pytest.raises(IntegrityError):
        MunicipalityFactory(name="Kamen", regional_key="059780036036")


@pytest.mark.parametrize(
    ("parent_name", "own", "label"),
    [
        ("Kreis Unna", False, "Jugendamt des Kreises Unna"),
        ("Kreis Unna", True, "eigenes Jugendamt"),
        (None, True, "eigenes Jugendamt"),
    ],
)
def test_youth_office_label_names_the_kreis_in_the_genitive(parent_name, own, label):
    parent = DistrictMunicipalityFactory(name=parent_name) if parent_name else None
    town = MunicipalityFactory(name="Bönen", parent=parent, has_own_youth_office=own)

    assert town.youth_office_label == label


def test_served_label_says_over_the_kreis_or_over_the_neighbour():
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    boenen = MunicipalityFactory(name="Bönen", parent=kreis, has_own_youth_office=False)
    unna = MunicipalityFactory(name="Unna", parent=kreis)

    assert (boenen.served_label(kreis), boenen.served_label(unna)) == ("über den Kreis", "über Kommune Unna")


def test_served_municipalities_of_a_published_project_change_only_through_review(
    bergkamen, selm, coordinator_bergkamen, steering_member
):
    project = ProjectFactory(municipality=bergkamen)

    services.project_propose_changes(
        project=project, changes={"served_municipalities": [selm.pk]}, by=coordinator_bergkamen
    )
    project.refresh_from_db()
    assert (list(project.served_municipalities.all()), project.pending_changes) == (
        [],
        {"served_municipalities": [selm.pk]},
    )

    services.project_approve_changes(project=project, by=steering_member)
    assert list(project.served_municipalities.all()) == [selm]
    assert project.history.first().served_municipalities.count() == 1


# --- population import -------------------------------------------------------------------------------------


@pytest.fixture
def unna(db):
    return MunicipalityFactory(name="Unna", regional_key="059780036036")


def write_csv(tmp_path, text: str):
    path = tmp_path / "bevoelkerung.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_import_population_stores_figures_by_regional_key_and_replaces_a_year(tmp_path, unna):
    PopulationFigure.objects.create(municipality=unna, year=2023, age_band="0-2", count=1, source="alt")
    path = write_csv(
        tmp_path,
        "Regionalschlüssel;Jahr;Altersgruppe;Anzahl;Quelle\n"
        "059780036036;2023;0–2 Jahre;1.630;IT.NRW\n"
        "059780036036;2023;3-5;1710;IT.NRW\n",
    )

    call_command("import_population", str(path))

    rows = list(PopulationFigure.objects.order_by("age_band").values_list("age_band", "year", "count", "source"))
    assert rows == [("0-2", 2023, 1630, "IT.NRW"), ("3-5", 2023, 1710, "IT.NRW")]


def test_import_population_stores_nothing_when_a_row_is_faulty(tmp_path, unna):
    path = write_csv(
        tmp_path,
        "Regionalschluessel;Jahr;Altersgruppe;Anzahl;Quelle\n"
        "059780036036;2023;0-2;1630;IT.NRW\n"
        "059780000000;2023;0-2;10;IT.NRW\n"
        "059780036036;2023;0-99;10;IT.NRW\n"
        "059780036036;;3-5;10;\n",
    )

    with pytest.raises(CommandError) as error:
        call_command("import_population", str(path))

    assert str(error.value).splitlines() == [
        "Zeile 3: keine Kommune mit dem Regionalschlüssel „059780000000“.",
        "Zeile 4: Altersgruppe „0-99“ unbekannt (erlaubt: 0-2, 3-5, 6-9, 10-15, 16-18, 19-24).",
        "Zeile 5: Jahr, Anzahl (ganze Zahlen) und Quelle sind Pflicht.",
    ]
    assert PopulationFigure.objects.count() == 0


def test_import_population_names_missing_columns(tmp_path, unna):
    path = write_csv(tmp_path, "Regionalschluessel;Jahr;Anzahl\n059780036036;2023;10\n")

    with pytest.raises(CommandError, match="Es fehlen Spalten: altersgruppe, quelle"):
        call_command("import_population", str(path))


def test_coordinator_may_name_any_kommune_as_served_but_assign_only_the_own(
    client, bergkamen, selm, coordinator_bergkamen
):
    client.force_login(coordinator_bergkamen)

    def choices(field_name):
        params = {"app_label": "projects", "model_name": "project", "field_name": field_name, "term": ""}
        return sorted(result["text"] for result in client.get("/verwaltung/autocomplete/", params).json()["results"])

    assert choices("served_municipalities") == ["Bergkamen", "Selm"]
    assert choices("municipality") == ["Bergkamen"]
