"""Data for the back-office tests: two towns (Bergkamen, Selm) whose records must never leak into
each other's admin, plus a third town (Unna) whose offers both are interested in."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from accounts.models import Coordinator, OutgoingMail
from events.models import EventRegistration
from pages.models import LegalPage, SignLanguageVideo
from pages.services import barrier_report_submit

from ..events.factories import EventFactory
from ..factories import (
    ActionFieldFactory,
    IndicatorFactory,
    LifePhaseFactory,
    MunicipalityFactory,
    NetworkFactory,
    OrganisationFactory,
    ProjectFactory,
    SocialAreaFactory,
    TargetGroupFactory,
    TransferInterestFactory,
    TransferOfferFactory,
    TransferRequestFactory,
    TransitionFactory,
    UserFactory,
    make_coordinator,
    make_steering_member,
)
from ..module_data import module_records
from ..steering.factories import (
    AssessmentFactory,
    CriterionFactory,
    CriterionRatingFactory,
    GoalFactory,
    IndicatorRatingFactory,
    MeasurementFactory,
    QualityIndicatorFactory,
    SelfCheckFactory,
)
from ..tasks import remember


@dataclass
class World:
    """Per model label: {"B": Bergkamen's object, "S": Selm's object}."""

    objects: dict[str, dict] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)


LEGAL_PAGE_STAND_INS = {"Bergkamen": LegalPage.Kind.IMPRINT, "Selm": LegalPage.Kind.PRIVACY}


def _town_records(municipality, tag: str, unna_offer, coordinator) -> dict:
    organisation = OrganisationFactory(name=f"Familienbüro {tag}", municipality=municipality)
    district = SocialAreaFactory(name=f"Quartier {tag}", municipality=municipality)
    project = ProjectFactory(
        title=f"Willkommensbesuche {tag}", municipality=municipality, summary=f"Besuche bei Familien in {tag}."
    )
    project.organisations.set([organisation])
    project.social_areas.set([district])
    IndicatorFactory(project=project, label=f"Erreichte Familien {tag}")
    network = NetworkFactory(name=f"Arbeitskreis Frühe Hilfen {tag}", coordinating_organisation=organisation)
    offer = TransferOfferFactory(project=project, contact_name=f"Koordination {tag}")
    request = TransferRequestFactory(municipality=municipality, title=f"Gesuch Kita-Übergang {tag}")
    interest = TransferInterestFactory(offer=unna_offer, municipality=municipality, message=f"Interesse {tag}")
    criterion = CriterionFactory(name=f"Kriterium {tag}", slug=f"kriterium-{tag.lower()}")
    self_check = SelfCheckFactory(project=project)
    CriterionRatingFactory(self_check=self_check, criterion=criterion)
    quality_indicator = QualityIndicatorFactory(name=f"Indikator {tag}")
    assessment = AssessmentFactory(network=network, year=2026)
    IndicatorRatingFactory(assessment=assessment, indicator=quality_indicator)
    goal = GoalFactory(municipality=municipality, title=f"Ziel {tag}")
    MeasurementFactory(goal=goal)
    event = EventFactory(title=f"Fachtag {tag}")
    registration = EventRegistration.objects.create(event=event, user=coordinator, municipality=municipality)
    return {
        "accounts.user": coordinator,
        "accounts.coordinator": Coordinator.objects.get(user=coordinator),
        "accounts.outgoingmail": OutgoingMail.objects.create(
            to=coordinator.email, subject=f"Mail an {tag}", body="Text", template="notification"
        ),
        "auth.group": Group.objects.create(name=f"Gruppe {tag}"),
        "projects.municipality": municipality,
        "projects.organisation": organisation,
        "projects.socialarea": district,
        "projects.lifephase": LifePhaseFactory(name=f"Lebensphase {tag}"),
        "projects.transition": TransitionFactory(name=f"Übergang {tag}"),
        "projects.actionfield": ActionFieldFactory(name=f"Handlungsfeld {tag}"),
        "projects.targetgroup": TargetGroupFactory(name=f"Zielgruppe {tag}"),
        "projects.project": project,
        "networks.network": network,
        "transfers.transferoffer": offer,
        "transfers.transferrequest": request,
        "transfers.transferinterest": interest,
        # The task queue (django-tasks-db): for superusers, read-only.
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.get(id=remember.enqueue(tag).id),
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=coordinator, name=f"Telefon {tag}"),
        "axes.accessattempt": AccessAttempt.objects.create(
            username=f"versuch-{tag}", ip_address="127.0.0.1", user_agent="test", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(username=f"log-{tag}", ip_address="127.0.0.1", user_agent="test"),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username=f"fehler-{tag}", ip_address="127.0.0.1", user_agent="test"
        ),
        "steering.criterion": criterion,
        "steering.qualityindicator": quality_indicator,
        "events.event": event,
        "steering.projectselfcheck": self_check,
        "steering.networkassessment": assessment,
        "steering.goal": goal,
        "events.eventregistration": registration,
        # The legal pages exist once each (data migration); two of them stand in for B and S.
        "pages.legalpage": LegalPage.objects.get(
            kind=LegalPage.Kind.IMPRINT if tag == "Bergkamen" else LegalPage.Kind.PRIVACY
        ),
        # One video per topic; two topics stand in for B and S.
        "pages.signlanguagevideo": SignLanguageVideo.objects.create(
            topic=SignLanguageVideo.Topic.CONTENT if tag == "Bergkamen" else SignLanguageVideo.Topic.NAVIGATION,
            file=f"gebaerdensprache/{tag}.mp4",
            content_type="video/mp4",
            size=1000,
            duration_seconds=60,
            description=f"Video {tag}",
        ),
        "pages.barrierreport": barrier_report_submit(description=f"Barriere in {tag}"),
    }


def build_world(coordinator_bergkamen, coordinator_selm, steering_member, bergkamen, selm) -> World:
    unna = MunicipalityFactory(name="Unna")
    unna_offer = TransferOfferFactory(project=ProjectFactory(title="Elternschule Unna", municipality=unna))
    superuser = UserFactory(username="admin-test", is_superuser=True)
    bergkamen_records = _town_records(bergkamen, "Bergkamen", unna_offer, coordinator_bergkamen)
    selm_records = _town_records(selm, "Selm", unna_offer, coordinator_selm)
    return World(
        objects={label: {"B": bergkamen_records[label], "S": selm_records[label]} for label in bergkamen_records},
        users={
            "anonymous": None,
            "koordinator_bergkamen": coordinator_bergkamen,
            "koordinator_selm": coordinator_selm,
            "steuerungsgruppe": steering_member,
            "superuser": superuser,
        },
    )


@pytest.fixture
def world(coordinator_bergkamen, coordinator_selm, steering_member, bergkamen, selm) -> World:
    return build_world(coordinator_bergkamen, coordinator_selm, steering_member, bergkamen, selm)


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker) -> World:
    """The same world, built once for all tests of a module (see ``module_records``): saves building
    ~60 records for each of hundreds of table cases."""

    def build() -> World:
        bergkamen, selm = MunicipalityFactory(name="Bergkamen"), MunicipalityFactory(name="Selm")
        return build_world(
            make_coordinator(bergkamen, username="koordination-bergkamen-test"),
            make_coordinator(selm, username="koordination-selm-test"),
            make_steering_member(username="steuerung-test"),
            bergkamen,
            selm,
        )

    yield from module_records(django_db_blocker, build)


class _FormParser(HTMLParser):
    """Collects what a browser would submit from one form: inputs, checked boxes, selected options,
    textareas."""

    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.depth = 0
        self.data: list[tuple[str, str]] = []
        self.select: str | None = None
        self.select_had_selection = False
        self.first_option: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.in_form and self.depth == 0:
            wanted = attrs.get("id") == self.form_id if self.form_id else attrs.get("id") != "logout-form"
            if wanted and attrs.get("method", "").lower() == "post":
                self.in_form = True
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select, self.select_had_selection, self.first_option = name, False, None
            self.select_multiple = "multiple" in attrs
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attrs:
                self.data.append((self.select, value))
                self.select_had_selection = True
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_endtag(self, tag):
        if not self.in_form:
            return
        if tag == "form":
            self.in_form = False
            self.depth = 1  # only the first matching form
        elif tag == "select" and self.select:
            if not self.select_had_selection and not self.select_multiple and self.first_option is not None:
                self.data.append((self.select, self.first_option))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.data.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text += data


def form_data(html: str, form_id: str | None = None) -> dict[str, list[str]]:
    """The data a browser would post for the form (``form_id``, or the page's first post form)."""
    parser = _FormParser(form_id)
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data
