import pytest
from django.contrib.auth.models import Group

from ..factories import make_coordinator

pytestmark = pytest.mark.django_db


def test_roles_exist_as_groups():
    assert sorted(Group.objects.values_list("name", flat=True)) == ["Koordinator", "Redaktion", "Steuerungsgruppe"]


def test_coordinator_role_may_edit_projects_but_not_taxonomies(bergkamen):
    user = make_coordinator(bergkamen)
    assert user.has_perms(["projects.change_project", "projects.add_project", "transfers.add_transferoffer"])
    assert not user.has_perm("projects.change_transition")
    assert not user.has_perm("projects.change_municipality")


def test_steering_group_may_edit_taxonomies(steering_member):
    assert steering_member.has_perms(["projects.change_transition", "projects.change_project"])
    assert steering_member.is_steering_group


def test_coordinator_knows_its_municipalities(bergkamen, selm):
    user = make_coordinator(bergkamen)
    assert user.coordinated_municipality_ids() == {bergkamen.pk}
    assert not user.is_steering_group
