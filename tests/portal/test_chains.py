"""The Kreis hierarchy, service areas, needs and gap pages."""

import re

import pytest
from django.urls import reverse

from portal.gaps import GAP_PAGE_ITEMS
from projects.models import AgeBand, Municipality, PopulationFigure, Project

from ..factories import (
    ActionFieldFactory,
    DistrictMunicipalityFactory,
    MunicipalityFactory,
    NetworkFactory,
    ProjectFactory,
    TransferOfferFactory,
    make_coordinator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kreis(transitions, bergkamen, selm):
    """Kreis Unna with Bergkamen and Selm (own youth offices) and Bönen (served by the Kreisjugendamt)."""
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    for town in (bergkamen, selm):
        town.parent = kreis
        town.save()
    for transition, band in zip(transitions, AgeBand.values, strict=False):
        transition.age_band = band
        transition.save()
    MunicipalityFactory(name="Bönen", kind=Municipality.Kind.COMMUNITY, parent=kreis, has_own_youth_office=False)
    MunicipalityFactory(name="Dortmund", kind=Municipality.Kind.CITY)
    return kreis


@pytest.fixture
def boenen(kreis):
    return Municipality.objects.get(name="Bönen")


@pytest.fixture
def familienzentren(kreis, boenen, transitions):
    project = ProjectFactory(title="Familienzentren im Kreis Unna", municipality=kreis, transitions=transitions[:2])
    project.served_municipalities.set([boenen])
    return project


def served(project, *municipalities):
    project.served_municipalities.set(municipalities)
    return project


def test_directory_lists_kommunen_grouped_by_kreis(client, kreis):
    response = client.get(reverse("projects:municipalities"))

    groups = [(district.name, [m.name for m in members]) for district, members in response.context["districts"]]
    assert groups == [("Kreis Unna", ["Bergkamen", "Bönen", "Selm"])]
    assert [m.name for m in response.context["others"]] == ["Dortmund"]
    content = response.content.decode()
    assert 'Bönen</a> <span class="served-note">(kreisangehörige Gemeinde, Jugendamt des Kreises Unna)' in content
    assert 'Dortmund</a> <span class="served-note">(kreisfreie Stadt)' in content


def test_town_page_links_its_kreis_and_names_the_kreis_youth_office(client, boenen, kreis):
    response = client.get(boenen.get_absolute_url())

    content = response.content.decode()
    assert f'<a href="{kreis.get_absolute_url()}">Jugendamt des Kreises Unna</a>' in content
    assert f'kreisangehörige Gemeinde im <a href="{kreis.get_absolute_url()}">Kreis Unna</a>' in content


def test_town_with_own_youth_office_says_so(client, kreis, bergkamen):
    assert "<dd>eigenes Jugendamt</dd>" in client.get(bergkamen.get_absolute_url()).content.decode()


def test_kreis_page_lists_its_towns_with_coverage_and_a_sum(
    client, kreis, bergkamen, boenen, familienzentren, transitions
):
    ProjectFactory(municipality=bergkamen, transitions=[transitions[1]])
    ProjectFactory(municipality=MunicipalityFactory(name="Dortmund"), transitions=[transitions[1]])

    response = client.get(kreis.get_absolute_url())

    rows = [
        (row.municipality.name, row.is_total, [(cell.count, cell.served, cell.served_label) for cell in row.cells])
        for row in response.context["members"]
    ]
    none, via_kreis = (0, 0, ""), (0, 1, "über den Kreis")
    assert rows == [
        ("Kreis Unna", False, [(1, 0, ""), (1, 0, ""), none, none, none]),
        ("Bergkamen", False, [none, (1, 0, ""), none, none, none]),
        ("Bönen", False, [via_kreis, via_kreis, none, none, none]),
        ("Selm", False, [none, none, none, none, none]),
        ("Kreis Unna", True, [(1, 0, ""), (2, 0, ""), none, none, none]),
    ]
    assert "Städte und Gemeinden im Kreis" in response.content.decode()


def test_town_page_of_a_kreis_has_no_member_table(client, kreis, bergkamen):
    assert client.get(bergkamen.get_absolute_url()).context["members"] == []


def test_chain_shows_projects_serving_the_town_over_the_kreis_or_a_neighbour(
    client, kreis, boenen, selm, familienzentren, transitions
):
    served(ProjectFactory(title="KinderZUKUNFT NRW", municipality=selm, transitions=[transitions[0]]), boenen)
    served(ProjectFactory(title="Entwurf", municipality=kreis, transitions=[transitions[0]], status="draft"), boenen)

    response = client.get(reverse("projects:chain", kwargs={"slug": boenen.slug}))

    chain = response.context["chain"]
    assert [[(p.title, p.served_label) for p in link.served_projects] for link in chain] == [
        [("Familienzentren im Kreis Unna", "über den Kreis"), ("KinderZUKUNFT NRW", "über Kommune Selm")],
        [("Familienzentren im Kreis Unna", "über den Kreis")],
        [],
        [],
        [],
    ]
    assert [link.is_gap for link in chain] == [False, False, True, True, True]
    content = response.content.decode()
    assert 'Familienzentren im Kreis Unna</a> <span class="chain-served">(über den Kreis)</span>' in content
    assert content.count("Lücke:") == 3
    assert (
        f'href="{reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": transitions[2].slug})}"' in content
    )


def test_chain_draws_life_phases_as_columns_with_the_transitions_between_them(
    client, kreis, boenen, phases, transitions
):
    ProjectFactory(title="Lernpaten", municipality=boenen, phases=phases[3:5], transitions=[transitions[3]])
    ProjectFactory(title="Babybesuch", municipality=boenen, phases=[phases[0]], transitions=[transitions[0]])
    ProjectFactory(title="Entwurf", municipality=boenen, phases=[phases[1]], status="draft")
    served(ProjectFactory(title="Familienzentren", municipality=kreis, phases=[phases[2]]), boenen)
    figure(boenen, "3-5", 400)

    response = client.get(reverse("projects:chain", kwargs={"slug": boenen.slug}))

    steps = [
        (
            step.phase.label,
            [p.title for p in step.projects],
            [(p.title, p.served_label) for p in step.served_projects],
            step.next_link.transition.label if step.next_link else None,
        )
        for step in response.context["steps"]
    ]
    assert steps == [
        ("Schwangerschaft/Geburt", ["Babybesuch"], [], "Geburt"),
        ("0–3 Jahre", [], [], "Kita"),
        ("Kita", [], [("Familienzentren", "über den Kreis")], "Grundschule"),
        ("Grundschule", ["Lernpaten"], [], "Sekundarstufe"),
        ("Sek. I", ["Lernpaten"], [], "Beruf"),
        ("Schule–Beruf", [], [], None),
    ]
    steps = response.context["steps"]
    assert [step.is_gap for step in steps] == [False, True, False, False, False, True]
    assert steps[1].gap_url == "/luecken/boenen/lebensphase/03-jahre/"
    assert (steps[2].need.figure.count, steps[2].need.projects, steps[2].need.per_thousand) == (400, 1, 2.5)
    assert response.context["unplaced"] == []
    content = response.content.decode()
    order = re.findall(r'<li class="(phase-step|phase-bridge)[ "]', content)
    assert order == ["phase-step", "phase-bridge"] * 5 + ["phase-step"]
    assert 'id="phase-grundschule"' in content


def test_chain_without_life_phases_draws_the_transitions(client, bergkamen, transitions):
    ProjectFactory(title="Babybesuch", municipality=bergkamen, transitions=[transitions[0]])

    response = client.get(reverse("projects:chain", kwargs={"slug": bergkamen.slug}))

    assert (response.context["steps"], response.context["unplaced"]) == ([], [])
    assert 'class="chain-columns' in response.content.decode()
    assert [p.title for p in response.context["chain"][0].projects] == ["Babybesuch"]


def test_municipality_page_lists_projects_serving_it(client, boenen, familienzentren):
    response = client.get(boenen.get_absolute_url())

    assert [(p.title, p.served_label) for p in response.context["served_projects"]] == [
        ("Familienzentren im Kreis Unna", "über den Kreis")
    ]
    assert "Projekte für diese Kommune" in response.content.decode()


def test_project_page_names_the_served_kommunen(client, familienzentren, boenen, selm):
    familienzentren.served_municipalities.add(selm)

    response = client.get(familienzentren.get_absolute_url())

    assert response.context["object"].served_municipality_names == ["Bönen", "Selm"]
    assert "<dt>wirkt auch in</dt><dd>Bönen, Selm</dd>" in response.content.decode()


def test_gap_grid_counts_served_projects_and_marks_them(client, kreis, boenen, familienzentren):
    response = client.get(reverse("projects:gaps"))

    row = next(row for row in response.context["rows"] if row.municipality == boenen)
    assert [(cell.count, cell.served, cell.served_label, cell.is_gap) for cell in row.cells] == [
        (0, 1, "über den Kreis", False),
        (0, 1, "über den Kreis", False),
        (0, 0, "", True),
        (0, 0, "", True),
        (0, 0, "", True),
    ]
    assert row.cells[2].url == "/luecken/boenen/uebergang-in-die-grundschule/"
    assert "1 über den Kreis" in response.content.decode()


def test_gap_grid_by_field_counts_served_projects_per_field(client, kreis, boenen, familienzentren):
    field = ActionFieldFactory(name="Jugendhilfe")
    familienzentren.action_fields.set([field])

    response = client.get(reverse("projects:gaps"), {"aufteilung": "handlungsfeld"})

    row = next(row for row in response.context["rows"] if row.municipality == boenen)
    assert [(cell.served, cell.label) for cell in row.cells] == [
        (1, "Geburt · Jugendhilfe"),
        (1, "Kita · Jugendhilfe"),
        (0, "Grundschule · Jugendhilfe"),
        (0, "Sekundarstufe · Jugendhilfe"),
        (0, "Beruf · Jugendhilfe"),
    ]


def test_projects_serving_finds_the_kreis_towns_and_served_projects(kreis, bergkamen, boenen, familienzentren):
    own = ProjectFactory(title="Eigenes", municipality=bergkamen)
    ProjectFactory(title="Dortmunder Projekt", municipality=MunicipalityFactory(name="Dortmund"))

    in_kreis = Project.objects.serving(Municipality.objects.in_district(kreis))
    in_boenen = Project.objects.serving([boenen])

    assert sorted(p.title for p in in_kreis) == sorted([own.title, familienzentren.title])
    assert [p.title for p in in_boenen] == [familienzentren.title]


# --- the page a gap leads to ---------------------------------------------------------------------------


@pytest.fixture
def gap_setting(kreis, boenen, bergkamen, transitions):
    """For the Kita transition: offers and projects in the Kreis and elsewhere, networks near and far."""
    kita = transitions[1]
    dortmund = Municipality.objects.get(name="Dortmund")
    far_offer = TransferOfferFactory(
        project=ProjectFactory(title="A Dortmunder Angebot", municipality=dortmund, transitions=[kita])
    )
    near_offer = TransferOfferFactory(
        project=ProjectFactory(title="Z Bergkamener Angebot", municipality=bergkamen, transitions=[kita])
    )
    ProjectFactory(title="A Dortmunder Projekt", municipality=dortmund, transitions=[kita])
    ProjectFactory(title="Z Bergkamener Projekt", municipality=bergkamen, transitions=[kita])
    ProjectFactory(title="Anderer Übergang", municipality=bergkamen, transitions=[transitions[0]])
    ProjectFactory(title="Entwurf", municipality=bergkamen, transitions=[kita], status="draft")
    NetworkFactory(name="A Netz in Dortmund", municipalities=[dortmund]).transitions.add(kita)
    NetworkFactory(name="Z Netz in Bergkamen", municipalities=[bergkamen]).transitions.add(kita)
    NetworkFactory(name="Netz ohne Kita", municipalities=[bergkamen])
    return kita, near_offer, far_offer


def test_gap_page_offers_projects_and_networks_nearest_first(client, boenen, gap_setting):
    kita, near_offer, _far_offer = gap_setting

    response = client.get(reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": kita.slug}))

    context = response.context
    assert [offer.project.title for offer in context["offers"]] == ["Z Bergkamener Angebot", "A Dortmunder Angebot"]
    assert [project.title for project in context["projects"]] == ["Z Bergkamener Projekt", "A Dortmunder Projekt"]
    assert [network.name for network in context["networks"]] == ["Z Netz in Bergkamen", "A Netz in Dortmund"]
    assert context["request_url"] == "/transfer/gesuche/neu/?kommune=boenen&uebergang=uebergang-in-die-kita"
    content = response.content.decode()
    assert "<h1>Lücke: Kita in Bönen</h1>" in content
    assert content.count("Transfer-Angebot anfragen") == 2
    assert f'href="/transfer/angebote/{near_offer.pk}/interesse/"' in content
    assert content.count('<span class="tag">im selben Kreis') == 3


@pytest.mark.parametrize("listed", ["offers", "projects"])
def test_gap_page_lists_the_first_near_records_by_title_then_the_first_others(
    client, kreis, boenen, bergkamen, transitions, listed
):
    kita = transitions[1]
    dortmund = Municipality.objects.get(name="Dortmund")
    for number in range(GAP_PAGE_ITEMS + 1):
        project = ProjectFactory(title=f"A Dortmund {number}", municipality=dortmund, transitions=[kita])
        if listed == "offers":
            TransferOfferFactory(project=project)
    for number in (3, 1, 2):
        project = ProjectFactory(title=f"Z Bergkamen {number}", municipality=bergkamen, transitions=[kita])
        if listed == "offers":
            TransferOfferFactory(project=project)

    response = client.get(reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": kita.slug}))

    shown = response.context[listed]
    titles = [item.project.title if listed == "offers" else item.title for item in shown]
    near = ["Z Bergkamen 1", "Z Bergkamen 2", "Z Bergkamen 3"]
    assert titles == near + [f"A Dortmund {number}" for number in range(GAP_PAGE_ITEMS - len(near))]
    assert [item.is_near for item in shown] == [True] * len(near) + [None] * (GAP_PAGE_ITEMS - len(near))


def test_gap_page_shows_what_already_serves_the_town(client, boenen, familienzentren, transitions):
    response = client.get(reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": transitions[0].slug}))

    assert [(p.title, p.served_label) for p in response.context["served_projects"]] == [
        ("Familienzentren im Kreis Unna", "über den Kreis")
    ]
    assert response.context["projects"] == []


def test_gap_page_without_anything_elsewhere_still_offers_a_gesuch(client, boenen, transitions):
    response = client.get(reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": transitions[4].slug}))

    content = response.content.decode()
    assert (response.context["offers"], response.context["projects"], response.context["networks"]) == ([], [], [])
    url = f"/transfer/gesuche/neu/?kommune=boenen&amp;uebergang={transitions[4].slug}"
    assert f'href="{url}">Gesuch veröffentlichen' in content


def test_gap_page_by_field_filters_on_the_field(client, boenen, bergkamen, transitions):
    health = ActionFieldFactory(name="Gesundheit")
    ProjectFactory(title="Mit Feld", municipality=bergkamen, transitions=[transitions[1]], action_fields=[health])
    ProjectFactory(title="Ohne Feld", municipality=bergkamen, transitions=[transitions[1]])

    url = reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": transitions[1].slug})
    response = client.get(url, {"handlungsfeld": health.slug})

    assert [p.title for p in response.context["projects"]] == ["Mit Feld"]
    assert "<h1>Lücke: Kita · Gesundheit in Bönen</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("slug", "transition", "params"),
    [
        ("gibt-es-nicht", "uebergang-in-die-kita", {}),
        ("boenen", "gibt-es-nicht", {}),
        ("boenen", "uebergang-in-die-kita", {"handlungsfeld": "x"}),
    ],
)
def test_gap_page_for_unknown_things_is_404(client, boenen, slug, transition, params):
    response = client.get(reverse("projects:gap", kwargs={"slug": slug, "transition": transition}), params)

    assert response.status_code == 404


@pytest.fixture
def phase_gap_setting(kreis, boenen, bergkamen, phases, transitions):
    """For the life phase Kita: offers and projects in the Kreis and elsewhere, networks at the transitions
    into and out of it, near and far."""
    kita = phases[2]
    dortmund = Municipality.objects.get(name="Dortmund")
    TransferOfferFactory(project=ProjectFactory(title="A Dortmunder Angebot", municipality=dortmund, phases=[kita]))
    near_offer = TransferOfferFactory(
        project=ProjectFactory(title="Z Bergkamener Angebot", municipality=bergkamen, phases=[kita, phases[3]])
    )
    ProjectFactory(title="A Dortmunder Projekt", municipality=dortmund, phases=[kita])
    ProjectFactory(title="Z Bergkamener Projekt", municipality=bergkamen, phases=[kita])
    ProjectFactory(title="Kita als Übergang", municipality=bergkamen, transitions=[transitions[1]])
    ProjectFactory(title="Andere Lebensphase", municipality=bergkamen, phases=[phases[3]])
    ProjectFactory(title="Entwurf", municipality=bergkamen, phases=[kita], status="draft")
    NetworkFactory(name="A Netz in Dortmund", municipalities=[dortmund]).transitions.add(transitions[2])
    NetworkFactory(name="Z Netz in Bergkamen", municipalities=[bergkamen]).transitions.add(transitions[1])
    NetworkFactory(name="Netz am Beruf", municipalities=[bergkamen]).transitions.add(transitions[4])
    return kita, near_offer


def test_phase_gap_page_offers_projects_and_networks_nearest_first(client, boenen, phase_gap_setting):
    kita, near_offer = phase_gap_setting

    response = client.get(reverse("projects:phase_gap", kwargs={"slug": boenen.slug, "phase": kita.slug}))

    context = response.context
    assert context["phase"] == kita
    assert [offer.project.title for offer in context["offers"]] == ["Z Bergkamener Angebot", "A Dortmunder Angebot"]
    assert [project.title for project in context["projects"]] == ["Z Bergkamener Projekt", "A Dortmunder Projekt"]
    assert [network.name for network in context["networks"]] == ["Z Netz in Bergkamen", "A Netz in Dortmund"]
    assert context["request_url"] == (
        "/transfer/gesuche/neu/?kommune=boenen&uebergang=uebergang-in-die-kita&uebergang=uebergang-in-die-grundschule"
    )
    assert context["offers_url"] == "/transfer/angebote/?uebergang=uebergang-in-die-kita"
    content = response.content.decode()
    assert "<h1>Lücke: Kita in Bönen</h1>" in content
    assert "Bönen hat in der Lebensphase „Kita“ noch kein eigenes veröffentlichtes Projekt." in content
    assert '<a href="/kommunen/boenen/kette/#phase-kita">Bönen</a>' in content
    assert f'href="/transfer/angebote/{near_offer.pk}/interesse/"' in content
    assert content.count('<span class="tag">im selben Kreis') == 3
    assert "Netzwerke in dieser Lebensphase" in content


def test_phase_gap_page_shows_what_serves_the_town_and_its_need_with_the_kreis_median(
    client, kreis, boenen, bergkamen, phases
):
    served(ProjectFactory(title="Familienzentren", municipality=kreis, phases=[phases[2]]), boenen)
    ProjectFactory(title="Eigenes", municipality=bergkamen, phases=[phases[2]])
    figure(boenen, "3-5", 500)
    figure(bergkamen, "3-5", 250)

    response = client.get(reverse("projects:phase_gap", kwargs={"slug": boenen.slug, "phase": phases[2].slug}))

    context = response.context
    assert [(p.title, p.served_label) for p in context["served_projects"]] == [("Familienzentren", "über den Kreis")]
    assert [p.title for p in context["projects"]] == ["Eigenes"]
    assert (context["need"].figure.count, context["need"].per_thousand, context["need"].district_median) == (
        500,
        2.0,
        3.0,
    )
    assert "Im Kreis kommen im Median 3,0 Projekte auf 1 000 Kinder." in response.content.decode()


def test_phase_gap_page_without_anything_elsewhere_still_offers_a_gesuch(client, boenen, phases, transitions):
    response = client.get(reverse("projects:phase_gap", kwargs={"slug": boenen.slug, "phase": phases[5].slug}))

    context = response.context
    assert (context["offers"], context["projects"], context["networks"], context["own_count"]) == ([], [], [], 0)
    url = f"/transfer/gesuche/neu/?kommune=boenen&amp;uebergang={transitions[4].slug}"
    assert f'href="{url}">Gesuch veröffentlichen' in response.content.decode()


@pytest.mark.parametrize(("slug", "phase"), [("gibt-es-nicht", "kita"), ("boenen", "gibt-es-nicht")])
def test_phase_gap_page_for_unknown_things_is_404(client, boenen, phases, slug, phase):
    response = client.get(reverse("projects:phase_gap", kwargs={"slug": slug, "phase": phase}))

    assert response.status_code == 404


def test_gesuch_form_is_prefilled_from_the_gap_link(client, boenen, transitions):
    client.force_login(make_coordinator(boenen, username="koordination-boenen-test"))

    response = client.get("/transfer/gesuche/neu/?kommune=boenen&uebergang=uebergang-in-die-kita")

    form = response.context["form"]
    assert (form.initial["municipality"], form.initial["transitions"]) == (boenen, [transitions[1]])


def test_gesuch_form_ignores_a_kommune_the_coordinator_does_not_coordinate(client, boenen, selm, transitions):
    client.force_login(make_coordinator(selm, username="koordination-selm-zwei"))

    response = client.get("/transfer/gesuche/neu/?kommune=boenen")

    assert "municipality" not in response.context["form"].initial


# --- needs beside coverage -------------------------------------------------------------------------------


def figure(municipality, band, count, year=2023):
    return PopulationFigure.objects.create(
        municipality=municipality, age_band=band, count=count, year=year, source="IT.NRW"
    )


def test_chain_shows_children_per_age_band_projects_per_thousand_and_kreis_median(
    client, kreis, bergkamen, selm, boenen, familienzentren, transitions
):
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0]])
    ProjectFactory(municipality=bergkamen, transitions=[transitions[0]])
    figure(bergkamen, "0-2", 1000)
    figure(bergkamen, "0-2", 900, year=2020)  # older: not shown
    figure(selm, "0-2", 500)
    figure(boenen, "0-2", 250)

    response = client.get(reverse("projects:chain", kwargs={"slug": boenen.slug}))

    need = response.context["chain"][0].need
    assert (need.figure.count, need.projects, need.per_thousand, need.district_median) == (250, 1, 4.0, 2.0)
    assert response.context["chain"][1].need is None  # no figure for 3–5
    assert "250 Kinder von 0–2 Jahre (2023) · 4,0 Projekte je 1 000 · Kreis-Median 2,0" in response.content.decode()


def test_chain_by_phase_shows_kreis_median_and_where_the_figures_come_from(
    client, kreis, bergkamen, selm, boenen, phases
):
    ProjectFactory(municipality=bergkamen, phases=[phases[2]])
    ProjectFactory(municipality=bergkamen, phases=[phases[2]])
    served(ProjectFactory(title="Familienzentren", municipality=kreis, phases=[phases[2]]), boenen)
    figure(bergkamen, "3-5", 1000)
    figure(selm, "3-5", 500)  # no project there: 0 per 1 000
    figure(boenen, "3-5", 250, year=2022)

    response = client.get(reverse("projects:chain", kwargs={"slug": boenen.slug}))

    needs = [step.need for step in response.context["steps"]]
    kita = needs[2]
    assert (kita.figure.count, kita.projects, kita.per_thousand, kita.district_median) == (250, 1, 4.0, 2.0)
    assert [need is None for need in needs] == [True, True, False, True, True, True]
    assert response.context["figure_sources"] == [(2022, "IT.NRW")]
    content = response.content.decode()
    assert "250 Kinder von 3–5 Jahre (2022) · 4,0 Projekte je 1 000 · Kreis-Median 2,0" in content
    assert "Kinderzahlen: IT.NRW (Jahr 2022)." in content


def test_chain_without_figures_has_no_source_note(client, boenen, phases):
    response = client.get(reverse("projects:chain", kwargs={"slug": boenen.slug}))

    assert response.context["figure_sources"] == []
    assert "Kinderzahlen:" not in response.content.decode()


def test_municipality_page_lists_population_by_age_band(client, bergkamen):
    figure(bergkamen, "6-9", 1800)
    figure(bergkamen, "0-2", 1200)

    response = client.get(bergkamen.get_absolute_url())

    assert [(f.age_band, f.count) for f in response.context["population"]] == [("0-2", 1200), ("6-9", 1800)]
    assert (
        '<th class="kern-table__header" scope="row">0–2 Jahre</th>'
        '<td class="kern-table__cell kern-table__cell--numeric">1.200</td>'
        '<td class="kern-table__cell">2023, IT.NRW</td>' in response.content.decode()
    )


def test_kreis_page_shows_children_per_town_where_known(client, kreis, bergkamen):
    figure(bergkamen, "0-2", 1000)

    response = client.get(kreis.get_absolute_url())

    needs = {
        row.municipality.name: [cell.need and cell.need.figure.count for cell in row.cells]
        for row in response.context["members"]
        if not row.is_total
    }
    assert needs["Bergkamen"] == [1000, None, None, None, None]
    assert needs["Selm"] == [None] * 5


# --- query counts ------------------------------------------------------------------------------------------


@pytest.fixture
def many(kreis, boenen, transitions, phases):
    def make(count: int):
        for number in range(count):
            town = MunicipalityFactory(name=f"Ort {number}", parent=kreis)
            project = ProjectFactory(municipality=town, transitions=transitions[:2], phases=phases[:3])
            project.served_municipalities.set([boenen])
            TransferOfferFactory(project=project)
            NetworkFactory(name=f"Netz {number}", municipalities=[town]).transitions.add(transitions[1])
            figure(town, "3-5", 100 + number)

    return make


@pytest.mark.parametrize("count", [1, 3])
def test_new_pages_query_counts_are_fixed(
    client, kreis, boenen, transitions, phases, many, django_assert_num_queries, count
):
    many(count)
    gap = reverse("projects:gap", kwargs={"slug": boenen.slug, "transition": transitions[1].slug})

    with django_assert_num_queries(1):
        client.get(reverse("projects:municipalities"))
    # municipality, transition, served projects, offers, projects, networks, own count, needs (3)
    with django_assert_num_queries(10):
        client.get(gap)
    # municipality, phase, its transitions, served projects, offers, projects, networks, own count, needs (3)
    with django_assert_num_queries(11):
        client.get(reverse("projects:phase_gap", kwargs={"slug": boenen.slug, "phase": phases[2].slug}))
    # chain (9 with figures), offers, Kreis towns, grid counters (2), transfer balance (2) and by mode (2),
    # its public contacts
    with django_assert_num_queries(17):
        client.get(kreis.get_absolute_url())
    # transitions, life phases, needs (3) and by phase (2), own projects (1: none to fetch, 1 by phase),
    # served projects, networks, municipality
    with django_assert_num_queries(12):
        client.get(reverse("projects:chain", kwargs={"slug": boenen.slug}))
