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


def test_the_korean_catalogue_is_complete():
    """Every extracted string has a Korean translation, and none is a guess left fuzzy by makemessages."""
    from pathlib import Path

    catalogue = Path(__file__).resolve().parent.parent / "locale" / "ko" / "LC_MESSAGES" / "django.po"
    untranslated, fuzzy = [], []
    for block in catalogue.read_text(encoding="utf-8").split("\n\n")[1:]:  # the first block is the header
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not lines:
            continue
        msgid = next((line for line in lines if line.startswith("msgid ")), "")
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            fuzzy.append(msgid)
        strings = [i for i, line in enumerate(lines) if line.startswith(("msgstr ", "msgstr["))]
        for index in strings:
            empty = lines[index].endswith('""') and (
                index + 1 == len(lines) or not lines[index + 1].startswith('"')
            )
            if empty:
                untranslated.append(msgid)
    assert (untranslated, fuzzy) == ([], [])
