"""Parse one scale's wrk outputs, print its table and rewrite var/bench/results.json.

python -m bench.report SCALE reads var/bench/SCALE/: targets.txt (name and path per line, the
baselines first), NAME.N.wrk (wrk --latency output of the Nth run of a target), NAME.N.ceiling.wrk
(the 25-row page measured just before that run), NAME.N.smallest.wrk (at the largest scale, the
same kept page on the 200-row database, measured right after that run) and queries.json.

Each target is run several times, each run right after the 25-row page on the same server; the
table gives the median run and the range of the ratios, so one noisy moment of this machine neither
makes nor breaks a figure.
"""

import json
import os
import re
import statistics
import sys
from pathlib import Path

from bench.targets import BARE, CEILING

OUT = Path(__file__).resolve().parent.parent / "var" / "bench"
TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def latency_ms(text, percentile):
    match = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.MULTILINE)
    return float(match[1]) * TO_MS[match[2]] if match else None


def parse_wrk(text):
    # Requests still waiting for an answer when wrk stops are in no count: with none
    # completed, wrk prints zero latencies, which are reported here as unknown.
    completed = int(re.search(r"^\s*(\d+) requests in", text, re.MULTILINE)[1])
    requests_per_sec = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.MULTILINE)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = {"non_2xx_3xx": int(non_2xx[1]) if non_2xx else 0}
    errors.update(
        zip(
            ["connect", "read", "write", "timeout"],
            map(int, socket.groups() if socket else [0] * 4),
            strict=True,
        )
    )
    return {
        "requests": completed,
        "requests_per_sec": float(requests_per_sec[1]) if requests_per_sec else 0.0,
        "p50_ms": latency_ms(text, 50) if completed else None,
        "p99_ms": latency_ms(text, 99) if completed else None,
        "errors": errors,
    }


def runs_of(folder, name):
    """Each run of a target, with the 25-row page's rate measured just before it (None for the
    baselines, which are not measured beside anything)."""
    runs = []
    number = 1
    while (measured := folder / f"{name}.{number}.wrk").exists():
        run = parse_wrk(measured.read_text())
        beside = folder / f"{name}.{number}.ceiling.wrk"
        run["ceiling_per_sec"] = (
            parse_wrk(beside.read_text())["requests_per_sec"] if beside.exists() else None
        )
        smallest = folder / f"{name}.{number}.smallest.wrk"
        run["smallest_p50_ms"] = parse_wrk(smallest.read_text())["p50_ms"] if smallest.exists() else None
        runs.append(run)
        number += 1
    return runs


def median_of(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def summary(runs, ceiling):
    """The median run of a target: its rate and ratio, the range of the ratios over the runs,
    the median of each latency percentile, and every error of every run."""
    for run in runs:
        # A run whose ceiling answered nothing (wrk failed beside it) is a ratio of the median ceiling.
        run["ceiling_per_sec"] = run["ceiling_per_sec"] or ceiling
        run["vs_ceiling"] = run["requests_per_sec"] / run["ceiling_per_sec"]
    by_ratio = sorted(runs, key=lambda run: run["vs_ceiling"])
    middle = by_ratio[(len(runs) - 1) // 2]
    errors = {}
    for run in runs:
        for kind, count in run["errors"].items():
            errors[kind] = errors.get(kind, 0) + count
    return {
        "runs": len(runs),
        "requests": sum(run["requests"] for run in runs),
        "requests_per_sec": middle["requests_per_sec"],
        "ceiling_per_sec": middle["ceiling_per_sec"],
        "vs_ceiling": round(middle["vs_ceiling"], 5),
        "vs_ceiling_range": [round(by_ratio[0]["vs_ceiling"], 5), round(by_ratio[-1]["vs_ceiling"], 5)],
        "p50_ms": median_of(run["p50_ms"] for run in runs),
        "p99_ms": median_of(run["p99_ms"] for run in runs),
        # The median latency of the same page at the smallest scale, measured beside these runs.
        "smallest_p50_ms": median_of(run["smallest_p50_ms"] for run in runs),
        "errors": errors,
    }


def scale_results(scale, out=OUT):
    folder = out / scale
    queries = json.loads((folder / "queries.json").read_text())
    listed = [line.split(" ", 3)[:3] for line in (folder / "targets.txt").read_text().splitlines()]
    runs = {name: runs_of(folder, name) for name, _, _ in listed}
    # The baselines are medians of their own runs; a target measured beside no 25-row page
    # (the baselines themselves) is a ratio of the 25-row page's median.
    ceiling = statistics.median(run["requests_per_sec"] for run in runs[CEILING])
    if not ceiling:
        sys.exit(f"The 25-row page answered nothing at scale {scale}: no target can be a ratio of it.")
    bare = statistics.median(run["requests_per_sec"] for run in runs[BARE])
    rows = []
    for name, path, how in listed:
        row = {"target": name, "path": path, "how": how, **summary(runs[name], ceiling)}
        row["queries"] = queries["queries"].get(name)
        row["vs_bare"] = round(row["requests_per_sec"] / bare, 5) if bare else None
        rows.append(row)
    mixed = folder / "mixed.wrk"
    return {
        "members": queries["members"],
        "projects": queries.get("projects"),
        "targets": rows,
        "mixed": {**parse_wrk(mixed.read_text()), "connections": 64} if mixed.exists() else None,
    }


def number(value, digits):
    return "-" if value is None else f"{value:,.{digits}f}"


def ratio(value):
    if value is None:
        return "-"
    return "<0.001×" if 0 < value < 0.001 else f"{value:.3f}×"


def ratio_range(values):
    return "-" if not values else f"{values[0]:.3f}–{values[1]:.3f}"


def print_table(header, lines):
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    for index, line in enumerate([header, *lines]):
        cells = [line[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def print_scale(scale, result):
    print(
        f"\nScale {scale}: {result['members']:,} members, {result['projects'] or 0:,} Exchange projects, "
        f"{os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} (anything else running skews the numbers)"
    )
    header = (
        "target",
        "runs",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "queries",
        "25 rows req/s",
        "vs 25 rows",
        "range of runs",
        "vs bare",
    )
    lines = [
        (
            row["target"],
            str(row["runs"]),
            number(row["requests"], 0),
            number(row["requests_per_sec"], 1),
            number(row["p50_ms"], 2),
            number(row["p99_ms"], 2),
            str(sum(row["errors"].values())),
            number(row["queries"], 0),
            number(row["ceiling_per_sec"], 1),
            ratio(row["vs_ceiling"]),
            ratio_range(row["vs_ceiling_range"]),
            ratio(row["vs_bare"]),
        )
        for row in result["targets"]
    ]
    print_table(header, lines)
    mixed = result["mixed"]
    if mixed:
        print(
            "\nMixed load over the public pages (64 connections): "
            f"{number(mixed['requests_per_sec'], 1)} req/s, "
            f"p50 {number(mixed['p50_ms'], 2)} ms, p99 {number(mixed['p99_ms'], 2)} ms, "
            f"errors {mixed['errors']}"
        )


def main(scale):
    result = scale_results(scale)
    print_scale(scale, result)
    # Every scale measured so far, so the file is complete whichever scale ran last.
    scales = sorted((folder.name for folder in OUT.iterdir() if (folder / "queries.json").exists()), key=int)
    results = {
        "cores": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "wrk": os.environ.get("WRK_ARGS", ""),
        "scales": {name: scale_results(name) for name in scales},
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
