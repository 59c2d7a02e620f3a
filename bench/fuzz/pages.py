"""Hostile input for the HTML side: the pages and forms found by crawling the demo site, sent
huge integers, lone surrogates, NUL, very long strings, nested JSON, wrong content types and
overflowing paths. Each request is a (method, path, options, label) the sender replays."""

import json
import random
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

import requests

LONG = "Đ" * 100_000
# Query-string and form values (already text; the URL encoding is the sender's).
HOSTILE_VALUES = [
    "99999999999999999999",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "-1",
    "0",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff x",
    "'\"<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "%",
    "%ff",
    "../../../etc/passwd",
    "[" * 5000,
    "2024-13-45",
    "9999-12-31",
    "0000-00-00",
    "‮evil",
    '=HYPERLINK("http://x")',
    " ",
    "",
    LONG[:5000],
    "đất đai" * 300,
]
# Bodies whose type the form does not expect.
WRONG_BODIES = [
    ("application/json", lambda: json.dumps({"a": [1] * 10}).encode()),
    ("application/json", lambda: ("[" * 5000 + "]" * 5000).encode()),
    ("application/json", lambda: b'{"text": "\\ud800"}'),
    ("text/plain", lambda: LONG.encode()),
    ("application/xml", lambda: b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY b 'c'>]><a>&b;</a>"),
    ("multipart/form-data; boundary=x", lambda: b"--x\r\nbroken"),
    ("application/x-www-form-urlencoded", lambda: b"%ff%fe=%00&a=" + b"%" * 1000),
    ("application/x-www-form-urlencoded", lambda: b"&".join([b"a=1"] * 5000)),
]
PATH_TAILS = [
    "9223372036854775808/",
    "99999999999999999999999/",
    "-1/",
    "%00/",
    "%ed%a0%80/",
    "%ff%fe/",
    "..%2f..%2fetc%2fpasswd",
    "a" * 3000 + "/",
    "x/" * 400,
    "tra-loi.json",
    "?" + "a=1&" * 2000,
]
SKIPPED = ("/static/", "/media/", "/admin/", "/api/", "/documents/")


class Found(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append(
                {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get")}
            )
            self.forms[-1]["fields"] = {}
        elif tag in ("input", "select", "textarea") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def crawl(base, limit=150):
    """Pages of the site reachable from its home (and the English one), with their forms."""
    session = requests.Session()
    pages, forms, params = [], [], set()
    queue, seen = deque(["/", "/en/"]), {"/", "/en/"}
    while queue and len(pages) < limit:
        path = queue.popleft()
        try:
            response = session.get(base + path, timeout=60)
        except requests.RequestException:
            continue
        if "html" not in response.headers.get("Content-Type", ""):
            continue
        pages.append(path)
        found = Found()
        found.feed(response.text)
        for form in found.forms:
            form["action"] = urlsplit(urljoin(path, form["action"] or path)).path
            form["page"] = path
            forms.append(form)
        for href in found.links:
            address = urlsplit(urljoin(base + path, href))
            if address.netloc != urlsplit(base).netloc or address.path.startswith(SKIPPED):
                continue
            params.update(name for name, _value in parse_qsl(address.query))
            if address.path not in seen:
                seen.add(address.path)
                queue.append(address.path)
    forms.append({"action": "/admin/login/", "method": "post", "page": "/admin/login/"})
    forms[-1]["fields"] = {"username": "admin", "password": "x"}
    return pages, forms, sorted(params)


def _encode(text):
    # Lone surrogates go out as their (invalid) UTF-8 bytes, as a broken client sends them.
    return quote(text, safe="", errors="surrogatepass")


def _query(pairs):
    return "&".join(f"{_encode(name)}={_encode(value)}" for name, value in pairs)


def requests_for(pages, forms, params, seed=0):
    """An endless, reproducible stream of hostile requests over what the crawl found."""
    pick = random.Random(seed)
    get_forms = [form for form in forms if form["method"].lower() == "get"]
    post_forms = [form for form in forms if form["method"].lower() == "post"]
    while True:
        kind = pick.randrange(5)
        if kind == 0:  # a known parameter of the site on any page, one hostile value
            page = pick.choice(pages)
            name = pick.choice(params or ["q"])
            value = pick.choice(HOSTILE_VALUES)
            yield "GET", f"{page}?{_query([(name, value)])}", {}, f"GET {page}?{name}"
        elif kind == 1 and get_forms:  # a search or filter form, one field hostile
            form = pick.choice(get_forms)
            fields = dict(form["fields"])
            name = pick.choice(list(fields) or ["q"])
            fields[name] = pick.choice(HOSTILE_VALUES)
            action = form["action"]
            yield "GET", f"{action}?{_query(fields.items())}", {}, f"GET {action}?{name}"
        elif kind == 2:  # an overflowing or broken path under a page
            page = pick.choice(pages)
            yield "GET", page + pick.choice(PATH_TAILS), {}, f"GET {page}<tail>"
        elif kind == 3 and post_forms:  # a form posted with one hostile field
            form = pick.choice(post_forms)
            fields = dict(form["fields"])
            name = pick.choice(list(fields))
            fields[name] = pick.choice(HOSTILE_VALUES)
            body = _query(fields.items()).encode()
            options = {"data": body, "csrf_from": form["page"]}
            options["headers"] = {"Content-Type": "application/x-www-form-urlencoded"}
            yield "POST", form["action"], options, f"POST {form['action']} {name}"
        elif post_forms:  # a form posted with a body of the wrong type
            form = pick.choice(post_forms)
            content_type, body = pick.choice(WRONG_BODIES)
            options = {"data": body(), "headers": {"Content-Type": content_type}}
            options["csrf_from"] = form["page"]
            yield "POST", form["action"], options, f"POST {form['action']} as {content_type}"


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def with_csrf(session, base, options):
    """The form's page fetched for a CSRF cookie and token, sent along as a browser would (the
    cookie is marked Secure, so it is put in by hand over plain HTTP)."""
    options = dict(options)
    page = options.pop("csrf_from", None)
    if page is None:
        return options
    response = session.get(base + page, timeout=60)
    token = CSRF_INPUT.search(response.text)
    cookie = response.cookies.get("csrftoken")
    if token and cookie:
        options["headers"] = {
            **options.get("headers", {}),
            "X-CSRFToken": token[1],
            "Cookie": f"csrftoken={cookie}",
        }
    return options
