import pytest

from transfers import matching, services
from transfers.models import Notification

from ..factories import (
    ActionFieldFactory,
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    TargetGroupFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    make_coordinator,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(transitions, selm):
    birth, kita = transitions[0], transitions[1]
    health = ActionFieldFactory(name="Gesundheit")
    families = TargetGroupFactory(name="Familien mit Neugeborenen")

    def offer(town, title, summary, *, transitions=(), action_fields=(), groups=(), active=True):
        project = ProjectFactory(
            municipality=MunicipalityFactory(name=town),
            title=title,
            summary=summary,
            goals="",
            transitions=list(transitions),
            action_fields=list(action_fields),
            target_groups=list(groups),
        )
        return TransferOfferFactory(project=project, is_active=active)

    offers = {
        "A": offer(
            "Bergkamen",
            "Baby-Besuchsdienst",
            "Hausbesuche bei Familien mit Neugeborenen",
            transitions=[birth],
            action_fields=[health],
            groups=[families],
        ),
        "B": offer(
            "Unna",
            "Sprachkita",
            "Sprachförderung im Kindergarten",
            transitions=[birth],
            action_fields=[health],
            groups=[families],
        ),
        "C": offer(
            "Kamen", "Willkommensbesuch", "Hausbesuche bei Familien mit Neugeborenen im Quartier", transitions=[birth]
        ),
        "D": offer("Lünen", "Kita-Einstieg", "Eingewöhnung in die Kita", transitions=[kita], action_fields=[health]),
        "own": offer(
            "Selm",
            "Selmer Babybesuch",
            "Hausbesuche bei Familien mit Neugeborenen",
            transitions=[birth],
            action_fields=[health],
            groups=[families],
        ),
        "inactive": offer(
            "Werne",
            "Altes Angebot",
            "Hausbesuche bei Familien mit Neugeborenen",
            transitions=[birth],
            action_fields=[health],
            active=False,
        ),
    }
    request = TransferRequestFactory(
        municipality=selm, title="Hausbesuche", need="Hausbesuche bei Familien mit Neugeborenen"
    )
    request.transitions.set([birth])
    request.action_fields.set([health])
    request.target_groups.set([families])
    return offers, request, birth


def test_suggestions_for_request_ranked_with_reasons_and_projects_without_offer(data):
    _offers, request, _birth = data
    ranked = matching.suggestions_for_request(request)
    # the inactive offer's project is still a published project: suggested, but without an offer
    assert [(s.project.title, s.offer is not None, s.level) for s in ranked] == [
        ("Baby-Besuchsdienst", True, "hohe Passung"),
        ("Sprachkita", True, "hohe Passung"),
        ("Altes Angebot", False, "hohe Passung"),
        ("Willkommensbesuch", True, "hohe Passung"),
    ]
    assert ranked[0].reasons() == [
        "gleicher Übergang: Schwangerschaft & Geburt",
        "Zielgruppe: Familien mit Neugeborenen",
        "Handlungsfeld: Gesundheit",
        "Stichwörter: Hausbesuche, Familien, Neugeborenen",
    ]
    assert ranked[3].reasons_text == (
        "gleicher Übergang: Schwangerschaft & Geburt; Stichwörter: Hausbesuche, Familien, Neugeborenen"
    )


def test_keywords_match_compounds_and_inflections():
    need = matching.terms("Begleitung für Jugendliche mit Abbruchrisiko in der Schule")
    project = matching.terms("Kontaktstelle für Schulen: Jugendlichen droht der Abbruch")
    assert matching.shared_keywords(need, project) == ["Jugendlichen", "Abbruch", "Schulen"]


def test_suggestion_needs_a_shared_transition_or_target_group(data, selm):
    _offers, _request, _birth = data
    request = TransferRequestFactory(municipality=selm, title="Hausbesuche", need="Hausbesuche bei Neugeborenen")
    # only words in common, no transition or target group: nothing is suggested
    assert matching.suggestions_for_request(request) == []


def test_requests_for_offer_only_open_requests_of_others(data, bergkamen):
    offers, request, birth = data
    closed = TransferRequestFactory(municipality=MunicipalityFactory(name="Fröndenberg"), status="closed")
    closed.transitions.set([birth])
    own = TransferRequestFactory(municipality=bergkamen)
    own.transitions.set([birth])
    assert [r.pk for r in matching.requests_for_offer(offers["A"])] == [request.pk]
    assert matching.requests_for_offer(offers["D"]) == []


def test_request_publish_routes_to_fitting_towns_and_networks(
    data, selm, transitions, django_capture_on_commit_callbacks, mailoutbox, run_tasks
):
    offers, _request, birth = data
    publisher = make_coordinator(selm, username="selm-gesuch")
    bergkamen_user = make_coordinator(offers["A"].project.municipality, username="bergkamen-routing")
    luenen_user = make_coordinator(offers["D"].project.municipality, username="luenen-routing")
    district = MunicipalityFactory(name="Kreis Unna (Test)", kind="district")
    district_user = make_coordinator(district, username="kreis-routing")
    NetworkFactory(coordinating_organisation=OrganisationFactory(municipality=district)).transitions.set([birth])
    with django_capture_on_commit_callbacks(execute=True):
        services.request_publish(
            user=publisher,
            municipality=selm,
            title="Babybesuche",
            need="Hausbesuche bei Neugeborenen",
            transitions=[birth],
        )
    recipients = sorted(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == ["bergkamen-routing", "kreis-routing"]
    assert luenen_user.transfer_notifications.count() == 0
    run_tasks()
    assert sorted(m.to[0] for m in mailoutbox) == [bergkamen_user.email, district_user.email]
