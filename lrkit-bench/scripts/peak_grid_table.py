#!/usr/bin/python3
"""The peak grid's table: reads bench/results/peak-grid/<case>.jsonl (written by peak_grid.py) and prints,
per case, every seed's final accuracy at each peak of the grid, the grid's best, what `auto` chose and
reached, and what each single range-test heuristic would have chosen, with the accuracy read off the grid
at that peak (linear in log(peak) between the two grid peaks around it; off the grid: no score, a fail).

    /usr/bin/python3 lrkit-bench/scripts/peak_grid_table.py [--rules valley-exit,minimum] [--commit C] [--out F]

The verdict follows the rule stated in docs/benchmarks.md: auto passes a case within 0.5 points of the
grid's best mean, and passes overall when it passes every case and its mean shortfall is below every
single heuristic's.
"""

import argparse
import collections
import json
import math
import os
import statistics
import sys

from peak_grid import CASES, CHECKS, ORDER, RESULTS

TOLERANCE = 0.005
SEEDS = 2  # every case is judged on seeds 0 and 1
HEURISTICS = ["steepest", "valley", "minimum/10", "slide", "Smith's upper bound", "consensus"]


def rows_of(case):
    path = os.path.join(RESULTS, case + ".jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def grid_scores(rows):
    """{peak: {seed: accuracy}} of the grid runs (a diverged run scores its final accuracy, often 10%)."""
    grid = collections.defaultdict(dict)
    for row in rows:
        if row["kind"] == "grid":
            grid[row["peak"]][row["seed"]] = row["finalAccuracy"] or 0.0
    return grid


def read_off(means, peak):
    """The grid's mean accuracy at `peak`, linear in log(peak) between the grid peaks around it, or None
    off the grid."""
    peaks = sorted(means)
    if not peaks or peak < peaks[0] * 0.999 or peak > peaks[-1] * 1.001:
        return None
    for low, high in zip(peaks, peaks[1:]):
        if low <= peak <= high:
            t = (math.log(peak) - math.log(low)) / (math.log(high) - math.log(low))
            return means[low] + t * (means[high] - means[low])
    return means[peaks[0]]


def heuristic_choices(advice):
    """Each heuristic's learning rate in one auto run's recorded advice."""
    chosen = {s["method"]: s["lr"] for s in advice.get("suggestions", [])}
    chosen["Smith's upper bound"] = advice.get("clrUpper")
    chosen["consensus"] = advice.get("consensus")
    return chosen


def percent(value):
    return "-" if value is None else "%.2f" % (100 * value)


def number(value):
    return "-" if value is None else "%.3g" % value


def chosen_rate(case, row):
    """The rate an auto run trained at: the one-cycle peak, or the held rate for the other policies."""
    return row["heldRate"] if "policy" in CASES[case] else row["peak"]


def case_table(case, rules, commit=None, heuristics=True):
    rows = rows_of(case)
    grid = grid_scores(rows)
    if not grid:
        return None, ["### `%s`\n\nNo grid runs yet: `peak_grid.py --cases %s`.\n" % (case, case)]
    seeds = sorted({s for runs in grid.values() for s in runs})
    means = {p: statistics.mean(runs.values()) for p, runs in grid.items()}
    best = max(means, key=means.get)
    lines = ["### `%s`" % case, "",
             "| peak | " + " | ".join("seed %d" % s for s in seeds) + " | mean |",
             "|---|" + "---|" * (len(seeds) + 1)]
    for peak in sorted(grid):
        cells = [percent(grid[peak].get(s)) for s in seeds]
        mark = "**" if peak == best else ""
        lines.append("| %s%s%s | %s | %s%s%s |" % (mark, number(peak), mark, " | ".join(cells), mark,
                                                  percent(means[peak]), mark))
    lines.append("")
    result = {"case": case, "best": best, "bestScore": means[best],
              "runs": sum(len(runs) for runs in grid.values()),
              "planned": len(CASES[case]["peaks"]) * max(SEEDS, len(seeds))}
    autos = [r for r in rows if r["kind"] == "auto" and r.get("rule") in rules
             and (commit is None or r.get("commit") == commit)]
    old_autos = [r for r in rows if r["kind"] == "auto" and r.get("rule") == "consensus"]
    edge = best in (min(grid), max(grid))
    if edge:
        lines.append("The best peak is at the grid's edge: extend the grid before judging.\n")
    if not autos:
        lines.append("No `auto` runs yet with rule %s.\n" % " or ".join("`%s`" % r for r in rules))
        return result, lines
    lines += ["| policy | chosen peak per seed | final accuracy per seed | mean | below the best |",
              "|---|---|---|---|---|"]
    auto_mean = statistics.mean(r["finalAccuracy"] or 0.0 for r in autos)
    lines.append("| `auto` (%s) | %s | %s | %s | %s |" % (
        autos[0].get("rule"), ", ".join(number(chosen_rate(case, r)) for r in autos),
        ", ".join(percent(r["finalAccuracy"]) for r in autos), percent(auto_mean),
        percent(means[best] - auto_mean)))
    if old_autos:
        old_mean = statistics.mean(r["finalAccuracy"] or 0.0 for r in old_autos)
        lines.append("| `auto` before (consensus) | %s | %s | %s | %s |" % (
            ", ".join(number(r["peak"]) for r in old_autos), ", ".join(percent(r["finalAccuracy"]) for r in old_autos),
            percent(old_mean), percent(means[best] - old_mean)))
    result["auto"] = means[best] - auto_mean
    result["shortfalls"] = {}
    for name in HEURISTICS if heuristics else []:
        picks = [heuristic_choices(r["rangeTest"]).get(name) for r in autos]
        scores = [read_off(means, p) if p else None for p in picks]
        score = None if any(s is None for s in scores) else statistics.mean(scores)
        result["shortfalls"][name] = None if score is None else means[best] - score
        lines.append("| %s | %s | read off the grid | %s | %s |" % (
            name, ", ".join(number(p) for p in picks), percent(score),
            "off the grid" if score is None else percent(means[best] - score)))
    costs = [r["rangeTest"]["seconds"] / r["seconds"] for r in autos if r.get("seconds")]
    if costs:
        lines.append("")
        lines.append("The range test took %s of the training time (per seed: %s)." % (
            "%.1f%%" % (100 * statistics.mean(costs)), ", ".join("%.1f%%" % (100 * c) for c in costs)))
    lines.append("")
    result["edge"] = edge
    return result, lines


def verdict(results):
    incomplete = [r["case"] for r in results if r and r["runs"] < r["planned"]]
    if incomplete:
        return "Not judged yet: the grid of %s is incomplete." % ", ".join("`%s`" % c for c in incomplete)
    judged = [r for r in results if r and "auto" in r]
    if len(judged) < len(ORDER):
        return "Not judged yet: %d of %d cases have `auto` runs." % (len(judged), len(ORDER))
    passes = all(r["auto"] <= TOLERANCE and not r["edge"] for r in judged)
    auto_mean = statistics.mean(r["auto"] for r in judged)
    beaten = []
    for name in HEURISTICS:
        values = [r["shortfalls"][name] for r in judged]
        if all(v is not None for v in values) and statistics.mean(values) <= auto_mean:
            beaten.append(name)
    text = "auto's mean shortfall: %.2f points; worst case %.2f points. " % (
        100 * auto_mean, 100 * max(r["auto"] for r in judged))
    if passes and not beaten:
        return text + "**Pass**: within 0.5 points of the grid's best on every case, and closer on average than" \
                      " every single heuristic."
    reasons = []
    if not passes:
        reasons.append("more than 0.5 points below the best on %s" % ", ".join(
            r["case"] for r in judged if r["auto"] > TOLERANCE or r["edge"]))
    if beaten:
        reasons.append("no closer on average than %s" % ", ".join(beaten))
    return text + "**Fail**: " + "; ".join(reasons) + "."


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default="valley-exit,minimum",
                        help="judge the auto runs of these peak rules (default: valley-exit,minimum)")
    parser.add_argument("--commit", help="judge only the auto runs of this build (default: all of the rules)")
    parser.add_argument("--out", help="also write the table to this file")
    args = parser.parse_args()
    results, lines = [], []
    for case in ORDER:
        result, case_lines = case_table(case, args.rules.split(","), args.commit)
        results.append(result)
        lines += case_lines
    lines.append(verdict(results))
    lines += ["", "## Checks on the demo's data (embedded Fashion-MNIST subset, 1,000 test images)", ""]
    rules = args.rules.split(",")
    for case in CHECKS:
        table = case_table(case, args.rules.split(","), args.commit, heuristics=False)[1]
        policy = CASES[case].get("policy", "oneCyclePolicy(peak={peak}, totalSteps=auto)")
        lines += table[:2] + ["Policy: `%s`, %d epochs." % (policy, CASES[case]["epochs"]), ""] + table[2:]
        if case == "demo-step-decay":
            demo = [r for r in rows_of("demo-one-cycle") if r["kind"] == "auto" and r.get("rule") in rules
                    and (args.commit is None or r.get("commit") == args.commit)]
            if demo:
                lines += ["`lrkit demo` starts step decay at auto's held rate, a quarter of its one-cycle peak: "
                          "%s (per seed)." % ", ".join(number(r["heldRate"]) for r in demo), ""]
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out + ".tmp", "w") as out:
            out.write(text)
        os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
