"""What every page check does in the browser: axe-core, page weight and a screenshot."""

from .conftest import PAGE_WEIGHTS, SCREENSHOTS, csp_violations

BLOCKING_IMPACTS = {"moderate", "serious", "critical"}
PAGE_BUDGET = 100 * 1024

WEIGHT_SCRIPT = """() => {
  const sizes = {document: 0, css: 0, js: 0};
  const navigation = performance.getEntriesByType("navigation")[0];
  sizes.document = navigation && (navigation.transferSize || navigation.encodedBodySize)
    || new Blob([document.documentElement.outerHTML]).size;
  for (const entry of performance.getEntriesByType("resource")) {
    const size = entry.transferSize || entry.encodedBodySize;
    if (entry.name.endsWith(".css") || entry.initiatorType === "link") sizes.css += size;
    else if (entry.name.endsWith(".js") || entry.initiatorType === "script") sizes.js += size;
  }
  return sizes;
}"""


def accessibility_violations(tab, axe_source):
    """axe-core's violations of impact moderate and above on the loaded page, one line each
    (the tab fixture loads axe-core into every page)."""
    result = tab.evaluate(
        "() => axe.run(document, {resultTypes: ['violations'],"
        " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        " 'wcag22aa', 'best-practice']}})"
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def page_weight(tab, name):
    """Bytes of HTML, CSS and JS the page transferred on first load, recorded for the report."""
    tab.wait_for_load_state("load")
    sizes = tab.evaluate(WEIGHT_SCRIPT)
    sizes["total"] = sizes["document"] + sizes["css"] + sizes["js"]
    PAGE_WEIGHTS[(name, tab.viewport_name)] = sizes
    return sizes["total"]


def screenshot(tab, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}-{tab.viewport_name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def check_page(tab, axe_source, name):
    """The checks every page type passes: accessible, light, seen in a screenshot, and nothing
    blocked by the Content-Security-Policy."""
    weight = page_weight(tab, name)
    blocked = csp_violations(tab)
    assert not blocked, f"{name}: the Content-Security-Policy blocked:\n" + "\n".join(blocked)
    screenshot(tab, name)
    violations = accessibility_violations(tab, axe_source)
    assert not violations, f"{name}: axe-core found:\n" + "\n".join(violations)
    assert weight < PAGE_BUDGET, f"{name} weighs {weight / 1024:.1f} KB, over the 100 KB budget"
