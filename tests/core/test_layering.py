"""Layering: portal/core and portal/api import no content app; content apps import each other
only through their stated interface modules."""

import ast
import io
import re
import tokenize
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


# The public rule and the owner rule are core's (portal/core/visibility.py, portal/core/sites.py):
# nothing else filters pages by their live state, view restrictions, schedule or site.
RULE_MODULES = {"portal/core/visibility.py", "portal/core/sites.py"}
OWN_RULES = [
    (re.compile(r"\.live\(\)"), "`.live()`"),
    (re.compile(r"\.public\(\)"), "`.public()`"),
    (re.compile(r"expire_at"), "`expire_at`"),
    (re.compile(r"\blive=True|__live="), "a live filter"),
    (re.compile(r"\b(scoped|home_paths)\("), "a site filter"),
]


def python_sources():
    for root in (PORTAL, PORTAL.parent / "search"):
        for path in sorted(root.rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def code_lines(path):
    """The file's lines with comments and strings blanked out."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    blanked = [list(line) for line in lines]
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.STRING):
            (start_row, start_col), (end_row, end_col) = token.start, token.end
            for row in range(start_row, end_row + 1):
                first = start_col if row == start_row else 0
                last = end_col if row == end_row else len(blanked[row - 1])
                blanked[row - 1][first:last] = " " * (last - first)
    return ["".join(line) for line in blanked]


def test_public_and_owner_rules_are_written_once():
    repository = PORTAL.parent
    offending = []
    for path in python_sources():
        name = path.relative_to(repository).as_posix()
        if name in RULE_MODULES:
            continue
        for number, line in enumerate(code_lines(path), 1):
            found = [what for rule, what in OWN_RULES if rule.search(line)]
            offending += [f"{name}:{number}: {what}" for what in found]
    assert offending == []


def test_the_layering_check_sees_every_app_and_search():
    seen = {path.relative_to(PORTAL.parent).parts[:2] for path in python_sources()}
    apps = {("portal", path.name) for path in PORTAL.iterdir() if (path / "apps.py").exists()}
    assert apps <= seen
    assert ("search", "collect.py") in seen


# One door to publishing (portal/core/publishing/): app code neither publishes nor unpublishes a
# page itself, nor writes the content event log. Factories publish as an editor does in the
# admin, whose signals end in the log too.
PUBLISHING = "portal/core/publishing/"
SIDE_DOORS = [
    (re.compile(r"(?<!publishing)\.(publish|unpublish)\("), "a publish outside the service"),
    (
        re.compile(r"\b(record_events|event_for)\(|ContentEvent\.objects\.(create|bulk_create)"),
        "an event written outside the publishing package",
    ),
    (re.compile(r"publishing\.events\b|publishing\.record\b"), "the event log's writer"),
]


def test_every_publish_goes_through_the_publishing_package():
    repository = PORTAL.parent
    offending = []
    for path in python_sources():
        name = path.relative_to(repository).as_posix()
        if name.startswith(PUBLISHING) or path.name == "factories.py":
            continue
        for number, line in enumerate(code_lines(path), 1):
            found = [what for rule, what in SIDE_DOORS if rule.search(line)]
            offending += [f"{name}:{number}: {what}" for what in found]
    assert offending == []
