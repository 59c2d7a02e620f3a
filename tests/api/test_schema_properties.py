"""Property tests against the served OpenAPI document (what schemathesis does, bounded, with
hypothesis alone): for every operation, parameters generated from their declared schemas, valid
and hostile alike, never give a 5xx, and every response has a documented status and fits its
schema."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.legal.factories import LegalDocumentIndexPageFactory, LegalDocumentPageFactory
from portal.news.factories import NewsPageFactory
from portal.news.structure import news_section
from portal.procedures.factories import ProcedurePageFactory
from search.engines import get_engine

from .openapi import OpenAPIDocument

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 40
# Text as clients send it: any Unicode (NUL, control characters, quotes, Vietnamese marks).
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "'", '"', "%", "\x00", "../..", "9" * 30, "-1", "NaN", "đất đai"]),
)
HUGE_NUMBERS = st.sampled_from(["9223372036854775808", "-9223372036854775809", "1e309", "0x10"])


def strategy_for(schema, components):
    """Values (as query-string text) for a parameter's JSON schema, plus hostile text."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        return st.one_of([strategy_for(option, components) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.one_of(st.sampled_from([str(value) for value in schema["enum"]]), HOSTILE_TEXT)
    kind = schema.get("type")
    if kind == "integer":
        numbers = st.integers(
            min_value=schema.get("minimum", -(2**70)), max_value=schema.get("maximum", 2**70)
        )
        return st.one_of(numbers.map(str), st.integers().map(str), HUGE_NUMBERS, HOSTILE_TEXT)
    if kind == "boolean":
        return st.one_of(st.sampled_from(["true", "false", "1", "0"]), HOSTILE_TEXT)
    if kind == "string" and schema.get("format") == "date":
        return st.one_of(st.dates().map(str), HOSTILE_TEXT)
    if kind == "null":
        return st.just("")
    return HOSTILE_TEXT


@pytest.fixture
def served(client, home, settings, tmp_path):
    NewsPageFactory(parent=news_section("Tin hoạt động"), slug="tin-mau")
    ProcedurePageFactory(code="1.012756")
    LegalDocumentPageFactory(
        parent=LegalDocumentIndexPageFactory(parent=home), number="2499/QĐ-BTNMT", issuer=None
    )
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    get_engine().rebuild([])
    return OpenAPIDocument(client.get("/api/schema/").json())


def operations(document):
    for path, methods in document.document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation.get("parameters", [])


def check_operation(client, served, path, method, parameters):
    components = served.document["components"]["schemas"]
    query = {p["name"]: strategy_for(p["schema"], components) for p in parameters}
    in_path = {name for name in query if "{" + name + "}" in path}
    for name in in_path:
        # One non-empty path segment (legal numbers with a slash are tested in test_legal_api).
        query[name] = query[name].filter(lambda value: value.strip("/") and "/" not in value)

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        values=st.fixed_dictionaries(
            {name: query[name] for name in in_path},
            optional={name: query[name] for name in query if name not in in_path},
        )
    )
    def request_fits(values):
        address = path
        for name in in_path:
            address = address.replace("{" + name + "}", quote(values[name], safe=""))
        params = {name: value for name, value in values.items() if name not in in_path}
        response = getattr(client, method)(address, params)
        assert response.status_code < 500, (address, params, response.content[:300])
        served.validate(response, method)

    request_fits()


def test_generated_requests_never_fail_and_always_fit_the_schema(client, served):
    for path, method, parameters in operations(served):
        check_operation(client, served, path, method, parameters)

    assert served.exercised == served.operations()
