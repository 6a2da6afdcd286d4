"""The client's address, also behind reverse proxies; used by the rate limit and by django-axes.

Every proxy in front of the app servers appends the address it received the request from to
``X-Forwarded-For`` (nginx: ``$proxy_add_x_forwarded_for``). Only those appended entries can be
trusted; whatever stands further left was sent by the client and may be forged. With
``settings.PROXY_COUNT`` proxies the client's address is therefore the ``PROXY_COUNT``-th entry
counted from the right. Without proxies (``PROXY_COUNT = 0``) it is ``REMOTE_ADDR``.
"""

import ipaddress

from django.conf import settings


def client_ip_address(request) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxy_count = settings.PROXY_COUNT
    if proxy_count <= 0:
        return remote_addr
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < proxy_count:
        # The proxies did not add their entries (misconfigured): fall back to the proxy's own address,
        # so nobody escapes a limit, at worst all clients share one.
        return remote_addr
    candidate = forwarded[-proxy_count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
