import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def production_env(**overrides: str) -> dict[str, str]:
    """The environment a server would have: every required variable set, nothing of the test settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="transferboerse.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="postgres://transferboerse:geheim@127.0.0.1:9/transferboerse",
        DJANGO_ALLOWED_HOSTS="transferboerse.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://transferboerse.example.org",
        DJANGO_EMAIL_HOST="smtp.example.org",
        DJANGO_DEFAULT_FROM_EMAIL="transferboerse@example.org",
    )
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str], timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def deploy_env():
    return production_env()
