#!/usr/bin/env python3
"""Prints a JMH JSON result (-rf json) as the Markdown table of docs/benchmarks.md.

Usage: python3 lrkit-bench/scripts/jmh_table.py bench/results/schedule-eval.json

One row per `schedule` parameter (or per benchmark when there is none), one column per benchmark
method: the mean ± JMH's 99.9% error in ns/op; then the largest gc.alloc.rate.norm (B/op) of the row
when the run used -prof gc. Schedule rows over the 20 ns target are marked in bold.
"""
import json
import sys

TARGET_NS = 20.0


def main(path):
    with open(path) as f:
        results = json.load(f)
    methods, rows = [], {}
    for r in results:
        method = r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params") or {}
        row = params.get("schedule", method)
        column = method if "schedule" in params else "ns/op"
        if method == "stepOnly":   # the scattered step counter alone: the harness cost inside valueAt
            row, column = "(stepOnly: the step counter alone)", "valueAt"
        if column not in methods:
            methods.append(column)
        m = r["primaryMetric"]
        alloc = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        cell = f"{m['score']:.1f} ± {m['scoreError']:.1f}"
        if "schedule" in params and m["score"] > TARGET_NS:
            cell = f"**{cell}**"
        entry = rows.setdefault(row, {"cells": {}, "alloc": None})
        entry["cells"][column] = cell
        if alloc is not None:
            entry["alloc"] = max(alloc["score"], entry["alloc"] or 0.0)
    first = "schedule" if any("schedule" in (r.get("params") or {}) for r in results) else "benchmark"
    header = [first] + [f"{c}, ns/op" if c != "ns/op" else c for c in methods] + ["B/op"]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for row, entry in rows.items():
        cells = [entry["cells"].get(c, "") for c in methods]
        alloc = "n/a" if entry["alloc"] is None else f"{entry['alloc']:.3f}"
        print("| " + " | ".join([row] + cells + [alloc]) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/results/schedule-eval.json")
