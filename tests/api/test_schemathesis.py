"""schemathesis: every operation of /api/v1/openapi.json and /api/hsds/openapi.json (generated from
the code by ninja), fed with generated parameters, answers without server errors and exactly as the
schema says (status codes, content type, body)."""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
hsds_schema = schemathesis.openapi.from_wsgi("/api/hsds/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def keep_test_transaction_open():
    """The WSGI handler closes the connection after each request, which would end the test's
    transaction; Django's own test client switches this off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case, api_data):
    case.call_and_validate()


@pytest.mark.django_db
@hsds_schema.parametrize()
@settings(
    max_examples=int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_hsds_api_conforms_to_its_schema(case, api_data):
    case.call_and_validate()
