"""Settings for the WeGO Portal, read from the environment (see .env.example).

With nothing set the portal runs for a newcomer: SQLite under var/, tasks run
eagerly, email goes to files under var/mail/. Production sets DEBUG=0 and the
URLs of its PostgreSQL, Redis and SMTP server.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# Without a key, commands that sign nothing (migrate, makemigrations) still run;
# the web server refuses to start (wego/wsgi.py), and Django refuses to sign with it.
SECRET_KEY = env.str("SECRET_KEY", default="") or (
    "django-insecure-development-key-only-used-when-debug-is-on" if DEBUG else ""
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The portal's own apps: the Secretariat manages every model of these, and of no other app.
PORTAL_APPS = [
    "organisations",
    "members",
    "reviews",
    "programs",
    "events",
    "wego.workflow",
    "wego.notifications",
]
INSTALLED_APPS = [
    *PORTAL_APPS,
    "wego.submissions",  # a form sent twice creates once; nothing in it for the Secretariat to manage
    "wego.pagecache",  # public pages kept whole for visitors, made fresh by every write to what they show
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The Exchange keeps its projects' search vectors (programs/search.py); harmless on SQLite.
    "django.contrib.postgres",
    "django_countries",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wego.middleware.clean_query_string",
    # Before everything that may touch the database (sessions, the user, the views, the error pages):
    # a GET that lost its connection is tried again once, and a lost database answers 503, not 500.
    "wego.resilience.DatabaseRetryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known from the address, before anything reads the session or the user:
    # a visitor's public page comes from the cache without the rest of the stack.
    "wego.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "organisations.middleware.StaffMFARequiredMiddleware",
    "wego.middleware.secretariat_time_in_the_admin",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, so that its 413 page goes out through all the others; still before anything reads the body.
    "wego.middleware.refuse_oversized_requests",
    # Innermost: a request that changes something is one transaction, with the mail it queues.
    "wego.middleware.changes_in_one_transaction",
]

ROOT_URLCONF = "wego.urls"
WSGI_APPLICATION = "wego.wsgi.application"

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
                "members.context_processors.secretariat",
                "wego.notifications.inbox.unread_count",
                "wego.languages.language_links",
            ],
        },
    },
]

# PostgreSQL is the database of record; SQLite is the newcomer's fallback.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
if not env.str("DATABASE_URL", default=""):
    VAR_DIR.mkdir(exist_ok=True)  # a fresh clone has no var/ for the SQLite file yet
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    if env.bool("DATABASE_POOL", default=False):
        DATABASES["default"]["OPTIONS"]["pool"] = {"min_size": 2, "max_size": 8}
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/my/"

# Accounts (django-allauth): email is the login, verified before anything is submitted.
ACCOUNT_LOGIN_METHODS = {"email"}
# The name is asked once, at sign-up (organisations.forms.SignupNameForm), so staff and mail name people.
ACCOUNT_SIGNUP_FIELDS = ["first_name*", "last_name*", "email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "organisations.forms.SignupNameForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[WeGO] "
# Account mail goes through the outbox, with links built from PORTAL_URL (organisations/accounts.py).
ACCOUNT_ADAPTER = "organisations.accounts.AccountAdapter"
ACCOUNT_PRESERVE_USERNAME_CASING = False
# allauth's default rate limits stay on (they count in the cache, hence Redis in production).
# They count per client address: behind a proxy, name the header it sets (X-Real-IP) or the number of
# proxies that append to X-Forwarded-For, or every visitor shares the proxy's address, and one person
# guessing passwords locks everyone out. Unset, the connection's own address (REMOTE_ADDR) is used.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="") or None
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "WeGO Portal"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # A database of its own, so that clearing the cache can never flush Celery's queue. A cache that
    # cannot be reached is treated as empty (wego/cache.py): Redis is never a point of failure.
    CACHE_URL = env.str("CACHE_URL", default=urlsplit(REDIS_URL)._replace(path="/1").geturl())
    CACHES = {"default": {"BACKEND": "wego.cache.TolerantRedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions live in the database, so that signed-in people stay signed in whatever Redis does; a
# cache in front of them could serve a session ended (signed out) while Redis was unreachable.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# How long the page cache keeps a public page nobody changed (a change makes it fresh at once).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
# A request header that makes the page cache step aside, for `make bench` to measure pages uncached.
PAGE_CACHE_BYPASS_HEADER = None
# The memory each process gives to its own copies of kept pages, parts and values (wego/pagecache/local.py).
PAGE_CACHE_LOCAL_BYTES = env.int("PAGE_CACHE_LOCAL_BYTES", default=64 * 1024 * 1024)
# The test suite checks that each kept part of a person's page reads only what it declares.
PAGE_CACHE_CHECK_READS = False

# Celery: with no broker configured tasks run eagerly, through the same code.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A broker that is down costs a request a fraction of a second, not several (the row waits).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.1,
    "interval_max": 0.1,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "requeue-overdue-notifications": {
        "task": "wego.notifications.tasks.requeue_overdue",
        "schedule": env.float("OUTBOX_SWEEP_EVERY", default=60.0),
    },
    "forget-old-submissions": {
        "task": "wego.submissions.tasks.forget_old_submissions",
        "schedule": 60.0 * 60,
    },
    "clear-expired-sessions": {
        "task": "organisations.tasks.clear_expired_sessions",
        "schedule": 24 * 60 * 60.0,
    },
    # Hourly: each reminder is sent once per due date however often this runs.
    "remind-project-implementer-due-dates": {
        "task": "programs.tasks.remind_due_dates",
        "schedule": 60 * 60.0,
    },
    # An offer lasts hours: checked every few minutes, so it passes on soon after it ends.
    "pass-on-expired-event-offers": {
        "task": "events.tasks.pass_on_expired_offers",
        "schedule": env.float("EVENT_OFFERS_SWEEP_EVERY", default=300.0),
    },
    "remind-event-registrants": {
        "task": "events.tasks.remind_registrants",
        "schedule": 60 * 60.0,
    },
}
# How many days before a milestone or a progress report is due its project is reminded.
IMPLEMENTER_REMIND_DAYS_BEFORE = env.int("IMPLEMENTER_REMIND_DAYS_BEFORE", default=7)


def _mailer(url: str) -> dict:
    """Translate EMAIL_URL into Django 6.1's MAILERS entry."""
    if not url:
        return {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
        }
    config = environ.Env.email_url_config(url)
    options = {
        "host": config.get("EMAIL_HOST"),
        "port": config.get("EMAIL_PORT"),
        "username": config.get("EMAIL_HOST_USER") or None,
        "password": config.get("EMAIL_HOST_PASSWORD") or None,
        "use_tls": config.get("EMAIL_USE_TLS", False),
        "use_ssl": config.get("EMAIL_USE_SSL", False),
        "timeout": 10,
    }
    if config["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
        options = {"file_path": config["EMAIL_FILE_PATH"]}
    elif not config["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
        options = {}
    return {"BACKEND": config["EMAIL_BACKEND"], "OPTIONS": options}


MAILERS = {"default": _mailer(env.str("EMAIL_URL", default=""))}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="WeGO Portal <portal@we-gov.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The outbox's sweep (seconds): a row claimed this long ago lost its worker; a row pending this
# long after it was queued lost its task. A send ends within the SMTP timeout (10 s) well before.
OUTBOX_STUCK_AFTER = env.int("OUTBOX_STUCK_AFTER", default=300)
OUTBOX_PENDING_GRACE = env.int("OUTBOX_PENDING_GRACE", default=120)
# The portal's public address, for links in mail (which is sent outside any request).
PORTAL_URL = env.str("PORTAL_URL", default="http://127.0.0.1:8000").rstrip("/")

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ko", _("Korean")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
# The Secretariat's time, in which the admin shows and reads moments (a call's closing, a deadline).
SECRETARIAT_TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.str("MEDIA_ROOT", default=str(VAR_DIR / "media"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Django's own CSP: nothing inline, nothing from another origin. No nonce: every script is a file of
# the portal's own, and a page kept in the page cache must not carry one visitor's nonce to the next.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


DIRECTORY_PAGE_SIZE = 24
# Rows per page of the JSON exports (wego/exports.py): WeGO's about 209 members today fit on the first,
# and a page stays a light download (about 60 KB) however long the list grows.
OPEN_DATA_PAGE_SIZE = 250
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
# A larger request body is refused with 413 before it is read (wego.middleware). The largest form,
# sharing a project in the Exchange, carries two documents of UPLOAD_MAX_BYTES each, and its text.
REQUEST_MAX_BYTES = 2 * UPLOAD_MAX_BYTES + 1024 * 1024
SEARCH_MAX_LENGTH = 100

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
