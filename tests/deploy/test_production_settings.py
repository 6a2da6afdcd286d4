"""The production settings: complete from the environment, refuse to start without it, check --deploy clean."""

import importlib
import logging.config

import pytest
from django.utils.log import configure_logging

from .conftest import manage, production_env


def test_check_deploy_reports_nothing(deploy_env):
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=deploy_env)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "System check identified no issues (0 silenced).\n"


@pytest.mark.parametrize(
    "variable",
    [
        "DJANGO_SECRET_KEY",
        "DATABASE_URL",
        "DJANGO_ALLOWED_HOSTS",
        "DJANGO_EMAIL_HOST",
        "DJANGO_DEFAULT_FROM_EMAIL",
        "DJANGO_SITE_URL",
    ],
)
def test_production_settings_refuse_to_start_without(variable):
    env = production_env()
    del env[variable]

    result = manage("check", env=env)

    assert result.returncode == 1
    assert f"{variable} muss in der Produktion gesetzt sein" in result.stderr


def test_production_settings_take_values_from_environment():
    env = production_env(
        DJANGO_ALLOWED_HOSTS="a.example.org, b.example.org", DJANGO_REDIS_URL="redis://127.0.0.1:6379/1"
    )
    code = (
        "from django.conf import settings as s;"
        "print(s.ALLOWED_HOSTS, s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.CACHES['default']['BACKEND'],"
        " s.STORAGES['staticfiles']['BACKEND'], s.MAILERS['default']['OPTIONS']['host'])"
    )

    result = manage("shell", "--no-imports", "-c", code, env=env)

    assert result.stdout.split() == [
        "['a.example.org',",
        "'b.example.org']",
        "False",
        "True",
        "31536000",
        "django.core.cache.backends.redis.RedisCache",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "smtp.example.org",
    ]


@pytest.mark.django_db
def test_production_logging_mails_server_errors_to_admins(monkeypatch, settings, mailoutbox, rf):
    for key, value in production_env().items():
        monkeypatch.setenv(key, value)
    production = importlib.reload(importlib.import_module("transferboerse.settings.production"))
    settings.ADMINS = ["it@kreis-unna.example"]
    logging.config.dictConfig(production.LOGGING)
    try:
        request = rf.get("/projekte/")
        logging.getLogger("django.request").warning("Not Found: /x/", extra={"status_code": 404, "request": request})
        logging.getLogger("django.request").error("Internal Server Error: /projekte/", extra={"request": request})
    finally:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)

    assert [(message.to, message.subject) for message in mailoutbox] == [
        (["it@kreis-unna.example"], "[Django] ERROR (EXTERNAL IP): Internal Server Error: /projekte/")
    ]
