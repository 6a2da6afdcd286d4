import csv
import io

import pytest
from django.urls import reverse

from projects.models import Project, ProjectLink
from search import index
from steering.models import Criterion
from transfers.models import TransferInterest

from ..factories import (
    ActionFieldFactory,
    DistrictMunicipalityFactory,
    IndicatorFactory,
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    SocialAreaFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    TransferServiceFactory,
)
from ..steering.factories import CriterionRatingFactory, SelfCheckFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(transitions, bergkamen, selm):
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    for town in (bergkamen, selm):
        town.parent = kreis
        town.save()
    MunicipalityFactory(name="Dortmund")
    return kreis


def test_project_page_shows_sections_chain_offers_and_similar_projects(client, transitions, bergkamen, selm):
    field = ActionFieldFactory(name="Gesundheit")
    project = ProjectFactory(
        title="Baby-Besuchsdienst",
        municipality=bergkamen,
        transitions=[transitions[0]],
        action_fields=[field],
        pitfalls="Datenschutz früh klären.",
    )
    IndicatorFactory(project=project, label="Erreichte Familien", value="86 %")
    offer = TransferOfferFactory(project=project)
    TransferServiceFactory(offer=offer)
    TransferOfferFactory(project=project, is_active=False)
    ProjectFactory(title="Willkommensbesuche", municipality=selm, transitions=[transitions[0]], action_fields=[field])
    ProjectFactory(title="Elternbriefe", municipality=selm, transitions=[transitions[0]])
    ProjectFactory(title="Eigenes Nachbarprojekt", municipality=bergkamen, transitions=[transitions[0]])
    ProjectFactory(title="Baby-Besuchsdienst Entwurf", municipality=selm, status=Project.Status.DRAFT)

    response = client.get(project.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert [title for title, _text in project.sections()] == [
        "Ausgangslage",
        "Ziele",
        "Erreichtes",
        "Erfolgsfaktoren",
        "Stolpersteine",
    ]
    for heading in ["Ausgangslage", "Ziele", "Erreichtes", "Erfolgsfaktoren", "Stolpersteine", "Kennzahlen"]:
        assert f"<h2>{heading}</h2>" in content
    assert [covered for _t, covered in response.context["chain"]] == [True, False, False, False, False]
    assert [p.title for p in response.context["similar_projects"]] == ["Willkommensbesuche", "Elternbriefe"]
    assert content.count("Transferinteresse anmelden") == 1
    assert f'href="/transfer/angebote/{offer.pk}/interesse/"' in content
    assert "zuletzt bestätigt am" in content
    assert content.count("<h1") == 1


@pytest.mark.parametrize("status", [Project.Status.DRAFT, Project.Status.IN_REVIEW, Project.Status.ARCHIVED])
def test_project_page_is_404_unless_published(client, coordinator_bergkamen, bergkamen, status):
    project = ProjectFactory(municipality=bergkamen, status=status)
    client.force_login(coordinator_bergkamen)

    assert client.get(project.get_absolute_url()).status_code == 404


def test_project_page_escapes_user_text(client):
    project = ProjectFactory(title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>")

    content = client.get(project.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


def test_project_page_similar_projects_share_words_in_other_forms(client, transitions, bergkamen, selm):
    project = ProjectFactory(
        title="Familienzentrum am Markt", summary="Beratung für Alleinerziehende.", municipality=bergkamen
    )
    ProjectFactory(title="Familienzentren im Verbund", summary="Offene Treffs.", municipality=selm)
    ProjectFactory(title="Ausbildungspaten", summary="Paten begleiten Jugendliche.", municipality=selm)
    ProjectFactory(title="Familienzentrum Bergkamen-Mitte", municipality=bergkamen)  # the same Kommune

    response = client.get(project.get_absolute_url())

    # "Familie" is in every factory project's text, twice in the first one's (its title).
    assert [p.title for p in response.context["similar_projects"]] == ["Familienzentren im Verbund", "Ausbildungspaten"]


@pytest.mark.parametrize("count", [1, 3])
def test_project_page_query_count_is_fixed(client, transitions, bergkamen, selm, django_assert_num_queries, count):
    """Every section filled: the page costs the same 10 queries with one or three of everything."""
    project = ProjectFactory(municipality=bergkamen, transitions=transitions[:2], action_fields=[ActionFieldFactory()])
    check = SelfCheckFactory(project=project)
    for number, criterion in enumerate(Criterion.objects.all()[:count]):
        CriterionRatingFactory(self_check=check, criterion=criterion, level=2)
        offer = TransferOfferFactory(project=project)
        TransferServiceFactory(offer=offer)
        TransferInterestFactory(offer=offer, municipality=selm, stage=TransferInterest.Stage.RATED, rating=4)
        project.organisations.add(OrganisationFactory())
        project.social_areas.add(SocialAreaFactory(municipality=bergkamen))
        project.networks.add(NetworkFactory(municipalities=[bergkamen]))
        IndicatorFactory(project=project, label=f"Kennzahl {number}")
        ProjectLink.objects.create(project=project, label=f"Link {number}", url="https://example.org/")
        ProjectFactory(title=f"Ähnlich {number}", municipality=selm, transitions=transitions[:1])

    index.rebuild()

    with django_assert_num_queries(10):  # 9 + the lessons of closed transfer plans; similar: 1
        response = client.get(project.get_absolute_url())

    content = response.content.decode()
    assert [p.title for p in response.context["similar_projects"]] == [f"Ähnlich {n}" for n in range(count)]
    assert content.count("Erfahrungen aus der Übernahme in Selm") == count
    assert content.count("Transferinteresse anmelden") == count
    assert content.count("Kennzahl ") >= count
    assert "Link 0" in content
    assert "Good-Practice-Profil" in content


@pytest.mark.parametrize("url", ["/projekte/gibt-es-nicht/", "/kommunen/gibt-es-nicht/", "/kommunen/x/kette/"])
def test_unknown_slug_is_404(client, url):
    assert client.get(url).status_code == 404


def test_chain_shows_projects_per_transition_and_carrying_networks(client, transitions, bergkamen, selm):
    baby = ProjectFactory(title="Baby-Besuchsdienst", municipality=bergkamen, transitions=[transitions[0]])
    ProjectFactory(title="Kita-Start", municipality=bergkamen, transitions=[transitions[1], transitions[2]])
    ProjectFactory(title="Fremdes Projekt", municipality=selm, transitions=[transitions[0]])
    ProjectFactory(title="Entwurf", municipality=bergkamen, transitions=[transitions[3]], status="draft")
    network = NetworkFactory(name="AK Frühe Hilfen", municipalities=[selm])
    network.projects.add(baby)
    NetworkFactory(name="AK Schule", municipalities=[bergkamen]).transitions.add(transitions[4])
    NetworkFactory(name="Netzwerk in Selm", municipalities=[selm])

    response = client.get(reverse("projects:chain", kwargs={"slug": bergkamen.slug}))

    chain = response.context["chain"]
    assert [[p.title for p in link.projects] for link in chain] == [
        ["Baby-Besuchsdienst"],
        ["Kita-Start"],
        ["Kita-Start"],
        [],
        [],
    ]
    assert [[n.name for n in link.networks] for link in chain] == [["AK Frühe Hilfen"], [], [], [], ["AK Schule"]]
    assert response.content.decode().count("Lücke:") == 2


def test_chain_column_shows_the_first_projects_and_links_to_all(client, transitions, bergkamen):
    for number in range(10):
        ProjectFactory(title=f"Projekt {number}", municipality=bergkamen, transitions=[transitions[0]])

    response = client.get(reverse("projects:chain", kwargs={"slug": bergkamen.slug}))

    first = response.context["chain"][0]
    assert [p.title for p in first.projects] == [f"Projekt {number}" for number in range(8)]
    assert first.project_count == 10
    assert "alle 10 Projekte ansehen" in response.content.decode()


@pytest.mark.parametrize("project_count", [1, 3])
def test_chain_and_municipality_query_counts_are_fixed(
    client, transitions, phases, bergkamen, django_assert_num_queries, project_count
):
    for number in range(project_count):
        project = ProjectFactory(municipality=bergkamen, transitions=transitions[:3], phases=phases[1:4])
        TransferOfferFactory(project=project)
        NetworkFactory(name=f"Netz {number}", municipalities=[bergkamen]).projects.add(project)

    # transitions, life phases, own projects (2, and 1 by phase), projects serving it, networks,
    # population figures, the municipality
    with django_assert_num_queries(9):
        client.get(reverse("projects:chain", kwargs={"slug": bergkamen.slug}))
    # the 7 of the chain, its offers, the transfer balance (2), by mode (2), its public contacts
    with django_assert_num_queries(13):
        response = client.get(bergkamen.get_absolute_url())
    assert len(response.context["offers"]) == project_count


def test_municipality_page_shows_own_offers_only(client, transitions, bergkamen, selm):
    TransferOfferFactory(project=ProjectFactory(title="Eigenes Angebot", municipality=bergkamen))
    TransferOfferFactory(project=ProjectFactory(title="Angebot aus Selm", municipality=selm))
    TransferOfferFactory(project=ProjectFactory(title="Entwurf", municipality=bergkamen, status="draft"))

    response = client.get(bergkamen.get_absolute_url())

    assert [offer.project.title for offer in response.context["offers"]] == ["Eigenes Angebot"]


def test_gap_grid_counts_published_projects_and_marks_gaps(client, district, transitions, bergkamen, selm):
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0], transitions[1]])
    ProjectFactory(municipality=bergkamen, transitions=[transitions[1]])
    ProjectFactory(municipality=selm, transitions=[transitions[1]], status="draft")

    response = client.get(reverse("projects:gaps"))

    rows = {
        (row.municipality.name, row.is_total): [cell.count for cell in row.cells] for row in response.context["rows"]
    }
    assert list(rows) == [
        ("Kreis Unna", False),
        ("Bergkamen", False),
        ("Selm", False),
        ("Kreis Unna", True),
        ("Dortmund", False),
    ]
    assert rows[("Bergkamen", False)] == [1, 2, 0, 0, 0]
    assert rows[("Selm", False)] == [0, 0, 0, 0, 0]
    assert rows[("Kreis Unna", True)] == [1, 2, 0, 0, 0]
    cells = {row.municipality: row.cells for row in response.context["rows"] if not row.is_total}
    selm_cells = cells[selm]
    assert selm_cells[1].url == "/luecken/selm/uebergang-in-die-kita/"
    bergkamen_cells = cells[bergkamen]
    assert bergkamen_cells[1].url == "/projekte/?kommune=bergkamen&uebergang=uebergang-in-die-kita"
    assert response.context["gap_count"] == 4 * 5 - 2


def test_gap_grid_splits_by_field(client, district, transitions, bergkamen):
    health, youth = ActionFieldFactory(name="Gesundheit"), ActionFieldFactory(name="Jugendhilfe")
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0]], action_fields=[health, youth])

    response = client.get(reverse("projects:gaps"), {"aufteilung": "handlungsfeld"})

    cells = next(row.cells for row in response.context["rows"] if row.municipality == bergkamen)
    assert [cell.count for cell in cells[:2]] == [1, 1]
    assert cells[0].url == "/projekte/?kommune=bergkamen&uebergang=schwangerschaft-geburt&handlungsfeld=gesundheit"
    assert len(cells) == 10


def test_gap_grid_csv_has_the_numbers(client, district, transitions, bergkamen):
    ProjectFactory(municipality=bergkamen, transitions=[transitions[4]])

    response = client.get(reverse("projects:gaps_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Kommune", "Kreis", "Schwangerschaft & Geburt"]
    assert rows[2] == ["Bergkamen", "Kreis Unna", "0", "0", "0", "0", "1"]


def test_project_page_names_its_life_phases_in_order(client, phases, bergkamen):
    project = ProjectFactory(municipality=bergkamen, phases=[phases[4], phases[3]])

    response = client.get(project.get_absolute_url())

    assert response.context["project"].phase_names == ["Grundschule", "Sekundarstufe I"]
    assert "<dt>Lebensphasen</dt><dd>Grundschule, Sekundarstufe I</dd>" in response.content.decode()


def test_gap_grid_by_phase_counts_projects_per_life_phase(client, district, phases, bergkamen, selm):
    ProjectFactory(municipality=bergkamen, phases=[phases[2], phases[3]])
    ProjectFactory(municipality=bergkamen, phases=[phases[3]])
    ProjectFactory(municipality=selm, phases=[phases[3]], status="draft")

    response = client.get(reverse("projects:gaps"), {"nach": "phase"})

    assert [phase.label for phase, _field in response.context["columns"]] == [
        "Schwangerschaft/Geburt",
        "0–3 Jahre",
        "Kita",
        "Grundschule",
        "Sek. I",
        "Schule–Beruf",
    ]
    rows = {
        (row.municipality.name, row.is_total): [cell.count for cell in row.cells] for row in response.context["rows"]
    }
    assert rows[("Bergkamen", False)] == [0, 0, 1, 2, 0, 0]
    assert rows[("Selm", False)] == [0, 0, 0, 0, 0, 0]
    assert rows[("Kreis Unna", True)] == [0, 0, 1, 2, 0, 0]
    cells = {row.municipality: row.cells for row in response.context["rows"] if not row.is_total}
    # A gap leads to the page of the gap in that phase.
    assert cells[selm][2].url == "/luecken/selm/lebensphase/kita/"
    assert cells[selm][0].url == "/luecken/selm/lebensphase/schwangerschaft-und-geburt/"
    assert cells[bergkamen][3].url == "/kommunen/bergkamen/kette/#phase-grundschule"
    assert response.context["gap_count"] == 4 * 6 - 2
    page = response.content.decode()
    assert 'aria-current="page" href="/luecken/?nach=phase">nach Lebensphase</a>' in page
    assert "je Kommune und Lebensphase – 22 Lücken" in page


def test_gap_grid_by_phase_counts_projects_serving_a_town(client, district, phases, bergkamen, selm):
    ProjectFactory(municipality=district, phases=[phases[2]]).served_municipalities.set([selm])

    response = client.get(reverse("projects:gaps"), {"nach": "phase"})

    selm_kita = next(row.cells[2] for row in response.context["rows"] if row.municipality == selm)
    assert (selm_kita.count, selm_kita.served, selm_kita.served_label, selm_kita.is_gap) == (
        0,
        1,
        "über den Kreis",
        False,
    )


def test_gap_grid_csv_by_phase_has_the_numbers(client, district, phases, bergkamen):
    ProjectFactory(municipality=bergkamen, phases=[phases[0], phases[5]])

    response = client.get(reverse("projects:gaps_csv"), {"nach": "phase"})

    assert response["Content-Disposition"] == 'attachment; filename="luecken-lebensphasen.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Kommune",
        "Kreis",
        "Schwangerschaft und Geburt",
        "0–3 Jahre",
        "Kita",
        "Grundschule",
        "Sekundarstufe I",
        "Sekundarstufe II / Schule–Beruf",
    ]
    assert rows[2] == ["Bergkamen", "Kreis Unna", "1", "0", "0", "0", "0", "1"]


@pytest.mark.parametrize("municipality_count", [1, 3])
def test_gap_grid_by_phase_query_count_is_fixed(client, phases, django_assert_num_queries, municipality_count):
    for number in range(municipality_count):
        town = MunicipalityFactory(name=f"Ort {number}")
        ProjectFactory(municipality=town, phases=phases[:2]).served_municipalities.add(MunicipalityFactory())

    # Kommunen, phases, own counts, counts serving others
    with django_assert_num_queries(4):
        client.get(reverse("projects:gaps"), {"nach": "phase"})
    with django_assert_num_queries(4):
        client.get(reverse("projects:gaps_csv"), {"nach": "phase"})


@pytest.mark.parametrize("municipality_count", [1, 3])
@pytest.mark.parametrize(("params", "queries"), [({}, 4), ({"aufteilung": "handlungsfeld"}, 5)])
def test_gap_grid_query_count_is_fixed(
    client, transitions, django_assert_num_queries, municipality_count, params, queries
):
    for number in range(municipality_count):
        ProjectFactory(municipality=MunicipalityFactory(name=f"Ort {number}"), transitions=transitions[:2])

    with django_assert_num_queries(queries):
        client.get(reverse("projects:gaps"), params)
