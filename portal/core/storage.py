"""Media files: images (and their renditions) under MEDIA_ROOT, which the front proxy may serve
at MEDIA_URL; documents under DOCUMENTS_ROOT, outside it, served only by the application.

A document may sit in a login-restricted collection or be used only by a private page: it must
not be reachable at a guessable `/media/documents/<name>.pdf`. Wagtail serves documents at
`/documents/<id>/<name>` (WAGTAILDOCS_SERVE_METHOD = "serve_view"), checking who may see them;
in production the proxy then sends the file itself through an internal location
(`X-Accel-Redirect`, `sendfile_accel` below, README "Documents").
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.utils._os import safe_join

DOCUMENTS_PREFIX = "documents/"


class MediaStorage(FileSystemStorage):
    """The default storage; names under `documents/` (Wagtail's upload folder) are kept in
    DOCUMENTS_ROOT and have no public URL."""

    def path(self, name):
        if str(name).startswith(DOCUMENTS_PREFIX):
            return safe_join(settings.DOCUMENTS_ROOT, name.removeprefix(DOCUMENTS_PREFIX))
        return super().path(name)

    def _save(self, name, content):
        """A document is saved by a storage rooted at DOCUMENTS_ROOT (the name it returns is
        relative to its own root, and the file takes that root's group)."""
        if str(name).startswith(DOCUMENTS_PREFIX):
            documents = FileSystemStorage(
                location=settings.DOCUMENTS_ROOT,
                file_permissions_mode=self.file_permissions_mode,
                directory_permissions_mode=self.directory_permissions_mode,
            )
            return DOCUMENTS_PREFIX + documents._save(name.removeprefix(DOCUMENTS_PREFIX), content)
        return super()._save(name, content)

    def url(self, name):
        if str(name).startswith(DOCUMENTS_PREFIX):
            raise NotImplementedError("documents are served by the application only")
        return super().url(name)


def sendfile_accel(request, filename, **kwargs):
    """SENDFILE_BACKEND for a front proxy (nginx): the application decides, the proxy sends the
    file from its internal location DOCUMENTS_ACCEL_URL (aliased to DOCUMENTS_ROOT)."""
    relative = Path(filename).resolve().relative_to(Path(settings.DOCUMENTS_ROOT).resolve())
    response = HttpResponse()
    response["X-Accel-Redirect"] = (
        f"{settings.DOCUMENTS_ACCEL_URL.rstrip('/')}/{quote(str(relative))}"
    )
    return response


sendfile = sendfile_accel  # the name Wagtail's sendfile looks up in the backend module
