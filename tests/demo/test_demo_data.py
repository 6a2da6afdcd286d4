import datetime

import pytest
from django.core.management import CommandError
from django.db import models
from django.test import override_settings
from django.utils import timezone

from accounts.models import Coordinator, User
from demo.loader import demo_password, read
from events.models import Event, EventRegistration
from networks.models import Network
from projects.models import (
    ActionField,
    Indicator,
    LifePhase,
    Municipality,
    MunicipalityContact,
    Organisation,
    Project,
    SocialArea,
    TargetGroup,
    Transition,
)
from steering.models import (
    CriterionRating,
    Goal,
    IndicatorRating,
    Measurement,
    NetworkAssessment,
    ProjectSelfCheck,
)
from transfers.models import TransferInterest, TransferOffer, TransferRequest, TransferService

from ..module_data import run_load_demo

NETWORKS: list[dict] = read("networks")["networks"]
DEMO_PASSWORD = demo_password()

SNAPSHOT_MODELS: list[type[models.Model]] = [
    Transition,
    ActionField,
    TargetGroup,
    Municipality,
    SocialArea,
    Organisation,
    Project,
    Indicator,
    Network,
    TransferOffer,
    TransferService,
    TransferRequest,
    TransferInterest,
    User,
    Coordinator,
    ProjectSelfCheck,
    CriterionRating,
    NetworkAssessment,
    IndicatorRating,
    Goal,
    Measurement,
    Event,
    EventRegistration,
]


def snapshot() -> dict[str, list[dict]]:
    """Every row of every demo table and of their many-to-many tables, including ``updated_at``."""
    tables = {model._meta.label: model for model in SNAPSHOT_MODELS}
    for model in SNAPSHOT_MODELS:
        for relation in model._meta.many_to_many:
            through = relation.remote_field.through
            tables[through._meta.label] = through
    return {label: list(model._default_manager.order_by("pk").values()) for label, model in tables.items()}


def test_load_demo_counts_are_exact(demo):
    assert {
        "municipalities": Municipality.objects.count(),
        "municipality_contacts": MunicipalityContact.objects.count(),
        "social_areas": SocialArea.objects.count(),
        "organisations": Organisation.objects.count(),
        "networks": Network.objects.count(),
        "projects": Project.objects.count(),
        "indicators": Indicator.objects.count(),
        "offers": TransferOffer.objects.count(),
        "services": TransferService.objects.count(),
        "requests": TransferRequest.objects.count(),
        "interests": TransferInterest.objects.count(),
        "self_checks": ProjectSelfCheck.objects.count(),
        "criterion_ratings": CriterionRating.objects.count(),
        "assessments": NetworkAssessment.objects.count(),
        "indicator_ratings": IndicatorRating.objects.count(),
        "goals": Goal.objects.count(),
        "measurements": Measurement.objects.count(),
        "events": Event.objects.count(),
        "registrations": EventRegistration.objects.count(),
    } == {
        "municipalities": 28,
        "municipality_contacts": 2,
        "social_areas": 10,
        "organisations": 81,
        "networks": 54,
        "projects": 21,
        "indicators": 38,
        "offers": 8,
        "services": 23,
        "requests": 4,
        "interests": 10,
        "self_checks": 6,
        "criterion_ratings": 72,
        "assessments": 9,
        "indicator_ratings": 72,
        "goals": 12,
        "measurements": 26,
        "events": 3,
        "registrations": 1,
    }


def test_demo_projects_name_the_life_phases_of_their_document_or_of_their_transitions(demo):
    bridges = [
        (t.short_name, t.phase_before.short_name, t.phase_after.short_name)
        for t in Transition.objects.select_related("phase_before", "phase_after")
    ]
    phases = {
        title: [phase.short_name for phase in Project.objects.get(title=title).phases.order_by("position")]
        for title in ["Kontaktstelle Kindergesundheit Kamen", "Baby-Besuchsdienst Bergkamen", "Stadtteileltern Lünen"]
    }

    assert list(LifePhase.objects.values_list("short_name", flat=True)) == [
        "Schwangerschaft/Geburt",
        "0–3 Jahre",
        "Kita",
        "Grundschule",
        "Sek. I",
        "Schule–Beruf",
    ]
    assert bridges == [
        ("Geburt", "Schwangerschaft/Geburt", "0–3 Jahre"),
        ("Kita", "0–3 Jahre", "Kita"),
        ("Grundschule", "Kita", "Grundschule"),
        ("Sekundarstufe", "Grundschule", "Sek. I"),
        ("Beruf", "Sek. I", "Schule–Beruf"),
    ]
    assert phases == {
        # "für Kinder und Jugendliche ab Schulalter": named in the data, not the Kita its transitions touch
        "Kontaktstelle Kindergesundheit Kamen": ["Grundschule", "Sek. I", "Schule–Beruf"],
        "Baby-Besuchsdienst Bergkamen": ["Schwangerschaft/Geburt", "0–3 Jahre"],
        "Stadtteileltern Lünen": ["0–3 Jahre", "Kita", "Grundschule"],
    }


def test_load_demo_prints_german_summary_and_accounts(demo):
    assert demo.splitlines()[0] == (
        "Demo-Inhalte geladen: 6 Lebensphasen, 5 Übergänge, 5 Handlungsfelder, 12 Zielgruppen, 28 Kommunen, "
        "10 Sozialräume, 81 Organisationen, 4 Demo-Konten, 21 Projekte, 38 Kennzahlen, 54 Netzwerke, "
        "8 Transfer-Angebote, 23 Leistungen, 4 Transfer-Gesuche, 10 Transferinteressen, 6 Good-Practice-Selbstchecks, "
        "9 Netzwerk-Selbstbewertungen, 12 Ziele, 26 Messungen, 3 Fachtage, 1 Anmeldungen zu Fachtagen."
    )
    assert "transfer-demo" in demo
    assert "koordination-selm" in demo


def test_network_data_has_one_entry_per_row_of_the_document_tables():
    # 001 §3.2.1 lists 27 networks coordinated by the youth services, §3.2.2 another 27.
    names = [network["name"] for network in NETWORKS]

    assert [network["table"] for network in NETWORKS].count("3.2.1") == 27
    assert [network["table"] for network in NETWORKS].count("3.2.2") == 27
    assert len(set(names)) == len(names) == 54


def test_network_count_equals_the_document_list(demo):
    assert sorted(Network.objects.values_list("name", flat=True)) == sorted(network["name"] for network in NETWORKS)


def test_networks_of_the_demo_are_all_published(demo):
    assert Network.objects.published().count() == Network.objects.count() == len(NETWORKS)


def test_networks_all_cover_a_municipality(demo):
    assert not Network.objects.filter(municipalities__isnull=True).exists()


def test_network_koenigsborn_links_its_projects_and_members(demo):
    network = Network.objects.get(name="Netzwerk Königsborn")

    assert network.kind == Network.Kind.DISTRICT_CONFERENCE
    assert network.coordinating_organisation.name == "Jugendamt Kreisstadt Unna"
    assert network.founded_year == 1996
    assert sorted(network.projects.values_list("title", flat=True)) == [
        "KEEP – Königsborner Ein-Eltern-Projekt",
        "Netzwerk Königsborn",
    ]
    assert network.members.filter(name="Jobcenter Kreis Unna").exists()


def test_network_child_protection_health_has_meeting_rhythm_and_agreement(demo):
    network = Network.objects.get(name="Arbeitskreis zum Kinderschutz Jugend- und Gesundheitshilfe")

    assert network.meetings_per_year == 5
    assert network.meeting_note == "Lenkungsgruppe alle 8–10 Wochen"
    assert network.has_cooperation_agreement is True
    assert list(network.transitions.values_list("short_name", flat=True)) == ["Geburt"]


def test_networks_all_have_members_except_the_four_rows_naming_only_generic_groups(demo):
    without_members = Network.objects.filter(members__isnull=True)

    assert Network.objects.filter(members__isnull=False).distinct().count() == 50
    assert sorted(without_members.values_list("name", flat=True)) == [
        "AGOT/Wirksamkeitsdialog der Offenen Kinder- und Jugendarbeit",
        "KiJuRinge/Ortsjugendringe",
        "Regionale Arbeitskreise Familienzentren",
        "Runde Tische Kindertageseinrichtungen",
    ]


def test_networks_of_other_responsibilities_all_have_members():
    assert [network["name"] for network in NETWORKS if network["table"] == "3.2.2" and not network.get("members")] == []


def test_network_of_the_child_health_service_has_the_eight_youth_offices_of_its_committees(demo):
    network = Network.objects.get(name="Netzwerke des Kinder- und Jugendgesundheitsdienstes")

    assert sorted(network.members.values_list("name", flat=True)) == [
        "Jugendamt Bergkamen",
        "Jugendamt Kamen",
        "Jugendamt Kreis Unna",
        "Jugendamt Kreisstadt Unna",
        "Jugendamt Lünen",
        "Jugendamt Schwerte",
        "Jugendamt Selm",
        "Jugendamt Werne",
    ]


def test_networks_with_a_documented_rhythm_have_a_structured_turnus(demo):
    # The document gives a rhythm for these three networks only (001 §3.5.1, §3.5.2, §3.6.4).
    assert dict(Network.objects.filter(meetings_per_year__isnull=False).values_list("name", "meetings_per_year")) == {
        "Arbeitskreise Kinderschutz in Bönen, Fröndenberg/Ruhr und Holzwickede": 2,
        "Arbeitskreis zum Kinderschutz Jugend- und Gesundheitshilfe": 5,
        "Regionale Arbeitskreise Familienzentren": 2,
    }


def test_network_members_are_known_organisations():
    organisations = {organisation["name"] for organisation in read("organisations")["organisations"]}

    assert {member for network in NETWORKS for member in network.get("members", [])} <= organisations


def test_organisation_names_are_unique_in_the_data():
    names = [organisation["name"] for organisation in read("organisations")["organisations"]]

    assert len(set(names)) == len(names)


def test_municipality_boenen_is_served_by_the_kreis_youth_office(demo):
    boenen = Municipality.objects.get(name="Bönen")

    assert boenen.kind == Municipality.Kind.COMMUNITY
    assert boenen.has_own_youth_office is False
    assert boenen.parent.name == "Kreis Unna"
    assert boenen.youth_office_municipality.name == "Kreis Unna"


def test_municipality_kreis_unna_contains_its_ten_towns_and_communities(demo):
    kreis = Municipality.objects.get(name="Kreis Unna")

    assert kreis.kind == Municipality.Kind.DISTRICT
    assert kreis.is_model_municipality is True
    assert kreis.address == "Hansastraße 4\n59425 Unna"
    assert sorted(kreis.members.values_list("name", "has_own_youth_office")) == [
        ("Bergkamen", True),
        ("Bönen", False),
        ("Fröndenberg/Ruhr", False),
        ("Holzwickede", False),
        ("Kamen", True),
        ("Lünen", True),
        ("Schwerte", True),
        ("Selm", True),
        ("Unna", True),
        ("Werne", True),
    ]


@pytest.mark.parametrize(
    ("name", "population"),
    [
        ("Unna", 62995),
        ("Selm", 29207),
        ("Kamen", 46564),
        ("Lünen", 91226),
        ("Bergkamen", 52768),
        ("Werne", 31292),
    ],
)
def test_municipality_population_is_taken_from_the_cost_plan(demo, name, population):
    municipality = Municipality.objects.get(name=name)

    assert (municipality.population, municipality.population_year) == (population, 2010)


def test_municipality_model_municipalities_are_the_eighteen_of_the_programme(demo):
    model_municipalities = Municipality.objects.model_municipalities()

    assert model_municipalities.count() == 18
    assert sorted(model_municipalities.filter(kind=Municipality.Kind.DISTRICT).values_list("name", flat=True)) == [
        "Kreis Düren",
        "Kreis Unna",
        "Kreis Warendorf",
    ]
    assert not model_municipalities.filter(has_own_youth_office=False).exists()
    assert not model_municipalities.exclude(name="Kreis Unna").filter(parent__isnull=False).exists()


def test_municipality_froendenberg_gets_a_readable_slug(demo):
    assert Municipality.objects.get(name="Fröndenberg/Ruhr").slug == "froendenberg-ruhr"


def test_district_koenigsborn_belongs_to_unna(demo):
    district = SocialArea.objects.get(name="Königsborn")

    assert (str(district), district.slug) == ("Unna-Königsborn", "unna-koenigsborn")


def test_transition_order_is_the_prevention_chain(demo):
    assert list(Transition.objects.order_by("position").values_list("position", "name", "short_name")) == [
        (1, "Schwangerschaft & Geburt", "Geburt"),
        (2, "Übergang in die Kita", "Kita"),
        (3, "Übergang in die Grundschule", "Grundschule"),
        (4, "Übergang in die Sekundarstufe", "Sekundarstufe"),
        (5, "Übergang Schule–Beruf", "Beruf"),
    ]


def test_field_order_is_as_in_the_glossary(demo):
    assert list(ActionField.objects.values_list("name", flat=True)) == [
        "Jugendhilfe",
        "Bildung",
        "Gesundheit",
        "Soziale Sicherung/Arbeit",
        "Freizeit/Kultur/Sport",
    ]


def test_project_baby_besuchsdienst_reaches_86_percent(demo):
    project = Project.objects.get(title="Baby-Besuchsdienst Bergkamen")

    assert project.municipality.name == "Bergkamen"
    assert project.is_published
    assert "86" in project.indicators.get(label="Erreichte Familien mit Neugeborenen").value
    assert list(project.transitions.values_list("short_name", flat=True)) == ["Geburt"]


@pytest.mark.parametrize(
    ("title", "label", "value"),
    [
        ("Stadtteileltern Lünen", "Aktive Stadtteileltern", "20"),
        ("Chancen für Familien", "Teilnehmende Familien", "18"),
        (
            "Elternkompetenzkurs „Mein Baby verstehen“",
            "Anteil der Mütter mit Neugeborenen, die den Kurs besuchen",
            "rund 30 %",
        ),
        ("AK Frühe Hilfen Selm", "Beteiligte Einrichtungen", "17"),
        ("KEEP – Königsborner Ein-Eltern-Projekt", "Betreute Kinder", "60"),
    ],
)
def test_project_indicator_carries_the_documented_figure(demo, title, label, value):
    assert Indicator.objects.get(project__title=title, label=label).value == value


def test_project_list_contains_the_required_projects(demo):
    required = {
        "Baby-Besuchsdienst Bergkamen",
        "Familienbüro Bergkamen",
        "Familientreff Bodelschwinghaus",
        "KEEP – Königsborner Ein-Eltern-Projekt",
        "Stadtteileltern Lünen",
        "Familiennetz Werne",
        "Familienberatungsführer Selm",
        "AK Frühe Hilfen Selm",
        "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen",
        "Kontaktstelle Kindergesundheit Kamen",
        "KinderZUKUNFT NRW",
        "Chancen für Familien",
        "Förderverein Jugendhilfe Kamen",
        "Netzwerk Königsborn",
        "Besser GesUND",
        "Arbeitskreis Familie und Recht/Kamener Praxis",
    }

    assert required <= set(Project.objects.values_list("title", flat=True))


def test_project_statuses_show_draft_and_review_next_to_published(demo):
    assert dict(Project.objects.values_list("status").annotate(n=models.Count("pk")).order_by()) == {
        Project.Status.PUBLISHED: 19,
        Project.Status.IN_REVIEW: 1,
        Project.Status.DRAFT: 1,
    }


def test_project_confirmations_include_some_older_than_eighteen_months(demo):
    published = Project.objects.published()
    eighteen_months_ago = timezone.now() - datetime.timedelta(days=548)

    assert not published.filter(confirmed_at__isnull=True).exists()
    assert published.filter(confirmed_at__lt=eighteen_months_ago).count() == 2


@pytest.mark.parametrize("data", read("projects")["projects"], ids=lambda data: data["title"])
def test_project_data_is_complete(data):
    assert 0 < len(data["summary"]) <= 600
    assert data["situation"] and data["goals"]
    assert data["success_factors"] and data["pitfalls"]
    assert data["transitions"] and data["action_fields"] and data["target_groups"] and data["organisations"]
    assert not data["contact_is_public"] or data["contact_name"]
    assert not data["contact_email"] or data["contact_email"].endswith("@example.org")


def test_demo_kreis_unna_publishes_only_its_consented_contact(demo):
    contacts = MunicipalityContact.objects.filter(municipality__name="Kreis Unna")

    assert [(c.name, c.is_public) for c in contacts] == [
        ("Jugendhilfeplanung Kreis Unna", True),
        ("Gesundheitsamt Kreis Unna", False),
    ]
    assert list(contacts.public().values_list("name", flat=True)) == ["Jugendhilfeplanung Kreis Unna"]
    assert all(c.email.endswith("@example.org") for c in contacts)


def test_offer_baby_besuchsdienst_is_active_with_all_four_services(demo):
    offer = TransferOffer.objects.active().get(project__title="Baby-Besuchsdienst Bergkamen")

    assert sorted(offer.services.values_list("kind", flat=True)) == [
        "coaching",
        "presentation",
        "site_visit",
        "success_factors",
    ]
    assert not offer.interests.filter(municipality__name="Selm").exists()


def test_offers_are_on_published_projects_with_two_to_four_services(demo):
    for offer in TransferOffer.objects.select_related("project"):
        assert offer.project.is_published
        assert 2 <= offer.services.count() <= 4


def test_offers_include_one_inactive(demo):
    assert TransferOffer.objects.active().count() == 7


def test_requests_open_ones_name_a_need_and_a_transition(demo):
    open_requests = TransferRequest.objects.filter(status=TransferRequest.Status.OPEN)

    assert open_requests.count() == 3
    assert not open_requests.filter(transitions__isnull=True).exists()
    selm = open_requests.get(municipality__name="Selm")
    assert list(selm.transitions.values_list("short_name", flat=True)) == ["Kita"]
    assert selm.created_by.username == "koordination-selm"


def test_interests_cover_the_workflow_and_never_the_own_offer(demo):
    interests = TransferInterest.objects.select_related("offer__project")

    assert {interest.stage for interest in interests} == {
        "registered",
        "first_meeting",
        "presentation",
        "coaching",
        "decision",
        "implemented",
        "rated",
        "declined",
        "withdrawn",
    }
    assert all(interest.municipality_id != interest.offer.project.municipality_id for interest in interests)
    assert all(interest.services.exists() for interest in interests)


@pytest.mark.parametrize(
    ("username", "group", "municipality"),
    [
        ("koordination-bergkamen", "Koordinator", "Bergkamen"),
        ("koordination-selm", "Koordinator", "Selm"),
        ("steuerungsgruppe", "Steuerungsgruppe", None),
    ],
)
def test_demo_user_has_role_and_municipality(demo, username, group, municipality):
    user = User.objects.get(username=username)

    assert user.is_staff and not user.is_superuser
    assert user.check_password(DEMO_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert list(Coordinator.objects.filter(user=user).values_list("municipality__name", flat=True)) == (
        [municipality] if municipality else []
    )
    assert user.email.endswith("@example.org")


def test_demo_user_admin_is_superuser(demo):
    admin = User.objects.get(username="admin")

    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(DEMO_PASSWORD)


def test_load_demo_twice_changes_nothing(demo):
    before = snapshot()

    output = run_load_demo()

    assert snapshot() == before
    assert "Keine Änderungen" in output


def test_load_demo_restores_edited_content_but_keeps_workflow_state_and_password(demo):
    project = Project.objects.get(title="Kontaktstelle Kindergesundheit Kamen")
    project.summary = "verändert"
    project.status = Project.Status.PUBLISHED
    project.save()
    user = User.objects.get(username="koordination-selm")
    user.set_password("ein-anderes-passwort")
    user.save()

    output = run_load_demo()

    project.refresh_from_db()
    user.refresh_from_db()
    assert project.summary.startswith("Geplant ist eine Erstkontaktstelle")
    assert project.status == Project.Status.PUBLISHED
    assert user.check_password("ein-anderes-passwort")
    assert "Aktualisiert: 1 Projekte." in output


def test_load_demo_gives_an_existing_network_its_members_back(demo):
    network = Network.objects.get(name="Kompetenzagentur Lünen Selm")
    network.members.clear()

    output = run_load_demo()

    assert sorted(network.members.values_list("name", flat=True)) == ["Jugendamt Lünen", "Jugendamt Selm"]
    assert "Aktualisiert: 1 Netzwerke." in output


def test_load_demo_leaves_an_advanced_interest_alone(demo):
    interest = TransferInterest.objects.get(
        offer__project__title="Baby-Besuchsdienst Bergkamen", municipality__name="Werne"
    )
    interest.stage = TransferInterest.Stage.COACHING
    interest.save()

    run_load_demo()

    interest.refresh_from_db()
    assert interest.stage == TransferInterest.Stage.COACHING
    assert TransferInterest.objects.count() == 10


@override_settings(SETTINGS_MODULE="transferboerse.settings.production")
def test_load_demo_refuses_production_settings(db):
    users_before = User.objects.count()

    with pytest.raises(CommandError, match="Produktion"):
        run_load_demo()

    assert User.objects.count() == users_before


def test_steering_goals_cover_every_zielraute_dimension_for_kreis_unna_towns(demo):
    goals = Goal.objects.select_related("municipality")

    assert {goal.dimension for goal in goals} == {"1", "2a", "2b", "3"}
    assert {goal.municipality.name for goal in goals} == {
        "Bergkamen",
        "Kamen",
        "Kreis Unna",
        "Lünen",
        "Selm",
        "Unna",
        "Werne",
    }
    assert Goal.objects.get(title="Kita-Besuch ab drei Jahren für alle Kinder").attainment == 100


def test_steering_network_assessments_span_two_years_except_selm(demo):
    years = dict(NetworkAssessment.objects.values_list("network__name").annotate(n=models.Count("pk")).order_by())

    assert years.pop("Mehrgenerationenhaus Selm") == 1
    assert set(years.values()) == {2}


def test_events_include_one_past_and_two_upcoming(demo):
    assert Event.objects.count() - Event.objects.upcoming().count() == 1
    assert EventRegistration.objects.get().user.username == "koordination-selm"


def test_load_demo_restores_an_edited_rating_but_keeps_a_cancelled_registration(demo):
    rating = CriterionRating.objects.get(
        self_check__project__title="Stadtteileltern Lünen", criterion__slug="partizipation"
    )
    rating.level = 1
    rating.save()
    registration = EventRegistration.objects.get()
    registration.status = EventRegistration.Status.CANCELLED
    registration.save()

    output = run_load_demo()

    rating.refresh_from_db()
    registration.refresh_from_db()
    assert rating.level == 4
    assert registration.status == EventRegistration.Status.CANCELLED
    assert "Aktualisiert: 1 Good-Practice-Selbstchecks." in output


def test_transfer_rated_demo_transfer_carries_an_experience_report(demo):
    report = TransferInterest.objects.rated().get(offer__project__title="Baby-Besuchsdienst Bergkamen")

    assert report.municipality.name == "Lünen"
    assert report.rating == 4
    assert report.rated_at is not None
    assert report.experience_worked.startswith("Das Anschreiben aller Familien")


def test_municipality_kreis_unna_has_the_profile_of_its_application(demo):
    kreis = Municipality.objects.get(name="Kreis Unna")

    assert kreis.focus_area_list == ["Früherkennung", "Verantwortungsgemeinschaften bilden", "Schnittmengen nutzen"]
    assert kreis.steering_structure.startswith("Lenkungsgruppe (strategische Ebene): Entscheidungsträger")
    assert (kreis.funding_programme, kreis.funding_from_year, kreis.funding_until_year) == (
        "Kein Kind zurücklassen! Kommunen in NRW beugen vor",
        2012,
        2014,
    )
    assert (kreis.council_decision_date, kreis.funding_amount, kreis.pending_changes) == (None, None, {})


def test_werne_dropout_request_suggests_kamens_contact_point_first_with_reasons(demo):
    from transfers import matching
    from transfers.models import TransferRequest

    request = TransferRequest.objects.with_details().get(title="Begleitung für Jugendliche mit Abbruchrisiko")
    first = matching.suggestions_for_request(request)[0]
    assert first.project.title == "Kontaktstelle für jugendliche Schul- und Ausbildungsabbrecher Kamen"
    assert (first.offer, first.level) == (None, "hohe Passung")
    assert first.reasons()[:2] == [
        "gleicher Übergang: in die Sekundarstufe, Schule–Beruf",
        "Zielgruppe: Jugendliche am Übergang Schule–Beruf, Schulmüde Jugendliche",
    ]
