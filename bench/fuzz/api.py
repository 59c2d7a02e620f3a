"""Schemathesis on the OpenAPI document the portal serves (/api/schema/): cases generated for
every operation, positive (fitting the document) and negative (not fitting it), each sent to the
server and checked by schemathesis's checks (a 5xx, a status code or content type the document
does not list, a body that does not fit its schema, negative data accepted...)."""

import time

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.generation import GenerationMode

# Checks that need more than the case and its answer (a second request, credentials, a
# stateful scenario): the fuzz counts what one request shows.
ONE_REQUEST_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
)


def fuzz_api(base, budget, tally, until):
    """Send about `budget` generated requests, half positive, half negative, until the
    time.monotonic() `until`."""
    schema = schemathesis.openapi.from_url(f"{base}/api/schema/")
    checks = [check for check in _all_checks() if check.__name__ in ONE_REQUEST_CHECKS]
    session = closing_session()
    sent = 0
    for number, mode in enumerate((GenerationMode.POSITIVE, GenerationMode.NEGATIVE)):
        examples = (budget - sent) // (2 - number)

        @settings(
            max_examples=examples,
            database=None,
            deadline=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=schema.as_strategy(generation_mode=mode))
        def send(case):
            nonlocal sent
            if sent >= budget or time.monotonic() > until:
                return
            sent += 1
            label = case.operation.label
            try:
                response = case.call(base_url=base, session=session, timeout=60)
            except requests.RequestException as error:
                tally.no_answer(label, error)
                return
            tally.answered(label, response.status_code)
            try:
                case.validate_response(response, checks=checks)
            except (Failure, FailureGroup) as error:
                answer = f"{response.status_code} {response.text[:300]}"
                example = f"{case.as_curl_command()} -> {answer}"
                for failure in getattr(error, "exceptions", [error]):
                    tally.failed_check(failure.code, failure.title, label, example)

        send()
    return sent


def closing_session():
    """A connection per request: a reused one that gunicorn closed as idle (its keep-alive is
    2 s) would count as a lost request that the server never saw."""
    session = requests.Session()
    session.headers["Connection"] = "close"
    return session


def _all_checks():
    from schemathesis.checks import CHECKS, load_all_checks

    load_all_checks()
    return CHECKS.get_all()
