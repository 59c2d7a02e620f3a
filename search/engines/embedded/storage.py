"""The embedded index's folder: `versions/<name>/` indexes and a `current` symlink.

A rebuild writes a new version and swaps the symlink atomically. The folder also answers what
is wrong with it, in words safe to show on /readyz (no paths): an index that is gone (the folder
moved away) or damaged (its meta.json unreadable) must never be searched as if it were empty.
"""

import datetime
import json
import os
import shutil
import uuid
from pathlib import Path

SCHEMA_FILE = "schema-version"
META_FILE = "meta.json"
REBUILD = "`manage.py search_index sync` rebuilds it"
MISSING = f"the search index is missing; {REBUILD}"
DAMAGED = f"the search index is damaged (meta.json unreadable); {REBUILD}"


class IndexFolder:
    def __init__(self, directory, schema_version):
        self.directory = Path(directory)
        self.schema_version = schema_version

    @property
    def current_link(self):
        return self.directory / "current"

    def exists(self):
        return self.current_link.exists()

    def new_version(self):
        path = (
            self.directory
            / "versions"
            / (datetime.datetime.now().strftime("%Y%m%d%H%M%S-") + uuid.uuid4().hex[:8])
        )
        path.mkdir(parents=True)
        (path / SCHEMA_FILE).write_text(self.schema_version)
        return path

    def is_current(self):
        """Whether the index was built with this version's schema (else it needs a rebuild)."""
        if not self.exists():
            return True
        try:
            return (self.current_link / SCHEMA_FILE).read_text() == self.schema_version
        except OSError:
            return False

    def point_current_at(self, path):
        temporary = self.directory / f".current-{uuid.uuid4().hex}"
        temporary.symlink_to(path.relative_to(self.directory))
        os.replace(temporary, self.current_link)  # atomic on POSIX

    def remove_old_versions(self, keep):
        for version in (self.directory / "versions").iterdir():
            if version not in keep:
                shutil.rmtree(version, ignore_errors=True)

    def damage(self):
        """MISSING or DAMAGED when the current index cannot be what was written, else None."""
        if not self.exists():
            return MISSING
        try:
            json.loads((self.current_link / META_FILE).read_text())
        except (OSError, ValueError):
            return DAMAGED
        return None

    def stamp(self):
        """(a string naming the index's state, the time of its last commit). Every commit
        replaces the current version's meta.json; a rebuild swaps the version."""
        version = self.current_link.resolve()
        meta = (version / META_FILE).stat()
        stamp = f"{version.name}:{meta.st_ino}:{meta.st_mtime_ns}:{meta.st_size}"
        changed = datetime.datetime.fromtimestamp(meta.st_mtime, tz=datetime.UTC)
        return stamp, changed
