#!/usr/bin/python3
"""What running a grid through `lrkit sweep` (Apache Spark, local mode) costs, against the same runs trained
one after another with `lrkit train`.

Three ways through one grid (default: lrkit-bench/grids/demo-one-cycle.txt, 16 runs on the embedded data):

  sweep-t2      ./lrkit sweep --threads 2: one run at a time on two cores, each run exactly the run of
                `lrkit train --threads 2` (bit-identical), so the difference to `sequential` is Spark's
                cost: its start-up and stop, scheduling, and the driver's reading and report.
  sweep-t1      ./lrkit sweep --threads 1: two runs at once, one thread each (the default).
  sequential    ./lrkit train --threads 2 for each run of the grid, one after another, as a script would.

Each is timed from the command's start to its exit (JVM start-ups and the report included). Spark's share
of a sweep is (Spark's start-up + stop + the job's time not covered by the runs' processes) / the sweep's
wall time, from the timing in its summary.json; the runs' final accuracies are compared with the recorded
peak-grid runs where the case has them (bench/results/peak-grid/<case>.jsonl, also --threads 2).

    /usr/bin/python3 lrkit-bench/scripts/sweep_overhead.py [--grid FILE] [--ways sweep-t2,sweep-t1,sequential]

Resumable: each finished way appends one JSON line to bench/results/sweep-overhead-<date>.jsonl and is
skipped next time. Run nothing else meanwhile: the point is the seconds.
"""

import argparse
import datetime
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LRKIT = os.path.join(ROOT, "lrkit")
WORK = os.path.join(ROOT, "runs", "sweep-overhead")
WAYS = ["sweep-t2", "sweep-t1", "sequential"]


def results_file():
    return os.path.join(ROOT, "bench", "results", "sweep-overhead-%s.jsonl" % datetime.date.today().isoformat())


def done(grid):
    path = results_file()
    if not os.path.exists(path):
        return set()
    with open(path) as lines:
        return {row["way"] for row in map(json.loads, filter(str.strip, lines)) if row["grid"] == grid}


def append(row):
    os.makedirs(os.path.dirname(results_file()), exist_ok=True)
    with open(results_file(), "a") as out:
        out.write(json.dumps(row, sort_keys=True) + "\n")


def timed(command, diverged_ok=None):
    """Runs a command and returns its wall seconds; exits on a failure, except a run that diverged (lrkit
    train exits 1 for it, and the sweep counts it as a finished run) when diverged_ok names its folder."""
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    start = time.monotonic()
    finished = subprocess.run(command, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    if finished.returncode != 0 and not (diverged_ok and status(diverged_ok) == "diverged"):
        sys.exit("failed (exit %d): %s" % (finished.returncode, " ".join(command)))
    return seconds


def status(run_directory):
    """The status of the single run in an lrkit train run directory, or None."""
    try:
        with open(os.path.join(run_directory, "summary.json")) as text:
            return json.load(text)["runs"][0]["status"]
    except (OSError, KeyError, IndexError, ValueError):
        return None


def sweep(grid, threads, out):
    shutil.rmtree(out, ignore_errors=True)
    wall = timed([LRKIT, "sweep", "--grid", "@" + grid, "--threads", str(threads), "--out", out, "--quiet"])
    with open(os.path.join(out, "summary.json")) as text:
        summary = json.load(text)
    timing = summary["timing"]
    covered = timing["runWallSeconds"] / timing["slots"]
    spark = timing["sparkStartSeconds"] + timing["sparkStopSeconds"] + max(0.0, timing["jobSeconds"] - covered)
    finals = {run["folder"]: run["finalAccuracy"] for run in summary["runs"]}
    return {"wallSeconds": wall, "timing": timing, "sparkSeconds": spark, "sparkShare": spark / wall,
            "runs": len(summary["runs"]), "finalAccuracy": finals}


def sequential(reference_out, out):
    """Trains each run of a finished sweep again with lrkit train --threads 2, one after another: the command
    line each run's config.json records (as its task gave it), with this way's threads and folder."""
    shutil.rmtree(out, ignore_errors=True)
    with open(os.path.join(reference_out, "summary.json")) as text:
        runs = json.load(text)["runs"]
    total = 0.0
    finals = {}
    for run in runs:
        with open(os.path.join(reference_out, run["folder"], "config.json")) as text:
            recorded = shlex.split(json.load(text)["commandLine"])[2:]
        options = []
        skip = False
        for word in recorded:
            if skip:
                skip = False
            elif word in ("--out", "--threads"):
                skip = True
            elif word not in ("--quiet", "-q"):
                options.append(word)
        folder = os.path.join(out, run["folder"])
        total += timed([LRKIT, "train"] + options + ["--threads", "2", "--quiet", "--out", folder], folder)
        with open(os.path.join(out, run["folder"], "summary.json")) as text:
            finals[run["folder"]] = json.load(text)["runs"][0]["finalAccuracy"]
    return {"wallSeconds": total, "runs": len(runs), "finalAccuracy": finals}


def against_peak_grid(name, out, finals):
    """How many runs end with exactly the final accuracy the peak-grid script recorded for them (same options
    and threads), and how many could be compared; None when the case has no recorded runs. An `auto` run is
    compared with the recorded line of the rule that chose its peak (its summary.json's rangeTest.rule)."""
    path = os.path.join(ROOT, "bench", "results", "peak-grid", name + ".jsonl")
    if not os.path.exists(path):
        return None
    with open(path) as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    recorded = {}
    for row in rows:
        if row["kind"] == "grid":
            recorded["runs/one-cycle/peak=%s/seed-%d" % (row["peak"], row["seed"])] = row["finalAccuracy"]
    for folder in finals:
        if folder.startswith("runs/auto/"):
            with open(os.path.join(out, folder, "summary.json")) as text:
                rule = json.load(text).get("rangeTest", {}).get("rule")
            seed = int(folder.rsplit("-", 1)[1])
            for row in rows:
                if row["kind"] == "auto" and row.get("rule") == rule and row["seed"] == seed:
                    recorded[folder] = row["finalAccuracy"]
    compared = [folder for folder in finals if folder in recorded]
    equal = [folder for folder in compared if finals[folder] == recorded[folder]]
    return {"compared": len(compared), "equal": len(equal),
            "different": {folder: [finals[folder], recorded[folder]] for folder in compared if folder not in equal}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", default=os.path.join("lrkit-bench", "grids", "demo-one-cycle.txt"))
    parser.add_argument("--ways", default=",".join(WAYS))
    args = parser.parse_args()
    grid = args.grid
    name = os.path.splitext(os.path.basename(grid))[0]
    finished = done(grid)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                            text=True).stdout.strip()
    for way in args.ways.split(","):
        if way in finished:
            print("%s: done already (%s)" % (way, results_file()), file=sys.stderr)
            continue
        out = os.path.join(WORK, name, way)
        if way == "sweep-t2":
            row = sweep(grid, 2, out)
        elif way == "sweep-t1":
            row = sweep(grid, 1, out)
        elif way == "sequential":
            reference = os.path.join(WORK, name, "sweep-t2")
            if not os.path.exists(os.path.join(reference, "summary.json")):
                sys.exit("sequential trains the runs of sweep-t2: run that way first")
            row = sequential(reference, out)
        else:
            sys.exit("unknown way %r; the ways are %s" % (way, ", ".join(WAYS)))
        row["peakGrid"] = against_peak_grid(name, out, row["finalAccuracy"])
        row.update({"way": way, "grid": grid, "commit": commit, "date": datetime.date.today().isoformat(),
                    "cores": os.cpu_count()})
        append(row)
        print("%s: %.1f s" % (way, row["wallSeconds"]), file=sys.stderr)


if __name__ == "__main__":
    main()
