"""The layers of DESIGN.md hold: wego knows no app, organisations knows only wego, members and the
programme apps build on them, and nothing imports upwards (import-linter's contract in pyproject.toml)."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["wego", "organisations", "members", "reviews", "programs", "events"]


def lint_imports(tree):
    return subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "lint-imports"),
            "--no-cache",
            "--config",
            str(tree / "pyproject.toml"),
        ],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def copy_of_the_project(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_its_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout


def test_an_import_of_a_programme_from_wego_or_members_breaks_the_contract(tmp_path):
    tree = copy_of_the_project(tmp_path)
    with open(tree / "wego" / "listing.py", "a") as module:
        module.write("\nimport programs.models  # deliberate\n")
    with open(tree / "members" / "views.py", "a") as module:
        module.write("\nfrom programs import workflow  # deliberate\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "wego is not allowed to import programs" in result.stdout
    assert "members is not allowed to import programs" in result.stdout


def test_one_programme_importing_another_breaks_the_contract(tmp_path):
    tree = copy_of_the_project(tmp_path)
    with open(tree / "events" / "views" / "public.py", "a") as module:
        module.write("\nimport programs.models  # deliberate\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "events is not allowed to import programs" in result.stdout
