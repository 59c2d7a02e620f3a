"""The shipped deployment: the application server is reachable through the front proxy only,
so the per-address limits (which trust NUM_PROXIES) see the client's real address."""

import re
from pathlib import Path

COMPOSE = Path(__file__).resolve().parents[2] / "compose.yaml"


def test_compose_publishes_gunicorn_on_loopback_only():
    text = COMPOSE.read_text()
    web = re.search(r"^  web:\n(.*?)(?=^  \S)", text, re.M | re.S).group(1)
    published = re.findall(r'^\s+- "([^"]+)"', web.split("ports:", 1)[1], re.M)

    assert published, "the web service publishes its port"
    for mapping in published:
        assert mapping.startswith("127.0.0.1:"), mapping
