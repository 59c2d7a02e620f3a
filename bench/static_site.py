"""The practical ceiling: saved copies of the portal's HTML served by whitenoise under gunicorn."""

import os

from whitenoise import WhiteNoise


def not_found(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found"]


application = WhiteNoise(not_found, root=os.environ["BENCH_STATIC_ROOT"], autorefresh=False)
