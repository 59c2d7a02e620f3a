"""Cleaning HTML that did not come through the Wagtail editor (imports, feeds, API clients,
staff answers to citizens' questions).

Wagtail's editor keeps only the features it knows; imported HTML is stored as is unless we clean
it, and its rich text rendering does not clean either. `clean_html` keeps Wagtail's whitelist of
tags and attributes (no `on*` attributes, no `javascript:` links) and removes script-like
elements together with their content, so their code never shows up as text either.
"""

from html import escape

from wagtail.whitelist import DEFAULT_ELEMENT_RULES, Whitelister, attribute_rule, check_url

DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "svg",
    "math",
    "form",
    "img",
}


class RichTextWhitelister(Whitelister):
    # Links keep Wagtail's own internal-link attributes, so editors' page and document links
    # survive cleaning.
    element_rules = {
        **DEFAULT_ELEMENT_RULES,
        "a": attribute_rule({"href": check_url, "linktype": True, "id": True}),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


def clean_html(html):
    """HTML safe to render: Wagtail's whitelist, scripts and embedded objects removed."""
    return RichTextWhitelister().clean(html or "").strip()


def text_to_html(text):
    """Plain text with one paragraph per line, as HTML paragraphs."""
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
