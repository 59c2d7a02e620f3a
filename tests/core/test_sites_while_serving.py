"""A site created while the portal serves is right on the next request in every worker: gunicorn
with two workers on an SQLite file has served (and cached) the sites it knew; another process
creates a province's site; every worker then answers on the new host with that site's own
addresses, never a 500 nor `href="None"`."""

import urllib.error
import urllib.request

import pytest

from tests.serving import free_port, gunicorn, manage, production_env

REQUESTS = 12  # enough for both workers to answer some
HOST = "hanoi.localhost"


def get(url, host):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture
def served(tmp_path):
    # The development settings, as `make run`: each worker keeps its own caches in memory.
    env = {
        **production_env(tmp_path),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,.localhost",
    }
    port = free_port()
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage(env, "site_address", f"127.0.0.1:{port}")
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, port, log, "--workers", "2") as url:
        yield url, env, log


def answers(url, path, host=HOST):
    return [get(url + path, host) for _ in range(REQUESTS)]


def test_a_site_created_while_serving_is_right_on_the_next_request_in_every_worker(served):
    url, env, log = served
    # Every worker has served and cached the national site (the site's own address).
    for path in ("/api/procedures/", "/"):
        assert {status for status, _body in answers(url, path, None)} == {200}, path
        # A host that names no site yet is the national site's.
        assert {status for status, _body in answers(url, path)} == {200}, path

    manage(
        env,
        "create_agency_site",
        "--name",
        "Sở Nông nghiệp và Môi trường Hà Nội",
        "--hostname",
        HOST,
        "--province",
        "Hà Nội",
    )

    api = answers(url, "/api/procedures/")
    assert [status for status, _body in api] == [200] * REQUESTS, log.read_text()[-3000:]
    home = answers(url, "/")
    assert [status for status, _body in home] == [200] * REQUESTS, log.read_text()[-3000:]
    for _status, body in home:
        assert 'href="None"' not in body
        assert "Sở Nông nghiệp và Môi trường Hà Nội" in body
