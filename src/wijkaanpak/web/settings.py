# SPDX-License-Identifier: EUPL-1.2
"""Django settings, read from the environment.

Every variable read here is documented in ``docs/configuration.md``; a test keeps
the two in step. Defaults give a working embedded set-up: an SQLite file in the
user's data folder, so ``wijk demo`` runs on a fresh machine with nothing else.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
import platformdirs
from xstatic.pkg import leaflet as xstatic_leaflet

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(
    os.environ.get("WIJKAANPAK_DATA_DIR") or platformdirs.user_data_dir("wijkaanpak")
)


def _secret_key() -> str:
    """Use the configured key, or keep a generated one in the data folder."""
    configured = os.environ.get("WIJKAANPAK_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    try:
        return key_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        key_file.write_text(key, encoding="utf-8")
        key_file.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
#: Set by ``wijk demo``: pages then say that the data are made up.
WIJKAANPAK_DEMO = _flag("WIJKAANPAK_DEMO", False)
DEBUG = _flag("WIJKAANPAK_DEBUG", False)
#: Users' own indicators (YAML or CSV, as ``adapters.catalogue`` reads them),
#: added to the shipped catalogue in the analysis and the monitor.
WIJKAANPAK_INDICATORS = os.environ.get("WIJKAANPAK_INDICATORS", "")
# The discount rate of the impact analysis (MKBA), in per cent: 2.25 is the
# rate of the Dutch guidance since 2021 (Werkgroep discontovoet 2020).
WIJKAANPAK_DISCOUNT_RATE = os.environ.get("WIJKAANPAK_DISCOUNT_RATE", "2.25")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get(
        "WIJKAANPAK_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]"
    ).split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("WIJKAANPAK_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wijkaanpak.apps.accounts",
    "wijkaanpak.apps.audit",
    "wijkaanpak.apps.areas",
    "wijkaanpak.apps.reports",
    "wijkaanpak.apps.programme",
    "wijkaanpak.apps.breakthroughs",
    "wijkaanpak.apps.monitor",
    "wijkaanpak.apps.votes",
    "wijkaanpak.apps.panels",
    "wijkaanpak.apps.mirror",
    "wijkaanpak.apps.residents",
    "wijkaanpak.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wijkaanpak.apps.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wijkaanpak.web.middleware.ApiVersionMiddleware",
    "wijkaanpak.web.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "wijkaanpak.web.urls"
WSGI_APPLICATION = "wijkaanpak.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkaanpak.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL")
        or f"sqlite:///{DATA_DIR / 'wijkaanpak.sqlite3'}",
        conn_max_age=int(os.environ.get("WIJKAANPAK_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the threaded server read while a request writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "wijkaanpak.apps.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
#: Roles (comma-separated: bureau, alliance, professional, national)
#: whose holders must log in with a second step (a code from an app); others
#: may turn it on themselves. Superusers count as national.
WIJKAANPAK_SECOND_FACTOR_ROLES = [
    role.strip()
    for role in os.environ.get("WIJKAANPAK_SECOND_FACTOR_ROLES", "").split(",")
    if role.strip()
]
OTP_TOTP_ISSUER = "Wijkaanpak"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("WIJKAANPAK_STATIC_ROOT") or DATA_DIR / "static")
# WhiteNoise expects the folder even when collectstatic has not run.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [("vendor/leaflet", xstatic_leaflet.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("WIJKAANPAK_MEDIA_ROOT") or DATA_DIR / "media")
MEDIA_URL = "/media/"
# Serve files straight from the finders when collectstatic has not run (tests, demo).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
#: The site is reached over HTTPS only (TLS ended here or by a proxy in front).
WIJKAANPAK_TLS = _flag("WIJKAANPAK_TLS", False)
SESSION_COOKIE_SECURE = _flag("WIJKAANPAK_SECURE_COOKIES", WIJKAANPAK_TLS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Browsers keep to HTTPS for this long after one visit (sent on HTTPS answers only).
SECURE_HSTS_SECONDS = (
    int(os.environ.get("WIJKAANPAK_HSTS_SECONDS", "31536000")) if WIJKAANPAK_TLS else 0
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get(
    "WIJKAANPAK_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

DEFAULT_FROM_EMAIL = os.environ.get(
    "WIJKAANPAK_EMAIL_FROM", "Wijkaanpak <noreply@localhost>"
)
#: The address of the site as residents reach it, for links in e-mails.
WIJKAANPAK_SITE_URL = os.environ.get(
    "WIJKAANPAK_SITE_URL", "http://localhost:8000"
).rstrip("/")
#: Days after a problem is closed that reporters' contact data are erased.
WIJKAANPAK_REPORT_RETENTION_DAYS = int(
    os.environ.get("WIJKAANPAK_REPORT_RETENTION_DAYS", "90")
)
#: Days after a panel process is closed that volunteers' personal data are erased.
WIJKAANPAK_PANEL_RETENTION_DAYS = int(
    os.environ.get("WIJKAANPAK_PANEL_RETENTION_DAYS", "30")
)
#: Days after a residents' budget application ended (rejected, or its result
#: reported) that the applicants' contact data are erased.
WIJKAANPAK_BUDGET_RETENTION_DAYS = int(
    os.environ.get("WIJKAANPAK_BUDGET_RETENTION_DAYS", "90")
)
#: Days after a blockage case is closed that its free texts are erased.
WIJKAANPAK_CASE_RETENTION_DAYS = int(
    os.environ.get("WIJKAANPAK_CASE_RETENTION_DAYS", "365")
)
#: Calendar days each level of the escalation ladder has before a blockage case
#: climbs on; the programme bureau of an area may set its own for its three levels.
WIJKAANPAK_NORM_DAYS = {
    "front_line": int(os.environ.get("WIJKAANPAK_NORM_DAYS_FRONT_LINE", "14")),
    "programme_bureau": int(os.environ.get("WIJKAANPAK_NORM_DAYS_BUREAU", "28")),
    "breakthrough_table": int(os.environ.get("WIJKAANPAK_NORM_DAYS_ALLIANCE", "42")),
    "national_meeting": int(os.environ.get("WIJKAANPAK_NORM_DAYS_NATIONAL", "91")),
}
#: Days a partner's return link stays valid.
WIJKAANPAK_PARTNER_LINK_DAYS = int(os.environ.get("WIJKAANPAK_PARTNER_LINK_DAYS", "14"))
#: "yearly" (Algemene termijnenwet) or "lustrum": when 5 May is a day off.
WIJKAANPAK_LIBERATION_DAY = os.environ.get("WIJKAANPAK_LIBERATION_DAY", "yearly")
#: Worker processes of ``wijk serve``: 1 runs waitress, more run gunicorn.
WIJKAANPAK_WORKERS = int(os.environ.get("WIJKAANPAK_WORKERS", "1"))
#: Public intake per client ("N/second", "N/minute", "N/hour" or "off"): web
#: form posts per address, Open311 submissions per API key, tablet syncs per
#: person. A resend of a report already saved is always answered.
WIJKAANPAK_INTAKE_RATE_WEB = os.environ.get("WIJKAANPAK_INTAKE_RATE_WEB", "10/minute")
WIJKAANPAK_INTAKE_RATE_OPEN311 = os.environ.get(
    "WIJKAANPAK_INTAKE_RATE_OPEN311", "300/minute"
)
WIJKAANPAK_INTAKE_RATE_TABLET = os.environ.get(
    "WIJKAANPAK_INTAKE_RATE_TABLET", "60/minute"
)
#: Failed logins ("N/minute", "N/hour" or "off") per account name and per
#: address; over either the login page refuses for the rest of the window.
WIJKAANPAK_LOGIN_RATE_ACCOUNT = os.environ.get(
    "WIJKAANPAK_LOGIN_RATE_ACCOUNT", "10/hour"
)
WIJKAANPAK_LOGIN_RATE_CLIENT = os.environ.get("WIJKAANPAK_LOGIN_RATE_CLIENT", "30/hour")
#: Wrong voting codes per address, against guessing codes.
WIJKAANPAK_VOTE_CODE_RATE = os.environ.get("WIJKAANPAK_VOTE_CODE_RATE", "20/hour")
#: Largest photo a resident may upload, in bytes.
WIJKAANPAK_PHOTO_MAX_BYTES = int(
    os.environ.get("WIJKAANPAK_PHOTO_MAX_BYTES", str(10 * 1024 * 1024))
)
DATA_UPLOAD_MAX_MEMORY_SIZE = WIJKAANPAK_PHOTO_MAX_BYTES + 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wijkaanpak API",
    "DESCRIPTION": (
        "Read and write the data of NPLV focus areas. Follows the Dutch API design "
        "rules: the major version in the path, plural kebab-case resources."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "LICENSE": {"name": "EUPL-1.2"},
    # Names of choice sets that share a field name with another app's.
    "ENUM_NAME_OVERRIDES": {
        "BlockingRuleKindEnum": "wijkaanpak.apps.breakthroughs.models.BlockingRule.Kind",
        "CaseDecisionKindEnum": "wijkaanpak.apps.breakthroughs.models.CaseDecision.Kind",
        "CaseLinkKindEnum": "wijkaanpak.apps.breakthroughs.models.CaseLink.Kind",
        "CaseStatusEnum": "wijkaanpak.apps.breakthroughs.models.CaseStatus",
        "LevelEnum": "wijkaanpak.apps.breakthroughs.models.Level",
        "KindEnum": "wijkaanpak.apps.programme.models.CommitmentKind",
        "ContractStatusEnum": (
            "wijkaanpak.apps.residents.models.NeighbourhoodContract.Status"
        ),
        "ApplicationStatusEnum": "wijkaanpak.apps.residents.models.Application.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("WIJKAANPAK_LOG_LEVEL", "INFO"),
    },
    "loggers": {
        # Request lines carry query strings; keep them out of the log.
        "django.server": {"level": "WARNING"},
        "waitress.queue": {"level": "ERROR"},
    },
}
