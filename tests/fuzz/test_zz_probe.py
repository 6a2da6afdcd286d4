import pytest
from tests.admin.conftest import world  # noqa

pytestmark = pytest.mark.django_db

CASES = [
    ("get", "/verwaltung/projects/project/", {"q": "a\x00b"}),
    ("get", "/verwaltung/projects/project/", {"status__exact": "a\x00b"}),
    ("get", "/verwaltung/projects/project/", {"pruefung": "a\x00b"}),
    ("get", "/verwaltung/projects/project/", {"municipality__id__exact": "99999999999999999999"}),
    ("get", "/verwaltung/projects/project/", {"transitions__id__exact": "x"}),
    ("get", "/verwaltung/projects/project/", {"o": "x\x00"}),
    ("get", "/verwaltung/projects/project/", {"p": "x\x00"}),
    ("get", "/verwaltung/projects/project/aehnliche/", {"q": "abcd\x00e"}),
    ("get", "/verwaltung/projects/project/aehnliche/", {"q": "abcde", "ausser": "99999999999999999999999"}),
    ("get", "/verwaltung/autocomplete/", {"app_label": "projects", "model_name": "project", "field_name": "municipality", "term": "a\x00"}),
    ("get", "/verwaltung/steering/goal/", {"q": "a\x00b"}),
    ("get", "/verwaltung/steering/networkassessment/", {"year__exact": "99999999999999999999"}),
    ("get", "/verwaltung/steering/networkassessment/", {"year__exact": "a\x00"}),
    ("post", "/verwaltung/projects/project/", {"action": "confirm_selected", "_selected_action": ["abc"], "index": "0"}),
    ("post", "/verwaltung/projects/project/", {"action": "confirm_selected", "_selected_action": ["a\x00"], "index": "0"}),
    ("post", "/verwaltung/projects/project/", {"action": "delete_selected", "_selected_action": ["99999999999999999999999"], "index": "0"}),
    ("post", "/verwaltung/projects/project/", {"action": "x\x00", "_selected_action": ["1"], "index": "0"}),
    ("post", "/verwaltung/projects/project/", {"action": "confirm_selected", "_selected_action": ["1"], "index": "0", "select_across": "\x00"}),
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_probe(client, world, case):
    client.raise_request_exception = False
    method, url, data = CASES[case]
    client.force_login(world.users["koordinator_bergkamen"])
    r = getattr(client, method)(url, data)
    assert r.status_code < 500, (CASES[case], r.status_code)

LOGIN = [
    {"username": "a\x00", "password": "x"},
    {"username": "koordination-bergkamen-test", "password": "x\x00"},
    {"username": "koordination-bergkamen-test", "password": "x", "otp_token": "\x00", "otp_device": "\x00"},
    {"username": "x" * 100000, "password": "x"},
]

@pytest.mark.parametrize("case", range(len(LOGIN)))
def test_login_probe(client, world, case):
    client.raise_request_exception = False
    r = client.post("/verwaltung/login/", LOGIN[case])
    assert r.status_code < 500, (LOGIN[case], r.status_code)
