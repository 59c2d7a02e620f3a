"""Real-browser tests: the portal runs in its own process on loopback with the demo content, and
Debian's Chromium (never a downloaded browser) loads its pages through Playwright.

They skip, saying why, when Chromium, Playwright or axe-core (from the npm registry, installed
by `make install-test`) is missing.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.needs import unavailable
from tests.serving import ROOT, free_port, manage

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
AXE_PATHS = [
    ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js",
    Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
EDITOR = {"username": "bien-tap", "password": "bien-tap-mat-khau-1"}

# Page weight (bytes of HTML, CSS and JS transferred) per page and viewport, printed at the end.
PAGE_WEIGHTS = {}

# Runs before any script of each page: records what the Content-Security-Policy blocked.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile || document.location.href}:${event.lineNumber}`
  );
});
"""


def open_tab(context, axe_source=None):
    """A new tab that records CSP violations (see csp_violations) and, given axe-core, has it
    loaded in every page: as an init script, which the page's CSP does not govern, where an
    inline script tag would be blocked by it."""
    context.add_init_script(CSP_RECORDER)
    if axe_source:
        context.add_init_script(axe_source)
    return context.new_page()


def csp_violations(tab):
    return tab.evaluate("() => window.__cspViolations || []")


@pytest.fixture(scope="session")
def axe_source():
    for path in AXE_PATHS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    unavailable("axe-core is not installed (make install-test runs: npm install axe-core@4)")


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        unavailable("Chromium is not on PATH (make install-test runs: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (make install-test)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def mailbox():
    """A real SMTP server (aiosmtpd) the portal process sends its mail to."""
    from aiosmtpd.controller import Controller

    from tests.alerts.conftest import Inbox

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.url = f"smtp://127.0.0.1:{controller.port}?timeout=5"
    yield inbox
    controller.stop()


@pytest.fixture(scope="session")
def portal(tmp_path_factory, mailbox):
    """A portal process with a migrated database and the demo content, sending its mail to
    `mailbox`: its base URL and the URL of one page of each page type it has (page_urls.py)."""
    folder = tmp_path_factory.mktemp("portal")
    env = {
        **os.environ,
        "EMAIL_URL": mailbox.url,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "SEARCH_INDEX_DIR": str(folder / "search-index"),
        "ADMIN_USERNAME": EDITOR["username"],
        "ADMIN_PASSWORD": EDITOR["password"],
        "PYTHONUNBUFFERED": "1",
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "ensure_admin")
    port = free_port()
    # As `make run` does: the sites' address is the one they are served at, set before the
    # search sync because entries hold each page's full address.
    manage(env, "site_address", f"127.0.0.1:{port}")
    # As `make run` does: importers may write pages without the publish signal.
    manage(env, "search_index", "sync")
    found = subprocess.run(
        [sys.executable, "-m", "tests.browser.page_urls"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    page_urls = json.loads(found.stdout)
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, server, folder / "server.log")
        yield {"url": url, "pages": page_urls}
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _wait_until_up(url, server, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the portal did not start:\n{log_path.read_text()}")
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the portal did not answer within 60 s:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def portal_url(portal):
    return portal["url"]


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def tab(browser, viewport, axe_source):
    """A fresh browser tab (no cache, no cookies) at the viewport's size, with axe-core."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="vi-VN")
    page = open_tab(context, axe_source)
    page.viewport_name = viewport
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    if not PAGE_WEIGHTS:
        return
    terminalreporter.section("page weight (HTML + CSS + JS transferred, first load)")
    for (name, viewport), weight in sorted(PAGE_WEIGHTS.items()):
        terminalreporter.write_line(
            f"{name:<28} {viewport:<8} {weight['total'] / 1024:6.1f} KB  "
            f"(html {weight['document'] / 1024:.1f}, css {weight['css'] / 1024:.1f}, "
            f"js {weight['js'] / 1024:.1f})"
        )
