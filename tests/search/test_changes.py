from search.models import SearchChange
from tests.factories import ProjectFactory


def test_adding_a_transition_to_a_project_reaches_the_change_log(db, bergkamen, transitions):
    project = ProjectFactory(title="Lesepaten", municipality=bergkamen)
    SearchChange.objects.all().delete()

    project.transitions.add(transitions[0])

    assert list(SearchChange.objects.values_list("kind", "object_id")) == [("project", project.pk)]
