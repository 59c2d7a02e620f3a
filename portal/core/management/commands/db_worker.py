"""django-tasks-db's `db_worker`, made to last.

The library's worker exits on the first database error outside a task ("database is locked"
when SQLite is busy with an import, a PostgreSQL server restarting), and nothing restarts it:
indexing, alerts and every mail then wait unseen. This one waits out any error of its loop with a
growing delay (0.5 s doubling up to 30 s, short again once it has worked for a minute) and goes
on; it only stops when asked (SIGTERM, SIGINT) or with --batch / --max-tasks. While it runs it
tells /readyz it is alive (portal/core/background.py).
"""

import logging
import threading
import time

from django_tasks_db.management.commands import db_worker

from django.db import connections

from ...background import HEARTBEAT_SECONDS, worker_seen
from ...transient import delays

logger = logging.getLogger("django_tasks_db")
HEALTHY_RUN_SECONDS = 60


class LastingWorker(db_worker.Worker):
    def run(self):
        beating = threading.Event()
        heartbeat = threading.Thread(target=self._beat, args=(beating,), daemon=True)
        heartbeat.start()
        waits = delays()
        try:
            while True:
                started = time.monotonic()
                try:
                    return super().run()
                except Exception as error:
                    if not self.running:
                        raise
                    if time.monotonic() - started > HEALTHY_RUN_SECONDS:
                        waits = delays()
                    delay = next(waits)
                    logger.warning(
                        "db_worker: %s: %s; going on in %.1f s", type(error).__name__, error, delay
                    )
                    connections.close_all()
                    time.sleep(delay)
        finally:
            beating.set()

    def _beat(self, stop):
        while not stop.is_set():
            try:
                worker_seen()
            except Exception as error:  # the database or the cache is away: the loop waits too
                logger.warning("db_worker: heartbeat not written (%s)", type(error).__name__)
            finally:
                connections.close_all()  # this thread's own connections
            stop.wait(HEARTBEAT_SECONDS)


class Command(db_worker.Command):
    help = db_worker.Command.help + ", which waits out database errors instead of exiting"

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        excluded = exclude_queues.split(",") if exclude_queues else []
        queues = queue_name.split(",")
        if excluded and "*" not in queues:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = LastingWorker(
            queue_names=queues,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload and not batch:
            if db_worker.os.environ.get(db_worker.DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            db_worker.run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
