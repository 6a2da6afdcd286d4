"""Arbitrary query strings against every API list: never a server error, always JSON, no data change."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.endpoints import COLLECTIONS
from api.pagination import MAX_PAGE, MAX_PAGE_SIZE
from projects.models import Municipality, Project
from transfers.models import TransferOffer, TransferRequest

FILTERS = {name for collection in COLLECTIONS for name in collection.filters.model_fields}
PARAM_NAMES = sorted(FILTERS | {"page", "page_size"})
PATHS = [f"/api/v1/{collection.path}/" for collection in COLLECTIONS] + ["/api/v1/taxonomy_terms/"]

nasty_text = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=20),
    st.text(min_size=300, max_size=3000),
    st.sampled_from(["0", "-1", "1e9", "999999999999", "ﬁ", "２", "\u202e", "NaN", "2026-02-30T25:00:00Z", "'; --"]),
)
query_params = st.dictionaries(st.one_of(st.sampled_from(PARAM_NAMES), st.text(max_size=10)), nasty_text, max_size=6)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def row_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Municipality, Project, TransferOffer, TransferRequest))


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@FUZZ
@given(params=query_params)
def test_list_answers_any_parameters_with_200_or_400(client, api_data, path, params):
    before = row_counts()

    response = client.get(path, params)

    assert response.status_code in {200, 400}
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert ("contents" in body) if response.status_code == 200 else (set(body["errors"]) <= set(PARAM_NAMES))
    assert row_counts() == before


@pytest.mark.django_db
@FUZZ
@given(raw=st.binary(max_size=200))
def test_list_survives_raw_bytes_in_query_string(client, api_data, raw):
    response = client.get("/api/v1/projects/?" + quote_from_bytes(raw, safe="=&"))

    assert response.status_code in {200, 400}


@pytest.mark.django_db
@FUZZ
@given(page=st.integers(min_value=1, max_value=MAX_PAGE), size=st.integers(1, MAX_PAGE_SIZE))
def test_every_valid_page_is_answered(client, api_data, page, size):
    data = client.get("/api/v1/projects/", {"page": page, "page_size": size}).json()

    assert (data["page_number"], data["total_items"]) == (page, 2)
    assert len(data["contents"]) == (max(0, min(size, 2 - (page - 1) * size)))
