import pytest
from django.http import QueryDict

from transferboerse.text_search import Chip, chip


@pytest.mark.parametrize(
    ("name", "options", "expected"),
    [
        ("kommune", {"value": "selm"}, "q=kita&kommune=bergkamen"),  # one value of several
        ("q", {}, "kommune=bergkamen&kommune=selm"),  # the whole parameter
        ("q", {"rest": "eltern"}, "q=eltern&kommune=bergkamen&kommune=selm"),  # the text left
    ],
)
def test_chip_links_to_the_list_without_its_filter_on_the_first_page(name, options, expected):
    data = QueryDict("q=kita&kommune=bergkamen&kommune=selm&seite=3")

    assert chip("Filter", data, name, **options) == Chip("Filter", expected)
    assert data["seite"] == "3"  # the request's parameters stay as they were


def test_chip_drops_the_page_parameter_it_is_told():
    assert chip("Filter", QueryDict("q=kita&page=2&seite=4"), "q", page="page") == Chip("Filter", "seite=4")
