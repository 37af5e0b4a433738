import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "wego.settings",
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-key-4f8d2c7e9b1a6f3d5e0c8b7a9d2f4e6c1b3a5d7f9e",
    "ALLOWED_HOSTS": "portal.we-gov.org",
    "DATABASE_URL": "postgres://root@127.0.0.1:5432/wego",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://portal:secret@smtp.example.org:587",
}


def manage(*args, **env):
    # A clean environment: the suite's own variables (test database, async-unsafe flag) must not leak in.
    base = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_serve_without_a_secret_key():
    env = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    result = subprocess.run(
        [sys.executable, "-c", "import wego.wsgi"],
        cwd=ROOT,
        env={**env, **PRODUCTION, "SECRET_KEY": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY setting must not be empty" in result.stderr


def test_migration_commands_need_no_settings_at_all():
    result = manage("makemigrations", "--check", "--dry-run", DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stdout + result.stderr


def test_embedded_mode_needs_nothing_set(tmp_path):
    result = manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "django.core.mail.backends.filebased.EmailBackend"),
        ("smtp://127.0.0.1:1025", "django.core.mail.backends.smtp.EmailBackend"),
    ],
)
def test_email_url_becomes_the_default_mailer(url, backend):
    from wego.settings import _mailer

    assert _mailer(url)["BACKEND"] == backend


def test_tasks_run_eagerly_without_a_broker(settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    from wego.celery import app

    assert app.conf.task_serializer == "json" and app.conf.accept_content == ["json"]
