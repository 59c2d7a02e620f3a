"""Search follows the content event log: publishing, unpublishing, moves, deletions and view
restriction changes are recorded there by portal.core's publishing service (one place for every
way content changes), and `search.tasks.follow_log` reads them. Nothing to connect here but
the consumer itself."""


def connect():
    from . import tasks  # noqa: F401 (registers the search consumer of the event log)
