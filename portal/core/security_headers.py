"""Security headers on every response.

- Content-Security-Policy (django-csp): public pages allow scripts, styles, fonts and requests
  from this site only, with no 'unsafe-inline' (the theme has no inline script or style;
  JSON-LD is a data block, which CSP does not govern), and frames from the two video players
  news embeds. The Wagtail admin renders inline scripts and styles of its own and has a policy
  of its own that allows them; it is never the policy of a public page.
- Permissions-Policy: no page uses the camera, microphone, location, payment or sensors.

Referrer-Policy, X-Content-Type-Options, Cross-Origin-Opener-Policy and X-Frame-Options come
from Django's SecurityMiddleware and XFrameOptionsMiddleware (settings in base.py).
"""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
VIDEO_PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

PUBLIC_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": VIDEO_PLAYERS,
    "media-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "font-src": [SELF, "data:"],
    "frame-src": [SELF, *VIDEO_PLAYERS],
    # The page editor shows its live preview in a frame of the admin itself.
    "frame-ancestors": [SELF],
}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(ADMIN_PREFIX):
            parts.config = ADMIN_POLICY
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
