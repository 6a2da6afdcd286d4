import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from projects.models import Municipality, Project
from transferboerse.slugs import german_slugify

from ..factories import DistrictMunicipalityFactory, MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_municipality_district_cannot_belong_to_district():
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    with pytest.raises(IntegrityError, match="municipality_district_has_no_parent"):
        DistrictMunicipalityFactory(name="Kreis Soest", parent=kreis)


def test_municipality_without_youth_office_needs_district():
    with pytest.raises(IntegrityError, match="municipality_youth_office_own_or_district"):
        MunicipalityFactory(name="Bönen", has_own_youth_office=False)


def test_municipality_clean_explains_missing_district_in_german():
    municipality = Municipality(name="Bönen", kind=Municipality.Kind.COMMUNITY, has_own_youth_office=False)
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert error.value.message_dict["has_own_youth_office"] == [
        "Eine Kommune ohne eigenes Jugendamt muss einem Kreis angehören."
    ]


def test_municipality_youth_office_is_districts_when_not_own():
    kreis = DistrictMunicipalityFactory(name="Kreis Unna")
    boenen = MunicipalityFactory(name="Bönen", has_own_youth_office=False, parent=kreis)
    bergkamen = MunicipalityFactory(name="Bergkamen", parent=kreis)
    assert boenen.youth_office_municipality == kreis
    assert bergkamen.youth_office_municipality == bergkamen


def test_municipality_population_needs_year():
    with pytest.raises(IntegrityError, match="municipality_population_has_year"):
        MunicipalityFactory(name="Selm", population=26000)


def test_municipality_slug_transliterates_umlauts():
    assert MunicipalityFactory(name="Lünen").slug == "luenen"
    assert german_slugify("Fröndenberg/Ruhr") == "froendenbergruhr"


def test_project_slug_is_unique_across_municipalities():
    first = ProjectFactory(title="Familienbüro")
    second = ProjectFactory(title="Familienbüro")
    assert (first.slug, second.slug) == ("familienbuero", "familienbuero-2")


def test_project_title_unique_per_municipality(bergkamen):
    ProjectFactory(title="Baby-Besuchsdienst", municipality=bergkamen)
    with pytest.raises(IntegrityError, match="project_unique_title_per_municipality"):
        ProjectFactory(title="Baby-Besuchsdienst", municipality=bergkamen)


def test_project_public_contact_needs_name():
    with pytest.raises(IntegrityError, match="project_public_contact_has_name"):
        ProjectFactory(contact_is_public=True, contact_name="")


def test_project_published_excludes_other_statuses():
    published = ProjectFactory(status=Project.Status.PUBLISHED)
    for status in (Project.Status.DRAFT, Project.Status.IN_REVIEW, Project.Status.ARCHIVED):
        ProjectFactory(status=status)
    assert list(Project.objects.published()) == [published]


def test_project_counts_by_municipality_and_transition(transitions, bergkamen, selm):
    birth, kita = transitions[0], transitions[1]
    ProjectFactory(municipality=bergkamen, transitions=[birth, kita])
    ProjectFactory(municipality=bergkamen, transitions=[birth])
    ProjectFactory(municipality=selm, transitions=[kita])
    ProjectFactory(municipality=selm, transitions=[kita], status=Project.Status.DRAFT)

    counts = Project.objects.published().counts_by_municipality_and_transition()

    assert counts == {(bergkamen.pk, birth.pk): 2, (bergkamen.pk, kita.pk): 1, (selm.pk, kita.pk): 1}
