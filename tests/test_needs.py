import pytest

from tests.needs import unavailable


def test_a_missing_tool_skips_on_a_developers_machine(monkeypatch):
    monkeypatch.delenv("CI", raising=False)

    with pytest.raises(pytest.skip.Exception, match="Chromium"):
        unavailable("Chromium is not on PATH")


def test_a_missing_tool_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")

    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        unavailable("Chromium is not on PATH")
