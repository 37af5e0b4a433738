"""The portal's settings for the test suite: PostgreSQL, plain HTTP, a fast password hasher."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-any-real-deployment-0123456789")
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL", "postgres://root@127.0.0.1:5432/wego")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from wego.settings import *  # noqa: E402,F403

PAGE_CACHE_CHECK_READS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Serve static files from the app folders, as runserver would; the suite never runs collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Live-server threads must not keep the test database open after the suite.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
