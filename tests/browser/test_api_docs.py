"""/api/docs/ works without internet: the Swagger UI the portal bundles, nothing from a CDN."""

from urllib.parse import urlsplit

from .checks import accessibility_violations
from .conftest import VIEWPORTS, csp_violations, open_tab


def test_api_docs_render_offline_from_the_bundled_swagger_ui(browser, portal_url):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    outside = []

    def only_loopback(route):
        host = urlsplit(route.request.url).hostname
        if host in {"127.0.0.1", "localhost"}:
            route.continue_()
        else:  # as on a network without internet
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_loopback)
    tab = open_tab(context)
    try:
        tab.goto(portal_url + "/api/docs/")
        # The operations are listed, search among them, under the page's one title.
        tab.locator(".swagger-ui .opblock-summary-path").first.wait_for(state="visible")
        assert tab.locator(".opblock-summary-path", has_text="/api/search/").count() > 0
        assert "API" in tab.locator("main > h1").inner_text()
        assert outside == []
        assert csp_violations(tab) == []
    finally:
        context.close()


def test_api_docs_page_passes_axe(tab, portal_url, axe_source):
    tab.goto(portal_url + "/api/docs/")
    tab.locator(".swagger-ui .opblock-summary-path").first.wait_for(state="visible")
    violations = accessibility_violations(tab, axe_source)
    assert not violations, "/api/docs/: axe-core found:\n" + "\n".join(violations)
