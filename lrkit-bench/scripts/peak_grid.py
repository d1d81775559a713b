#!/usr/bin/python3
"""The peak grid: how well `--policy auto` chooses the one-cycle peak, against a grid of hand-set peaks.

For each case (model, data, batch size, optimizer, epochs) it trains the one-cycle policy
oneCyclePolicy(peak=P, totalSteps=auto) at every peak P of the case's log-spaced grid and every seed, and
`--policy auto` with the same seeds; and it records range-test curves of the case (the sweep `auto` runs,
one per seed), the raw material the advice rule is designed and tested on.

    /usr/bin/python3 lrkit-bench/scripts/peak_grid.py [--cases all|checks|NAME,...] [--seeds 0,1]
                                                       [--kinds curves,grid,auto --rule RULE] [--dry-run]

Resumable: each finished run appends one JSON line to bench/results/peak-grid/<case>.jsonl, and a run
whose line is already there is skipped, so the command can be stopped and started again at any point.
`auto` lines are keyed by the peak rule that chose the peak (--rule, checked against summary.json's
rangeTest.rule after each run) and the build's commit, so a new rule reruns only the `auto` runs. Run directories go to
runs/peak-grid/ (not committed). peak_grid_table.py turns the lines into the table of docs/benchmarks.md.

Needs: Fashion-MNIST (apt-get install dataset-fashion-mnist) and, for the CIFAR case, LRKIT_DATA pointing
at a folder with CIFAR-10 (the JPEG copy is lossy: its accuracies run below the binary set's). Every run
uses 2 libtorch threads; run nothing else meanwhile if you read the seconds.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESULTS = os.path.join(ROOT, "bench", "results", "peak-grid")
WORK = os.path.join(ROOT, "runs", "peak-grid")


def ladder(low, high):
    """The 1-2-5 ladder from low to high, both included: log-spaced at about a third of a decade."""
    values = []
    decade = 10.0 ** -8
    while decade <= high * 10:
        for mantissa in (1, 2, 5):
            value = float("%.3g" % (mantissa * decade))
            if low * 0.999 <= value <= high * 1.001:
                values.append(value)
        decade *= 10
    return values


ONE_CYCLE = "oneCyclePolicy(peak={peak}, totalSteps=auto)"
EMBEDDED = ["--dataset", "fashion-mnist-embedded", "--model", "fashion_cnn", "--batch-size", "128"]

# Each case: the training options (after the policy), the epochs and the grid of peaks; optionally the
# policy (a template with {peak} and {base} = peak / 4; one-cycle by default) and the policy its auto run
# trains (default: auto). The embedded set has 46 steps an epoch at batch 128.
CASES = {
    "fashion_cnn-b128": {
        "options": ["--dataset", "fashion-mnist", "--model", "fashion_cnn", "--batch-size", "128"],
        "epochs": 6,
        "peaks": ladder(0.01, 1.0),
    },
    "lenet5-b512": {
        "options": ["--dataset", "fashion-mnist", "--model", "lenet5", "--batch-size", "512"],
        "epochs": 8,
        "peaks": ladder(0.01, 1.0),
    },
    "mlp-adamw": {
        "options": ["--dataset", "fashion-mnist", "--model", "mlp", "--batch-size", "128", "--optimizer", "adamw"],
        "epochs": 5,
        "peaks": ladder(1e-4, 1e-2),
    },
    "resnet20-cifar20k": {
        "options": ["--dataset", "cifar10", "--model", "resnet20", "--batch-size", "128", "--train-size", "20000"],
        "epochs": 6,
        "peaks": ladder(0.02, 2.0),
    },
    # The demo's data: where auto's one-cycle run lands, the rate step decay does best at, and one cyclical
    # and one SGDR policy whose auto rates follow the same peak.
    "demo-one-cycle": {"options": EMBEDDED, "epochs": 4, "peaks": ladder(0.01, 1.0)},
    # The same data and range test, four times the steps: does the best peak follow the run's length?
    "demo-one-cycle-16": {"options": EMBEDDED, "epochs": 16, "peaks": ladder(0.01, 1.0)},
    "demo-step-decay": {
        "options": EMBEDDED, "epochs": 4, "peaks": ladder(0.005, 0.5),
        "policy": "multiStepDecay(initial={peak}, milestones=[92, 138], factor=0.1)",
        "auto": None,
    },
    "demo-cyclical": {
        "options": EMBEDDED, "epochs": 4, "peaks": ladder(0.01, 1.0),
        "policy": "cyclical(base={base}, peak={peak}, stepsUp=46)",
        "auto": "cyclical(base=auto, peak=auto, stepsUp=46)",
    },
    "demo-sgdr": {
        "options": EMBEDDED, "epochs": 4, "peaks": ladder(0.01, 1.0),
        "policy": "sgdr(peak={peak}, firstPeriod=61, periodMultiplier=2)",
        "auto": "sgdr(peak=auto, firstPeriod=61, periodMultiplier=2)",
    },
}
ORDER = ["mlp-adamw", "fashion_cnn-b128", "lenet5-b512", "resnet20-cifar20k"]
CHECKS = ["demo-one-cycle", "demo-one-cycle-16", "demo-step-decay", "demo-cyclical", "demo-sgdr"]
THREADS = "2"


def lrkit():
    """The command that runs lrkit: ./lrkit, or `java -jar $LRKIT_JAR` to keep one build for a long grid
    while the sources change."""
    jar = os.environ.get("LRKIT_JAR")
    return ["java", "-jar", jar] if jar else [os.path.join(ROOT, "lrkit")]


def done_keys(case):
    """The keys of the runs already recorded for a case."""
    path = os.path.join(RESULTS, case + ".jsonl")
    if not os.path.exists(path):
        return set()
    with open(path) as lines:
        return {json.loads(line)["key"] for line in lines if line.strip()}


def append(case, row):
    """Appends one result line (a whole line in one write, so a killed run never leaves half a line)."""
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, case + ".jsonl"), "a") as out:
        out.write(json.dumps(row, sort_keys=True) + "\n")


def commit():
    """The commit of the build that runs: LRKIT_COMMIT when a saved jar runs, else the checkout's HEAD."""
    if os.environ.get("LRKIT_COMMIT"):
        return os.environ["LRKIT_COMMIT"]
    done = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE, text=True)
    return done.stdout.strip()


def run(command):
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    return done.returncode, done.stdout


def train(case, policy, seed, folder):
    """Trains one run and returns its summary.json (also for a diverged run, which exits non-zero)."""
    spec = CASES[case]
    if os.path.exists(folder):
        shutil.rmtree(folder)  # an unfinished earlier attempt: its line was never written
    epochs = str(spec["epochs"])
    command = [*lrkit(), "train", "--policy", policy, *spec["options"], "--epochs", epochs, "--seed", str(seed),
               "--threads", THREADS, "--checkpoint-every", epochs, "--out", folder, "--quiet"]
    code, _ = run(command)
    summary_file = os.path.join(folder, "summary.json")
    if not os.path.exists(summary_file):
        sys.exit("no summary.json after: " + " ".join(command) + " (exit %d)" % code)
    with open(summary_file) as summary:
        return json.load(summary), " ".join(command)


def training_row(case, kind, peak, seed, summary, command):
    result = summary["runs"][0]
    row = {"case": case, "kind": kind, "seed": seed, "status": result["status"],
           "finalAccuracy": result.get("finalAccuracy"), "seconds": result.get("seconds"),
           "epochs": CASES[case]["epochs"], "date": datetime.date.today().isoformat(), "commit": commit(),
           "command": command}
    if kind == "grid":
        row["peak"] = peak
        row["key"] = "grid/%g/%d" % (peak, seed)
    else:
        advice = summary.get("rangeTest", {})
        # Builds before the peak rule (commit c743e87 and earlier) trained auto at the consensus.
        peaks = advice.get("peaks") or [{"peak": advice.get("consensus")}]
        row["peak"] = peaks[0].get("peak")
        row["heldRate"] = peaks[0].get("heldRate")
        row["rule"] = advice.get("rule", "consensus")
        row["rangeTest"] = advice
        row["key"] = "auto/%s@%s/%d" % (row["rule"], row["commit"], seed)
    return row


# The range-test sweeps whose curves are kept: (first learning rate, last, steps). "s100" is what auto runs
# by default; the others are what a different sweep would have shown the advice rule.
SWEEPS = {"s100": (1e-5, 10, 100), "s300": (1e-5, 10, 300)}


def curve_row(case, sweep, seed):
    """Records the range test that `train --policy auto` runs (on the case's own data, model and seed),
    with the given sweep, and keeps its curve."""
    spec = CASES[case]
    start, end, steps = SWEEPS[sweep]
    folder = os.path.join(WORK, case, "curve-%s-seed-%d" % (sweep, seed))
    if os.path.exists(folder):
        shutil.rmtree(folder)
    command = [*lrkit(), "train", "--policy", "auto", *spec["options"], "--steps", "3", "--seed", str(seed),
               "--find-start", "%g" % start, "--find-end", "%g" % end, "--find-steps", str(steps),
               "--threads", THREADS, "--out", folder, "--quiet"]
    run(command)
    curve = os.path.join(folder, "range-test", "curve.csv")
    if not os.path.exists(curve):
        sys.exit("no range-test curve after: " + " ".join(command))
    keep = os.path.join(RESULTS, "curves")
    os.makedirs(keep, exist_ok=True)
    target = os.path.join(keep, "%s-%s-seed-%d.csv" % (case, sweep, seed))
    shutil.copyfile(curve, target + ".tmp")
    os.replace(target + ".tmp", target)
    return {"case": case, "kind": "curve", "sweep": sweep, "seed": seed, "key": "curve/%s/%d" % (sweep, seed),
            "curve": os.path.relpath(target, ROOT), "date": datetime.date.today().isoformat(),
            "commit": commit(), "command": " ".join(command)}


def grid_policy(case, peak):
    """The policy a grid run of the case trains, at the given peak."""
    template = CASES[case].get("policy", ONE_CYCLE)
    return template.format(peak="%g" % peak, base="%.3g" % (peak / 4))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default="all", help="all (the four cases), checks (the demo's data) or names separated by commas: "
                        + ", ".join(ORDER + CHECKS))
    parser.add_argument("--seeds", default="0,1", help="seeds, separated by commas (0,1)")
    parser.add_argument("--kinds", default="curves,grid,auto",
                        help="what to run: curves (the range tests), grid, auto")
    parser.add_argument("--rule", help="the peak rule of this build's auto (keys the auto runs; checked after each)")
    parser.add_argument("--dry-run", action="store_true", help="print what would run, run nothing")
    args = parser.parse_args()
    cases = ORDER if args.cases == "all" else CHECKS if args.cases == "checks" else args.cases.split(",")
    for case in cases:
        if case not in CASES:
            sys.exit("unknown case %r; the cases are %s" % (case, ", ".join(ORDER + CHECKS)))
    seeds = [int(s) for s in args.seeds.split(",")]
    kinds = args.kinds.split(",")
    rule = args.rule
    if "auto" in kinds and not rule:
        sys.exit("--rule is needed with --kinds auto: the name of the peak rule this build's auto applies "
                 "(summary.json's rangeTest.rule, e.g. divergence/10), which keys the auto runs")
    for case in cases:
        done = done_keys(case)
        jobs = []
        if "curves" in kinds:
            jobs += [("curve", sweep, s, "curve/%s/%d" % (sweep, s)) for sweep in SWEEPS for s in seeds]
        if "grid" in kinds:
            jobs += [("grid", p, s, "grid/%g/%d" % (p, s)) for s in seeds for p in CASES[case]["peaks"]]
        if "auto" in kinds and CASES[case].get("auto", "auto"):
            jobs += [("auto", None, s, "auto/%s@%s/%d" % (rule, commit(), s)) for s in seeds]
        for kind, peak, seed, key in jobs:
            if key in done:
                continue
            print("%s: %s" % (case, key), file=sys.stderr, flush=True)
            if args.dry_run:
                continue
            if kind == "curve":
                append(case, curve_row(case, peak, seed))
                continue
            policy = CASES[case].get("auto", "auto") if kind == "auto" else grid_policy(case, peak)
            folder = os.path.join(WORK, case, key.replace("/", "-"))
            summary, command = train(case, policy, seed, folder)
            row = training_row(case, kind, peak, seed, summary, command)
            if kind == "auto" and row["key"] != key:
                sys.exit("the build's rule changed during the run: expected %s, got %s" % (key, row["key"]))
            append(case, row)


if __name__ == "__main__":
    main()
