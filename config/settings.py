"""Settings for the liaison-officer service platform, read from environment variables.

Defaults are safe for production (DEBUG off, secure cookies when not DEBUG);
`make run` turns DEBUG on for the embedded SQLite setup.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("TESTING", False) or "pytest" in sys.modules
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off (see README: Configuration).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

# The audit trail's hash chain is keyed (HMAC-SHA256) with a key that is never stored in the database:
# AUDIT_HMAC_KEY, or the file AUDIT_HMAC_KEY_FILE names. The chain head is also appended, by the
# scheduler's job and `manage.py audit_export_head`, to AUDIT_HEAD_LOG, which belongs on storage the
# database's administrators cannot rewrite (docs/security.md).
AUDIT_HMAC_KEY = os.environ.get("AUDIT_HMAC_KEY", "")
if not AUDIT_HMAC_KEY and os.environ.get("AUDIT_HMAC_KEY_FILE"):
    AUDIT_HMAC_KEY = Path(os.environ["AUDIT_HMAC_KEY_FILE"]).read_text(encoding="utf-8").strip()
if not AUDIT_HMAC_KEY:
    if not DEBUG and not TESTING:
        raise RuntimeError("AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set when DEBUG is off (README).")
    AUDIT_HMAC_KEY = "insecure-development-audit-key"
# The key that encrypts the content of integrity-track complaints (liaison/complaints/crypto.py): kept
# outside the database, from COMPLAINTS_KEY or the file COMPLAINTS_KEY_FILE names.
COMPLAINTS_KEY = os.environ.get("COMPLAINTS_KEY", "")
if not COMPLAINTS_KEY and os.environ.get("COMPLAINTS_KEY_FILE"):
    COMPLAINTS_KEY = Path(os.environ["COMPLAINTS_KEY_FILE"]).read_text(encoding="utf-8").strip()
if not COMPLAINTS_KEY:
    if not DEBUG and not TESTING:
        raise RuntimeError("COMPLAINTS_KEY or COMPLAINTS_KEY_FILE must be set when DEBUG is off (README).")
    COMPLAINTS_KEY = "insecure-development-complaints-key"
AUDIT_HEAD_LOG = os.environ.get(
    "AUDIT_HEAD_LOG", "" if TESTING else str(BASE_DIR / "var" / "audit-heads.log")
)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, e.g. "127.0.0.1,10.8.0.0/24").
# Empty by default: the client address is then the TCP peer (liaison/core/addresses.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "captcha",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "liaison.core",
    "liaison.directory",
    "liaison.audit",
    "liaison.workcal",
    "liaison.notifications",
    "liaison.deadlines",
    "liaison.catalogue",
    "liaison.officers",
    "liaison.intake",
    "liaison.tracking",
    "liaison.consultations",
    "liaison.coordination",
    "liaison.closure",
    "liaison.evaluation",
    "liaison.assessment",
    "liaison.complaints",
    "liaison.supervision",
    "liaison.publicity",
    "liaison.portal",
    "liaison.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "liaison.core.headers.PermissionsPolicyMiddleware",
    "liaison.core.request_memo.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "liaison.audit.middleware.AuditContextMiddleware",
    "liaison.directory.middleware.SessionTimeoutMiddleware",
    "liaison.directory.middleware.SecondFactorMiddleware",
    "liaison.directory.middleware.PasswordPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "liaison.web.context_processors.layout",
                "liaison.directory.context_processors.second_factor",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'liaison.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A web process and a worker write at once: WAL + immediate transactions + busy timeout.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # List pages join a row's project, item, department and people (select_related) and filter by a
    # visibility subquery: nine or more relations, past PostgreSQL's default join_collapse_limit of 8, so
    # the planner kept the written join order and joined every row before the user's few were kept (the
    # officer's consultation list at 100,000 projects: 210 ms -> 4 ms; docs/performance.md).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = (
        f"{options.get('options', '')} -c join_collapse_limit=12 -c from_collapse_limit=12".strip()
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "directory.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "liaison.directory.password_validation.CharacterClassesValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
if DEBUG or TESTING:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request otherwise
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# The default cache holds the public forms' submission counters and cached public pages. Local memory is
# per process; with several server processes set CACHE_URL=db://<table> (run `manage.py createcachetable`).
# Passwords (等保 身份鉴别): expire after PASSWORD_MAX_AGE_DAYS; the last PASSWORD_HISTORY are not reused.
PASSWORD_MAX_AGE_DAYS = int(os.environ.get("PASSWORD_MAX_AGE_DAYS", "90"))
PASSWORD_HISTORY = int(os.environ.get("PASSWORD_HISTORY", "5"))
# Staff sign in with a second factor (TOTP, or a one-time recovery code): required unless DEBUG (the demo of
# `make run` shows a banner instead); off under tests unless a test turns it on (services/second_factor.py).
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", not DEBUG and not TESTING)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "政务服务联络官服务平台")
# django-otp's own growing delay after a wrong code is off: wrong codes count toward the per-account
# lockout of the sign-in (five within 15 minutes), which is audited and the same for passwords and codes.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith("db://"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_URL[5:]}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "liaison"}}
# Public forms (liaison/core/public_forms.py): the CAPTCHA accepts "PASSED" under tests; submissions per
# client address per hour and form.
CAPTCHA_TEST_MODE = TESTING
if TESTING:
    import warnings

    warnings.filterwarnings("ignore", message="CAPTCHA_TEST_MODE is enabled", category=RuntimeWarning)
CAPTCHA_LENGTH = 4
CAPTCHA_IMAGE_SIZE = (120, 40)
CAPTCHA_FONT_SIZE = 30
PUBLIC_SUBMISSIONS_PER_HOUR = int(os.environ.get("PUBLIC_SUBMISSIONS_PER_HOUR", "5"))

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))

EMAIL_CONFIG = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG["EMAIL_HOST"]
EMAIL_PORT = EMAIL_CONFIG["EMAIL_PORT"]
EMAIL_HOST_USER = EMAIL_CONFIG["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = EMAIL_CONFIG["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = EMAIL_CONFIG["EMAIL_USE_TLS"]
EMAIL_USE_SSL = EMAIL_CONFIG["EMAIL_USE_SSL"]
if EMAIL_CONFIG.get("EMAIL_FILE_PATH"):  # file:///path: one file per message, for `make run`'s demo
    EMAIL_FILE_PATH = EMAIL_CONFIG["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "liaison@localhost")

# The list pattern's Excel export (liaison/core/listing.py): up to EXPORT_SYNC_MAX rows are written during the
# request; a larger one becomes a background job (liaison/core/export_jobs.py, page /exports/) writing at most
# EXPORT_BACKGROUND_MAX rows (said on the sheet when cut; openpyxl keeps the whole sheet in memory while writing it).
# Its file is kept EXPORT_FILE_DAYS days, then deleted (`manage.py exports_expire`,
# also run by the scheduler); a user has at most EXPORT_JOBS_PER_USER exports waiting or running at once.
EXPORT_SYNC_MAX = int(os.environ.get("EXPORT_SYNC_MAX", "2000"))
EXPORT_BACKGROUND_MAX = int(os.environ.get("EXPORT_BACKGROUND_MAX", "100000"))
EXPORT_FILE_DAYS = int(os.environ.get("EXPORT_FILE_DAYS", "7"))
EXPORT_JOBS_PER_USER = int(os.environ.get("EXPORT_JOBS_PER_USER", "3"))
EXPORT_STALE_HOURS = int(os.environ.get("EXPORT_STALE_HOURS", "6"))  # "running" longer: its worker was lost
# A catalogue import still validating or writing this long after its upload lost its worker: it is marked failed
# (liaison/catalogue/exchange/runner.py: import_jobs_fail_stale, run by the scheduler).
IMPORT_STALE_HOURS = int(os.environ.get("IMPORT_STALE_HOURS", "2"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# The scheduler's sweep queues again a notification email not sent this many minutes after it was queued
# (or created, when its enqueue was lost to a crash): liaison/notifications/services/sweep.py.
NOTIFICATION_EMAIL_GRACE_MINUTES = int(os.environ.get("NOTIFICATION_EMAIL_GRACE_MINUTES", "10"))

# The centre's own identity: nothing about Wuhua is hard-coded in code.
CENTRE_NAME = os.environ.get("CENTRE_NAME", "五华区政务服务中心（投资服务中心）")
REGION_NAME = os.environ.get("REGION_NAME", "五华区")
# Service numbers of accepted projects: {year} and {seq} (gapless per year).
SERVICE_NUMBER_PATTERN = os.environ.get("SERVICE_NUMBER_PATTERN", "WH-{year}-{seq:04d}")
# The site's address (e.g. https://lianluoguan.example.gov.cn): links in emails are made absolute with it.
SITE_URL = os.environ.get("SITE_URL", "")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600  # absolute: from sign-in, however busy (liaison/directory/services/sessions.py)
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60  # without a request
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Scripts only from this site or carrying the request's nonce (`<script nonce="{{ request.csp_nonce }}">`);
# no inline handlers (static/js/app.js binds data-print, data-confirm, data-autofocus). Styles allow inline
# attributes (layout widths, chart heights) but no remote sheet. Nothing may frame the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
