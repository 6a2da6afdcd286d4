from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# High enough that no test trips it by accident; tests/deploy/test_ratelimit.py sets low limits.
RATE_LIMITS = {name: {**rule, "per_minute": 10_000} for name, rule in RATE_LIMITS.items()}
