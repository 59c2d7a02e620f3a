"""Layering: portal/core and portal/api import no content app; content apps import each other
only through their stated interface modules."""

import ast
from pathlib import Path

import pytest

PORTAL = Path(__file__).resolve().parents[2] / "portal"
CONTENT_APPS = ("legal", "procedures", "news")


def imported_modules(package):
    for path in (PORTAL / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield path, node.module
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name


@pytest.mark.parametrize("package", ["core", "api"])
def test_core_and_api_import_no_content_app(package):
    offending = [
        f"{path.relative_to(PORTAL)}: {module}"
        for path, module in imported_modules(package)
        if module.split(".")[:2] in (["portal", app] for app in CONTENT_APPS)
    ]
    assert offending == []


@pytest.mark.parametrize("app", CONTENT_APPS)
def test_content_apps_use_each_others_interface_only(app):
    offending = [
        f"{path.relative_to(PORTAL)}: {module}"
        for path, module in imported_modules(app)
        if module.startswith("portal.")
        and module.split(".")[1] in CONTENT_APPS
        and module.split(".")[1] != app
        and module.split(".")[2:3] != ["interface"]
    ]
    assert offending == []
