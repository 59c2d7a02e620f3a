"""/api/docs/ works without internet: the Swagger UI the portal bundles, nothing from a CDN."""

from urllib.parse import urlsplit

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
        title = tab.locator(".swagger-ui .info .title")
        title.wait_for(state="visible")
        assert "API" in title.inner_text()
        # The operations are listed, search among them.
        assert tab.locator(".opblock-summary-path", has_text="/api/search/").count() > 0
        assert outside == []
        assert csp_violations(tab) == []
    finally:
        context.close()
