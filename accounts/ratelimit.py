"""A simple per-client rate limit for the public forms (POST only).

``settings.RATE_LIMITS`` maps a name to ``{"path": regex, "per_minute": n}``. A client is the signed-in
user, otherwise its address (``transferboerse.client_ip``: behind the reverse proxy the address the
proxy put into ``X-Forwarded-For``). Counts live in PostgreSQL (``accounts.RateLimitCount``), one row
per limit, client and minute, incremented by one atomic statement: all gunicorn workers and all app
servers share one count, no cache server needed. The row stores a keyed hash of the client, not its
address. Over the limit the request gets a German 429 page and never reaches the view, so nothing is saved.
"""

import re
from functools import cache

from django.conf import settings
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from transferboerse.client_ip import client_ip_address

from .models import RateLimitCount


@cache
def _compiled(path: str) -> re.Pattern:
    return re.compile(path)


def _client(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip_address(request)}"


def counter_key(name: str, client: str) -> str:
    """The stored key: the limit's name and a keyed hash of the client (no address in the database)."""
    return f"{name}:{salted_hmac('transferboerse.ratelimit', client, algorithm='sha256').hexdigest()}"


def limited(request) -> str | None:
    """Count this request; return the name of the limit it exceeds, if any."""
    if request.method != "POST":
        return None
    for name, rule in settings.RATE_LIMITS.items():
        if not _compiled(rule["path"]).match(request.path_info):
            continue
        if RateLimitCount.objects.hit(counter_key(name, _client(request))) > rule["per_minute"]:
            return name
    return None


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if limited(request):
            response = render(request, "errors/429.html", status=429)
            response["Retry-After"] = "60"
            return response
        return self.get_response(request)
