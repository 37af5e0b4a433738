import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_test_says_clearly_when_postgresql_or_redis_cannot_be_reached():
    result = subprocess.run(
        [sys.executable, "tests/check_services.py"],
        cwd=ROOT,
        env={
            "TEST_DATABASE_URL": "postgres://root@127.0.0.1:1/wego",
            "TEST_REDIS_URL": "redis://127.0.0.1:1/0",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "The tests need PostgreSQL at postgres://root@127.0.0.1:1/wego" in result.stderr
    assert "set TEST_DATABASE_URL" in result.stderr
    assert "The tests need Redis at redis://127.0.0.1:1/0" in result.stderr


def test_make_finds_a_suitable_python_or_says_what_to_do():
    result = subprocess.run(
        ["make", "--no-print-directory", "check-python", "PYTHON="],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "No Python 3.13 or 3.12 found" in result.stderr
