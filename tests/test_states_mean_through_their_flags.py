"""What a state means is a flag declared with its workflow: outside the workflow declarations no code
compares a status with a literal name, keeps its own set of state names, and no template tests a
state's or a step's name."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ["wego", "organisations", "members", "programs", "bench"]

PYTHON_PATTERNS = [
    # status == "draft", status="published", status__in=["a", "b"], state != 'x'
    re.compile(r"""\b(status|state)(__in|__exact)?\s*(==|!=|=)\s*[\[\(\{]?\s*['"]"""),
    # .status in {...} / .status not in SOME_STATES
    re.compile(r"""\.status\s+(not\s+)?in\b"""),
    # a set of state names of its own
    re.compile(r"""^[A-Z_]*STATES\s*="""),
]
TEMPLATE_PATTERNS = [
    re.compile(r"""\.status\s*(==|!=|in)\s*['"]"""),
    re.compile(r"""\{%-?\s*(if|elif)[^%]*\b(step|transition)\.name\b"""),
]


def offending_lines(paths, patterns):
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(pattern.search(line) for pattern in patterns):
                found.append(f"{path.name}:{number}: {line.strip()}")
    return found


def python_files():
    for folder in CODE:
        for path in (ROOT / folder).rglob("*.py"):
            # The declarations themselves, and migrations, which record the states as they were.
            if path.name != "workflow.py" and "migrations" not in path.parts:
                yield path


def test_no_code_compares_a_status_with_a_literal_outside_the_workflow_declarations():
    assert offending_lines(python_files(), PYTHON_PATTERNS) == []


def test_no_template_tests_a_status_or_a_steps_name():
    assert offending_lines((ROOT / "templates").rglob("*.html"), TEMPLATE_PATTERNS) == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    """The patterns catch the forms the rule forbids (or the two tests above would prove nothing)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'if application.status == "draft": pass\n'
        'Project.objects.filter(status="published")\n'
        'queryset.exclude(status__in=["a", "b"])\n'
        "if locked.status not in PACKAGE_STATES: pass\n"
        'EDITABLE_STATES = frozenset({"draft"})\n'
        "Project.objects.filter(PROJECT_SHARING.q(PUBLIC))\n"
    )
    template = tmp_path / "sample.html"
    template.write_text(
        "{% if project.status == 'published' %}{% endif %}\n{% if step.name == 'withdraw' %}\n"
    )
    assert len(offending_lines([sample], PYTHON_PATTERNS)) == 5
    assert len(offending_lines([template], TEMPLATE_PATTERNS)) == 2
