"""Production: everything from the environment; no defaults for secrets, hosts, database or e-mail.

Runs behind a reverse proxy that terminates TLS and sets ``X-Forwarded-Proto``. Static files are
collected (``manage.py collectstatic``) and served compressed with hashed names by WhiteNoise.
"""

import os

from django.core.exceptions import ImproperlyConfigured

# Before importing base: without DATABASE_URL, base would start the embedded development database.
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL muss in der Produktion gesetzt sein (siehe .env.example).")

from .base import *  # noqa: F403
from .base import env, env_bool, env_list


def required(name: str) -> str:
    value = env(name)
    if not value:
        raise ImproperlyConfigured(f"DJANGO_{name} muss in der Produktion gesetzt sein (siehe .env.example).")
    return value


SECRET_KEY = required("SECRET_KEY")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")  # old keys while rotating

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS muss in der Produktion gesetzt sein (siehe .env.example).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# TLS ends at the reverse proxy; it tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz is called by load balancers over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The header only allows submission to the preload list; submitting is a separate, deliberate step.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Who publishes or administers (superusers, Redaktion, Steuerungsgruppe) signs in with a second
# factor; no variable turns it off (accounts/two_factor.py).
TWO_FACTOR_REQUIRED = True

# WhiteNoise serves the collected files (hashed names, gzip) right after the security middleware.
# Only here: in development runserver serves static files, and tests have no STATIC_ROOT.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_ROOT = env("STATIC_ROOT", str(STATIC_ROOT))

# Optional shared cache for several app servers (sessions stay in the database).
if redis_url := env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}

MAILERS = {
    "default": {
        "BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": required("EMAIL_HOST"),
            "port": int(env("EMAIL_PORT", "587")),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": int(env("EMAIL_TIMEOUT", "10")),
        },
    }
}
DEFAULT_FROM_EMAIL = required("DEFAULT_FROM_EMAIL")
# Links in mails, calendar files and the printouts' source line: the public address, never the default
# http://127.0.0.1:8000 of development.
SITE_URL = required("SITE_URL")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = env_list("ADMINS")  # e-mail addresses that receive error reports

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Server errors (500) as e-mail to ADMINS; without ADMINS it sends nothing.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
    },
}

# Behind the reverse proxy every request comes from the proxy's address; django-axes and the rate
# limit must count the client the proxy names in X-Forwarded-For instead, or one attacker would lock
# out everybody. The proxy's entry is the right-most one: what stands left of it the client may have
# forged (transferboerse/client_ip.py).
PROXY_COUNT = int(env("PROXY_COUNT", "1"))
