import pytest
from django.contrib.auth.models import Group

from accounts.models import Role

from ..factories import UserFactory


@pytest.fixture
def editor(db):
    user = UserFactory(username="redaktion-test")
    user.groups.add(Group.objects.get(name=Role.EDITORIAL))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin-test", is_superuser=True)
