"""How django-axes (login lockout) sees clients and answers them.

- client_address (AXES_CLIENT_IP_CALLABLE): as the rate limits see it: behind NUM_PROXIES
  reverse proxies, the entry of X-Forwarded-For that the nearest proxy appended; without
  proxies, REMOTE_ADDR. Never the proxy's own address, which would lock everyone out at once.
- client_description (AXES_CLIENT_STR_CALLABLE): what axes writes in its log lines: the path
  only, never the user name or the address (personal data stays out of the logs; the admin's
  lockout list shows them to administrators).
- locked_out (AXES_LOCKOUT_CALLABLE): a 429 page saying what happened and for how long, with
  a button mailing the account's owner an unlock link (unlocking.py).
"""

from django.conf import settings
from django.shortcuts import render


def client_address(request):
    proxies = settings.NINJA_NUM_PROXIES
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_description(username, ip_address, user_agent, path_info, request):
    return f"a client at {path_info}"


def locked_out(request, credentials, *args, **kwargs):
    """The 429 page, offering the account's owner an unlock link by email."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {"cooloff_minutes": minutes, "username": username[:150]}
    return render(request, "accounts/locked_out.html", context, status=429)
