"""A simple per-client rate limit for the public forms (POST only).

``settings.RATE_LIMITS`` maps a name to ``{"path": regex, "per_minute": n}``. A client is the signed-in
user, otherwise its address (as django-axes determines it). Counts live in Django's cache for the
current minute; with the default local-memory cache each gunicorn worker counts on its own, so set
``DJANGO_REDIS_URL`` for one shared count. Over the limit the request gets a German 429 page and never
reaches the view, so nothing is saved.
"""

import re
import time
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.shortcuts import render


@cache
def _compiled(path: str) -> re.Pattern:
    return re.compile(path)


def _client(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    from axes.helpers import get_client_ip_address

    return f"ip:{get_client_ip_address(request) or request.META.get('REMOTE_ADDR', '')}"


def limited(request) -> str | None:
    """Count this request; return the name of the limit it exceeds, if any."""
    if request.method != "POST":
        return None
    for name, rule in settings.RATE_LIMITS.items():
        if not _compiled(rule["path"]).match(request.path_info):
            continue
        key = f"ratelimit:{name}:{_client(request)}:{int(time.time() // 60)}"
        django_cache.add(key, 0, timeout=70)
        try:
            count = django_cache.incr(key)
        except ValueError:  # expired between add and incr
            django_cache.set(key, 1, timeout=70)
            count = 1
        if count > rule["per_minute"]:
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
