"""gunicorn settings for production: ``gunicorn -c transferboerse/gunicorn.conf.py transferboerse.wsgi``.

Every value can be overridden by the environment (``GUNICORN_CMD_ARGS="--workers 8"``) or on the
command line. The reverse proxy in front terminates TLS and buffers slow clients.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = 1
timeout = 30
graceful_timeout = 30
# Restart workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Trust X-Forwarded-* only from the reverse proxy (same machine by default).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
