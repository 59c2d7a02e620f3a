"""Gunicorn's production configuration: `gunicorn portal.wsgi -c portal/gunicorn.conf.py`.

Threaded workers, one process per core: measured on 2 cores (`python -m bench.run
--only-throughput --models sync-2 sync-4 gthread-2x4 asgi-2`, README "Worker model"), 2 workers
× 4 threads served most page types faster than 2 or 4 sync workers, cached (up to about twice)
and uncached (threads keep connections alive and overlap database waits); gunicorn's asyncio
worker on Django's ASGI handler was the slowest (every sync view hops to a thread).
"""

import os

worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
