"""Parse one scale's wrk outputs, print its table and rewrite var/bench/results.json.

python -m bench.report SCALE reads var/bench/SCALE/: targets.txt (name and path per
line, the baseline first), NAME.wrk (wrk --latency output) and queries.json.
"""

import json
import os
import re
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


def scale_results(scale):
    folder = OUT / scale
    queries = json.loads((folder / "queries.json").read_text())
    rows = []
    for line in (folder / "targets.txt").read_text().splitlines():
        name, path, how = line.split(" ", 3)[:3]
        rows.append(
            {
                "target": name,
                "path": path,
                "how": how,
                **parse_wrk((folder / f"{name}.wrk").read_text()),
                "queries": queries["queries"].get(name),
            }
        )
    bare = next(row["requests_per_sec"] for row in rows if row["target"] == BARE)
    ceiling = next(row["requests_per_sec"] for row in rows if row["target"] == CEILING)
    for row in rows:
        # The 25-row page measured just before this target, on its server (bench/run); the
        # baselines are measured once.
        beside = folder / f"{row['target']}.ceiling.wrk"
        row["ceiling_per_sec"] = (
            parse_wrk(beside.read_text())["requests_per_sec"] if beside.exists() else ceiling
        )
        row["vs_bare"] = round(row["requests_per_sec"] / bare, 5) if bare else None
        row["vs_ceiling"] = (
            round(row["requests_per_sec"] / row["ceiling_per_sec"], 5) if row["ceiling_per_sec"] else None
        )
    mixed = folder / "mixed.wrk"
    return {
        "members": queries["members"],
        "projects": queries.get("projects"),
        "targets": rows,
        "mixed": {**parse_wrk(mixed.read_text()), "connections": 64} if mixed.exists() else None,
    }


def number(value, digits):
    return "-" if value is None else f"{value:,.{digits}f}"


def ratio(value, of):
    if value is None:
        return "-"
    return f"<0.001× {of}" if 0 < value < 0.001 else f"{value:.3f}× {of}"


def print_table(scale, result):
    print(
        f"\nScale {scale}: {result['members']:,} members, {result['projects'] or 0:,} Exchange projects, "
        f"{os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} (anything else running skews the numbers)"
    )
    header = (
        "target",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "queries",
        "25 rows req/s",
        "vs 25 rows",
        "vs bare",
    )
    lines = [header]
    for row in result["targets"]:
        lines.append(
            (
                row["target"],
                number(row["requests"], 0),
                number(row["requests_per_sec"], 1),
                number(row["p50_ms"], 2),
                number(row["p99_ms"], 2),
                str(sum(row["errors"].values())),
                number(row["queries"], 0),
                number(row["ceiling_per_sec"], 1),
                ratio(row["vs_ceiling"], "rows"),
                ratio(row["vs_bare"], "bare"),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for index, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def print_mixed(result):
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
    print_table(scale, result)
    print_mixed(result)
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
