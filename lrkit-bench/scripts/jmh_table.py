#!/usr/bin/env python3
"""Prints a JMH JSON result (-rf json) as the Markdown table of docs/benchmarks.md.

Usage: python3 lrkit-bench/scripts/jmh_table.py bench/results/schedule-eval.json

Columns: the benchmark (or its `schedule` parameter), the mean ± JMH's 99.9% error, the best
iteration (the one least disturbed by other load on a shared machine) and gc.alloc.rate.norm in
B/op when the run used -prof gc. valueAt rows over the 20 ns target are marked.
"""
import json
import sys

TARGET_NS = 20.0


def main(path):
    with open(path) as f:
        results = json.load(f)
    first = "schedule" if any("schedule" in (r.get("params") or {}) for r in results) else "benchmark"
    print(f"| {first} | ns/op ± error | best iteration, ns/op | B/op |")
    print("|---|---:|---:|---:|")
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[-1]
        params = r.get("params") or {}
        if "schedule" in params:
            name = params["schedule"]
        elif name == "stepOnly":
            name = "(stepOnly: harness cost, no schedule)"
        m = r["primaryMetric"]
        raw = [x for fork in m["rawData"] for x in fork]
        alloc = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        b_op = f"{alloc['score']:.3f}" if alloc else "n/a"
        flag = " **> 20**" if "schedule" in params and m["score"] > TARGET_NS else ""
        print(f"| {name} | {m['score']:.1f} ± {m['scoreError']:.1f}{flag} | {min(raw):.1f} | {b_op} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/results/schedule-eval.json")
