#!/usr/bin/python3
"""Time to accuracy with the schedule effect and the engine effect apart (issue 16 item 2).

The protocol is in docs/benchmarks.md ("Schedule effect and engine effect apart"), fixed before the runs, for
two cases (--case): fashion (Fashion-MNIST, fashion_cnn, 2026-12-04) and cifar10 (ResNet-20 on 10,000
class-balanced CIFAR-10 training images, no augmentation, 2026-12-05). Per engine (lrkit through ./lrkit
train, PyTorch through torch_bench.py accuracy), one thread each, with fashion's numbers (cifar10's in
brackets):

  1. step decay (x0.1 after 50 % and 75 % of 20 [30] epochs, momentum 0.9) on seed 0 at rates 0.02, 0.05,
     0.1 [0.05, 0.1, 0.2]; the rate with the highest final test accuracy is chosen (exact tie: the lower); if
     it is at an end of the grid, the grid is extended once on that side (0.01 or 0.2 [0.02 or 0.4]) and the
     choice made again;
  2. the chosen rate on seeds 1 and 2;
  3. one-cycle for 5 [10] epochs on seeds 0, 1, 2: lrkit's `--policy auto` (its range test picks the peak);
     PyTorch's OneCycleLR at the peak lrkit's range test picked for the same seed (so lrkit's runs first);
  4. only if that engine's 5 [10]-epoch one-cycle mean curve misses the baseline's final target: one-cycle
     for 8 [15] epochs, seeds 0, 1, 2.

Commands:

    run     train what is missing, one run at a time (resumable: a run whose file exists is skipped)
    plan    print what run would train next, per engine, and stop
    table   build the markdown tables and the headline (with the newest engine-factor folder) from the raw
            files, and write them to <results>/table.md
    engine  the engine factor: both engines at the same one-cycle schedule, a few epochs, interleaved
            repeats (run it on an otherwise idle machine; its own folder, also resumable)

    nohup nice -n 10 /usr/bin/python3 lrkit-bench/scripts/schedule_effect.py run >> runs/schedule-effect.log 2>&1 &
    /usr/bin/python3 lrkit-bench/scripts/schedule_effect.py table
    LRKIT_DATA=../shared/datasets nohup nice -n 10 /usr/bin/python3 lrkit-bench/scripts/schedule_effect.py run \
        --case cifar10 >> runs/schedule-effect-cifar10.log 2>&1 &

Each finished run is one file of JSON lines under bench/results/schedule-effect-fashion-2026-12-04/ (cifar10:
bench/results/schedule-effect-cifar10/): a
"run" line (settings, command, commit, versions, wall time, the load average around it and the busiest
other processes when it started and ended), then one "epoch" line per epoch. A file is written only when
its run has finished (written to a temporary name, then renamed), so a killed run is simply rerun. lrkit's
run folders go to runs/schedule-effect/ (not committed). The machine may be shared: wall times are
recorded with the load, and the schedule factors count epochs, not seconds.
"""

import argparse
import csv
import datetime
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

from peak_grid import commit, lrkit
from side_by_side import PYTHON, ROOT, TORCH_BENCH, torch_env
from time_to_accuracy import batch_file_of, first_reaching, stream

ENGINES = ("lrkit", "pytorch")
SEEDS = (0, 1, 2)
THREADS = 1
RANGE_TEST_STEPS = 100               # counted in full for one-cycle's epochs to a target


class Case:
    """One dataset and model the protocol runs on: where its files go, what each engine trains on, the
    baseline's rate grid and length, and one-cycle's lengths."""

    def __init__(self, name, title, results, lrkit_data, torch_data, description, model, grid, extension,
                 baseline_epochs, milestones, one_cycle_epochs, steps_per_epoch, weight_decay):
        self.name, self.title, self.results = name, title, results
        self.lrkit_data, self.torch_data, self.description, self.model = lrkit_data, torch_data, description, model
        self.grid, self.extension = grid, extension
        self.baseline_epochs, self.milestones, self.one_cycle_epochs = baseline_epochs, milestones, one_cycle_epochs
        self.steps_per_epoch, self.weight_decay = steps_per_epoch, weight_decay
        self.work = os.path.join(ROOT, "runs", "schedule-effect" if name == "fashion" else "schedule-effect-" + name)
        self.engine_results = os.path.join(ROOT, "bench", "results", "engine-factor-" + name)

    @property
    def range_test_epochs(self):
        return RANGE_TEST_STEPS / self.steps_per_epoch


def cifar_batches():
    """PyTorch's CIFAR-10 data: the class-balanced 10,000 training images lrkit's --train-size picks and the
    10,000 test images, exported once by lrkit (the JPEG copy when the binary one is missing)."""
    return ["--train-batches", batch_file_of("train", 10000, "balanced"),
            "--test-batches", batch_file_of("test", 10000, "first")]


CASES = {
    # Fashion-MNIST (protocol fixed 2026-12-04): lrkit drops the last partial batch, 60,000 // 128 = 468 steps.
    "fashion": Case("fashion", "Fashion-MNIST, fashion_cnn",
                    os.path.join(ROOT, "bench", "results", "schedule-effect-fashion-2026-12-04"),
                    ["--dataset", "fashion-mnist", "--model", "fashion_cnn", "--no-augment"],
                    lambda: ["--model", "fashion_cnn"], "fashion-mnist (60,000 train / 10,000 test)", "fashion_cnn",
                    (0.02, 0.05, 0.1), {0.02: 0.01, 0.1: 0.2}, 20, (10, 15), (5, 8), 468, 5e-4),
    # CIFAR-10 ResNet-20 on 10,000 class-balanced training images, no augmentation on either side (protocol
    # fixed 2026-12-05): 10,000 // 128 = 78 steps an epoch.
    "cifar10": Case("cifar10", "CIFAR-10 (the JPEG copy, quality 75, lossy; 10,000 training images), resnet20",
                    os.path.join(ROOT, "bench", "results", "schedule-effect-cifar10"),
                    ["--dataset", "cifar10", "--model", "resnet20", "--train-size", "10000", "--no-augment"],
                    lambda: ["--model", "resnet20", *cifar_batches()],
                    "cifar10 (10,000 class-balanced train / 10,000 test, JPEG copy)", "resnet20",
                    (0.05, 0.1, 0.2), {0.05: 0.02, 0.2: 0.4}, 30, (15, 22), (10, 15), 78, 5e-4),
}
CASE = CASES["fashion"]
SHARED_NOTE = ("shared machine: another engineer's Maven builds may run on the same 2 cores during this run; "
               "its wall time is not a clean measurement (see load_average and busy)")


# ----------------------------------------------------------------------------------------------------------
# Runs and their files
# ----------------------------------------------------------------------------------------------------------

class Job:
    """One training run: engine, schedule ("step-decay" or "one-cycle"), rate (step decay's initial rate;
    None for one-cycle, whose peak comes from lrkit's range test), epochs and seed."""

    def __init__(self, engine, schedule, epochs, seed, rate=None):
        self.engine, self.schedule, self.epochs, self.seed, self.rate = engine, schedule, epochs, seed, rate

    @property
    def key(self):
        tag = "lr%g" % self.rate if self.schedule == "step-decay" else "auto-peak"
        return "%s-%s-%s-e%d-seed-%d" % (self.engine, self.schedule, tag, self.epochs, self.seed)

    def __repr__(self):
        return self.key


def load_runs(folder=None):
    """Every finished run in folder (the case's results by default): key -> {"run": the run line, "epochs": the epoch lines}."""
    folder = folder or CASE.results
    runs = {}
    if not os.path.isdir(folder):
        return runs
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(folder, name)) as lines:
            items = [json.loads(line) for line in lines if line.strip()]
        head = [item for item in items if item["kind"] == "run"]
        if len(head) != 1:
            sys.exit("%s: expected one run line, found %d" % (name, len(head)))
        runs[head[0]["key"]] = {"run": head[0], "epochs": [item for item in items if item["kind"] == "epoch"]}
    return runs


def write_run(folder, key, run, epochs):
    """Writes one run's file whole: to a temporary name first, then renamed."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, key + ".jsonl")
    with open(path + ".tmp", "w") as out:
        out.write(json.dumps({"kind": "run", "key": key, **run}, sort_keys=True) + "\n")
        for epoch in epochs:
            out.write(json.dumps({"kind": "epoch", **epoch}, sort_keys=True) + "\n")
    os.replace(path + ".tmp", path)
    return path


# ----------------------------------------------------------------------------------------------------------
# What else is running
# ----------------------------------------------------------------------------------------------------------

def busiest():
    """The busiest processes over one second (top's second frame): 'pid user %cpu command line' lines, the
    command line cut to 160 characters (enough to tell a Maven build from a training run)."""
    done = subprocess.run(["top", "-b", "-c", "-n", "2", "-d", "1", "-w", "512"], stdout=subprocess.PIPE,
                          text=True)
    frames = done.stdout.split("\ntop - ")
    lines = frames[-1].splitlines()
    header = next((i for i, line in enumerate(lines) if line.lstrip().startswith("PID")), None)
    if header is None:
        return []
    busy = []
    for line in lines[header + 1:header + 8]:
        parts = line.split(None, 11)
        if len(parts) == 12 and float(parts[8].replace(",", ".")) >= 5:
            busy.append("%s %s %s%% %s" % (parts[0], parts[1], parts[8], parts[11].strip()[:160]))
    return busy


class LoadSampler:
    """Samples the 1-minute load average every 30 s while a run trains."""

    def __init__(self):
        self.samples = [os.getloadavg()[0]]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while not self.stop.wait(30):
            self.samples.append(os.getloadavg()[0])

    def finish(self):
        self.stop.set()
        self.thread.join()
        self.samples.append(os.getloadavg()[0])
        return {"samples": len(self.samples), "mean": round(statistics.mean(self.samples), 2),
                "max": round(max(self.samples), 2)}


# ----------------------------------------------------------------------------------------------------------
# Training
# ----------------------------------------------------------------------------------------------------------

def lrkit_policy(job, peak=None):
    if job.schedule == "step-decay":
        milestones = ", ".join(str(e * CASE.steps_per_epoch) for e in CASE.milestones)
        return "step=multiStepDecay(initial=%g, milestones=[%s], factor=0.1)" % (job.rate, milestones)
    if peak is not None:
        return "one-cycle=oneCyclePolicy(peak=%r, totalSteps=auto)" % peak
    return "auto"


def train_lrkit(job, folder, policy=None):
    """Trains one lrkit run; returns (run fields, epoch lines)."""
    if os.path.exists(folder):
        shutil.rmtree(folder)  # an unfinished earlier attempt: its file was never written
    os.makedirs(os.path.dirname(folder), exist_ok=True)
    command = [*lrkit(), "train", *CASE.lrkit_data,
               "--policy", policy or lrkit_policy(job), "--epochs", str(job.epochs), "--batch-size", "128",
               "--momentum", "0.9", "--weight-decay", "%g" % CASE.weight_decay, "--threads", str(THREADS), "--seed", str(job.seed),
               "--checkpoint-every", str(job.epochs), "--out", folder, "--quiet"]
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    code = subprocess.run(command, stdout=subprocess.DEVNULL).returncode
    summary_file = os.path.join(folder, "summary.json")
    if not os.path.exists(summary_file):
        sys.exit("no summary.json after: %s (exit %d)" % (" ".join(command), code))
    with open(summary_file) as text:
        summary = json.load(text)
    with open(os.path.join(folder, "config.json")) as text:
        config = json.load(text)
    result = summary["runs"][0]
    epochs_csv = os.path.join(folder, result["folder"], "epochs.csv")
    with open(epochs_csv) as table:
        epochs = [{"epoch": int(row["epoch"]) + 1, "test_accuracy": float(row["val_accuracy"]),
                   "test_loss": float(row["val_loss"]), "train_loss": float(row["train_loss"]),
                   "lr": float(row["lr"]), "seconds": float(row["seconds"])} for row in csv.DictReader(table)]
    run = {"status": result["status"], "exit": code, "command": " ".join(command),
           "spec": config["policies"][0]["spec"], "steps_per_epoch": config["data"]["stepsPerEpoch"],
           "version": "lrkit %s, DJL %s, %s" % (config["environment"]["lrkit"], config["environment"]["djl"],
                                                config["environment"]["libtorch"]),
           "training_seconds": result.get("seconds")}
    range_test = summary.get("rangeTest")
    if range_test:
        run["peak"] = range_test["peaks"][0]["peak"]
        run["range_test"] = {name: range_test.get(name) for name in ("rule", "peakRule", "stepsRun", "stopReason",
                                                                      "seconds", "modelRestored")}
    return run, epochs


def train_pytorch(job, peak=None):
    """Trains one PyTorch run; returns (run fields, epoch lines)."""
    command = [PYTHON, TORCH_BENCH, "accuracy", *CASE.torch_data(), "--epochs", str(job.epochs),
               "--batch-size", "128", "--momentum", "0.9", "--weight-decay", "%g" % CASE.weight_decay, "--threads", str(THREADS),
               "--interop-threads", "1", "--seed", str(job.seed)]
    if job.schedule == "step-decay":
        command += ["--schedule", "step", "--lr", "%g" % job.rate, "--gamma", "0.1",
                    "--milestones", ",".join(str(e) for e in CASE.milestones)]
    else:
        command += ["--schedule", "onecycle", "--lr", repr(peak)]
    lines = stream(command, torch_env())
    summary = [line for line in lines if line.get("summary")]
    epochs = [line for line in lines if "epoch" in line and not line.get("summary")]
    if len(summary) != 1 or len(epochs) != job.epochs:
        sys.exit("incomplete output from: " + " ".join(command))
    summary = summary[0]
    run = {"status": "completed", "exit": 0, "command": " ".join(command),
           "version": "PyTorch %s (%s)" % (summary["version"], summary["blas"]),
           "steps_per_epoch": -(-summary["train_size"] // 128), "training_seconds": summary["seconds"]}
    if peak is not None:
        run["peak"] = peak
    return run, epochs


def lrkit_peak(runs, epochs, seed):
    """The peak lrkit's range test chose for a one-cycle run of this length and seed, or None if not run."""
    found = runs.get(Job("lrkit", "one-cycle", epochs, seed).key)
    return found["run"]["peak"] if found else None


def execute(job, runs):
    """Trains a job and writes its file."""
    peak = None
    if job.engine == "pytorch" and job.schedule == "one-cycle":
        peak = lrkit_peak(runs, job.epochs, job.seed)
        if peak is None:
            sys.exit("%s needs lrkit's range-test peak for seed %d first" % (job.key, job.seed))
    started = datetime.datetime.now(datetime.timezone.utc)
    busy_before = busiest()
    sampler = LoadSampler()
    clock = time.monotonic()
    if job.engine == "lrkit":
        run, epochs = train_lrkit(job, os.path.join(CASE.work, job.key))
    else:
        run, epochs = train_pytorch(job, peak)
    wall = time.monotonic() - clock
    load = sampler.finish()
    busy_after = busiest()
    finished = datetime.datetime.now(datetime.timezone.utc)
    accuracies = [e["test_accuracy"] for e in epochs]
    best = max(accuracies) if accuracies else None
    run.update({
        "engine": job.engine, "schedule": job.schedule, "rate": job.rate, "epochs": job.epochs, "seed": job.seed,
        "dataset": CASE.description, "model": CASE.model, "batch_size": 128,
        "weight_decay": CASE.weight_decay, "threads": THREADS, "shuffled": True,
        "milestones_epochs": list(CASE.milestones) if job.schedule == "step-decay" else None,
        "peak_source": (None if job.schedule == "step-decay" else
                        "lrkit range test (--policy auto)" if job.engine == "lrkit" else
                        "lrkit's range-test peak for the same seed and length"),
        "final_accuracy": accuracies[-1] if accuracies else None, "best_accuracy": best,
        "best_epoch": accuracies.index(best) + 1 if accuracies else None,
        "started": started.isoformat(timespec="seconds"), "finished": finished.isoformat(timespec="seconds"),
        "wall_seconds": round(wall, 1), "load_average": load, "busy_before": busy_before, "busy_after": busy_after,
        "note": SHARED_NOTE, "commit": commit(), "host_cores": os.cpu_count(),
    })
    path = write_run(CASE.results, job.key, run, epochs)
    print("  %s: final %.2f %%, best %.2f %% (epoch %s), %.0f s wall, load %.2f -> %s" % (
        job.key, 100 * run["final_accuracy"], 100 * best, run["best_epoch"], wall, load["mean"],
        os.path.relpath(path, ROOT)), file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------------------------------
# The plan and the protocol's readings
# ----------------------------------------------------------------------------------------------------------

def mean_curve(items):
    """The mean over runs of the test accuracy (and of the cumulative seconds) after each epoch (runs of
    equal length)."""
    lengths = {len(item["epochs"]) for item in items}
    if len(lengths) != 1:
        raise ValueError("runs of different lengths: %s" % sorted(lengths))
    return [{"epoch": n + 1,
             "test_accuracy": statistics.mean(item["epochs"][n]["test_accuracy"] for item in items),
             "seconds": statistics.mean(item["epochs"][n]["seconds"] for item in items)}
            for n in range(lengths.pop())]


def chosen_rate(runs, engine):
    """(the chosen step-decay rate, or None while seed 0's grid is incomplete; the jobs still needed for it)."""
    grid = list(CASE.grid)
    missing = [Job(engine, "step-decay", CASE.baseline_epochs, 0, rate) for rate in grid]
    missing = [job for job in missing if job.key not in runs]
    if missing:
        return None, missing

    def best_of(rates):
        finals = [(runs[Job(engine, "step-decay", CASE.baseline_epochs, 0, r).key]["run"]["final_accuracy"], r)
                  for r in rates]
        return sorted(finals, key=lambda pair: (-pair[0], pair[1]))[0][1]

    choice = best_of(grid)
    if choice in CASE.extension:
        extra = Job(engine, "step-decay", CASE.baseline_epochs, 0, CASE.extension[choice])
        if extra.key not in runs:
            return None, [extra]
        choice = best_of(grid + [CASE.extension[choice]])
    return choice, []


def baseline_runs(runs, engine, rate):
    return [runs[key] for key in (Job(engine, "step-decay", CASE.baseline_epochs, s, rate).key for s in SEEDS)
            if key in runs]


def one_cycle_runs(runs, engine, epochs):
    return [runs[key] for key in (Job(engine, "one-cycle", epochs, s).key for s in SEEDS) if key in runs]


def targets(baseline):
    """(final target, best target) from the baseline's seed-mean curve."""
    curve = mean_curve(baseline)
    return curve[-1]["test_accuracy"], max(point["test_accuracy"] for point in curve)


def reaches(curve, target):
    """first_reaching with a tolerance for the rounding of means of k/10,000 accuracies."""
    return first_reaching(curve, target - 1e-9)


def plan(runs, engine):
    """The jobs still to run for an engine, in order, as far as the results so far determine them."""
    rate, needed = chosen_rate(runs, engine)
    if rate is None:
        return needed
    jobs = [Job(engine, "step-decay", CASE.baseline_epochs, s, rate) for s in SEEDS[1:]]
    jobs += [Job(engine, "one-cycle", CASE.one_cycle_epochs[0], s) for s in SEEDS]
    jobs = [job for job in jobs if job.key not in runs]
    if jobs:
        return jobs
    final_target, _ = targets(baseline_runs(runs, engine, rate))
    if reaches(mean_curve(one_cycle_runs(runs, engine, CASE.one_cycle_epochs[0])), final_target):
        return []
    longer = []
    for seed in SEEDS:
        if engine == "pytorch" and lrkit_peak(runs, CASE.one_cycle_epochs[1], seed) is None:
            longer.append(Job("lrkit", "one-cycle", CASE.one_cycle_epochs[1], seed))  # for its peak
        longer.append(Job(engine, "one-cycle", CASE.one_cycle_epochs[1], seed))
    return [job for job in longer if job.key not in runs]


def next_job(engines):
    runs = load_runs()
    for engine in engines:
        jobs = plan(runs, engine)
        if jobs:
            return jobs[0], runs
    return None, runs


def command_run(args):
    while True:
        job, runs = next_job(args.engines)
        if job is None:
            print("all runs of %s are done" % ", ".join(args.engines), file=sys.stderr)
            return
        print("%s  %s" % (datetime.datetime.now().strftime("%H:%M:%S"), job.key), file=sys.stderr, flush=True)
        execute(job, runs)


def command_plan(args):
    runs = load_runs()
    print("%d runs done in %s" % (len(runs), os.path.relpath(CASE.results, ROOT)))
    for engine in args.engines:
        jobs = plan(runs, engine)
        print("%s: %s" % (engine, ", ".join(job.key for job in jobs) if jobs else "done (as far as known)"))


# ----------------------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------------------

def percent(value):
    return "-" if value is None else "%.2f" % (100 * value)


def epoch_text(hit):
    return "not reached" if hit is None else str(hit["epoch"])


def engine_summary(runs, engine):
    """The readings of the protocol for one engine, or None while its baseline or one-cycle runs are missing."""
    rate, _ = chosen_rate(runs, engine)
    if rate is None:
        return None
    baseline = baseline_runs(runs, engine, rate)
    if len(baseline) < len(SEEDS):
        return None
    final_target, best_target = targets(baseline)
    base_curve = mean_curve(baseline)
    summary = {"engine": engine, "rate": rate, "final_target": final_target, "best_target": best_target,
               "baseline_curve": base_curve, "lengths": []}
    for epochs in CASE.one_cycle_epochs:
        cycle = one_cycle_runs(runs, engine, epochs)
        if len(cycle) < len(SEEDS):
            continue
        curve = mean_curve(cycle)
        row = {"epochs": epochs, "curve": curve}
        for name, target in (("final", final_target), ("best", best_target)):
            base_hit, cycle_hit = reaches(base_curve, target), reaches(curve, target)
            row[name] = {"baseline": base_hit["epoch"] if base_hit else None,
                         "one_cycle": cycle_hit["epoch"] + CASE.range_test_epochs if cycle_hit else None}
            if base_hit and cycle_hit:
                row[name]["factor"] = base_hit["epoch"] / row[name]["one_cycle"]
                row[name]["factor_full"] = CASE.baseline_epochs / row[name]["one_cycle"]
        summary["lengths"].append(row)
    return summary


def command_table(args):
    runs = load_runs()
    if not runs:
        sys.exit("no runs in " + CASE.results)
    text = ["Schedule effect, " + CASE.title + ", batch 128, 1 thread per engine; raw files in "
            "`%s/`, built by `schedule_effect.py table`." % os.path.relpath(CASE.results, ROOT), ""]
    summaries = {engine: engine_summary(runs, engine) for engine in ENGINES}
    # Targets per engine, for the per-run columns.
    target_of = {e: (s["final_target"], s["best_target"]) for e, s in summaries.items() if s}
    text += ["Every finished run (epochs to a target: the run's own first epoch at or above its engine's target;"
             " '-' while the targets are not known yet):", "",
             "| engine | schedule | rate / peak | seed | epochs | final % | best % (epoch) | epochs to final target "
             "| epochs to best target | wall s | load (mean, max) | started (UTC) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    order = sorted(runs.values(), key=lambda r: (ENGINES.index(r["run"]["engine"]), r["run"]["schedule"] != "step-decay",
                                                  r["run"]["epochs"], r["run"]["rate"] or 0, r["run"]["seed"]))
    for item in order:
        run = item["run"]
        targets_here = target_of.get(run["engine"])
        hits = [epoch_text(reaches(item["epochs"], t)) for t in targets_here] if targets_here else ["-", "-"]
        setting = ("%g" % run["rate"] if run["schedule"] == "step-decay"
                   else "%.4g (%s)" % (run["peak"], "range test" if run["engine"] == "lrkit" else "lrkit's"))
        text.append("| %s | %s | %s | %d | %d | %s | %s (%d) | %s | %s | %.0f | %.2f, %.2f | %s |" % (
            run["engine"], run["schedule"], setting, run["seed"], run["epochs"], percent(run["final_accuracy"]),
            percent(run["best_accuracy"]), run["best_epoch"], hits[0], hits[1], run["wall_seconds"],
            run["load_average"]["mean"], run["load_average"]["max"], run["started"][:16].replace("T", " ")))
    text.append("")
    for engine, summary in summaries.items():
        if summary is None:
            rate, _ = chosen_rate(runs, engine)
            text.append("%s: baseline not complete yet%s." % (
                engine, "" if rate is None else " (chosen rate %g)" % rate))
            continue
        text += ["%s: chosen step-decay rate %g (seed 0's grid); targets from its 3 seeds: final %s %%, best %s %% "
                 "(mean curve: %s)." % (
                     engine, summary["rate"], percent(summary["final_target"]), percent(summary["best_target"]),
                     ", ".join(percent(p["test_accuracy"]) for p in summary["baseline_curve"])), ""]
        if not summary["lengths"]:
            text.append("%s: one-cycle runs not complete yet." % engine)
        for row in summary["lengths"]:
            text.append("%s one-cycle %d epochs, mean curve: %s" % (
                engine, row["epochs"], ", ".join(percent(p["test_accuracy"]) for p in row["curve"])))
            for name in ("best", "final"):
                reading = row[name]
                if "factor" in reading:
                    text.append("- %s target: step decay reaches it at epoch %d (of %d), one-cycle at %.2f "
                                "(incl. the range test): schedule factor **%.2fx** (%.2fx against the full %d "
                                "epochs)" % (name, reading["baseline"], CASE.baseline_epochs, reading["one_cycle"],
                                             reading["factor"], reading["factor_full"], CASE.baseline_epochs))
                else:
                    text.append("- %s target: %s" % (name, "one-cycle does not reach it" if reading["baseline"]
                                                     else "the baseline's mean curve does not reach it"))
            text.append("")
    text.append("Engine factor: not taken from these runs (shared cores); see `schedule_effect.py engine`.")
    text += headline(summaries.get("lrkit"))
    output = "\n".join(text) + "\n"
    with open(os.path.join(CASE.results, "table.md"), "w") as out:
        out.write(output)
    print(output)


def headline(summary):
    """The protocol's headline as lines of text: lrkit's schedule factor at the shortest one-cycle length that
    reaches the final target (at the best target when that length reaches it too, else at the final one) times
    the engine factor of the newest engine-factor folder of the case; nothing while either is missing."""
    folders = sorted(glob.glob(CASE.engine_results + "-*"))
    factor = engine_factor(engine_runs(folders[-1])) if folders else None
    rows = [row for row in (summary or {}).get("lengths", []) if "factor" in row["final"]]
    if factor is None or not rows:
        return []
    row = rows[0]
    target = "best" if "factor" in row["best"] else "final"
    schedule = row[target]["factor"]
    return ["", "Headline: lrkit's schedule factor at the %s target (one-cycle %d epochs) %.2fx x the engine factor "
                "%.2fx (`%s`) = **%.2fx**." % (target, row["epochs"], schedule, factor,
                                               os.path.relpath(folders[-1], ROOT), schedule * factor)]


# ----------------------------------------------------------------------------------------------------------
# Engine factor
# ----------------------------------------------------------------------------------------------------------

def engine_runs(folder):
    """The run lines of an engine-factor folder, per engine."""
    per_engine = {e: [] for e in ENGINES}
    for item in load_runs(folder).values():
        per_engine[item["run"]["engine"]].append(item["run"])
    return per_engine


def engine_factor(per_engine):
    """PyTorch's median seconds per epoch over lrkit's; None unless both engines ran."""
    if not all(per_engine.values()):
        return None
    pytorch, lrkit = ([r["seconds_per_epoch"] for r in per_engine[e]] for e in ("pytorch", "lrkit"))
    return statistics.median(pytorch) / statistics.median(lrkit)


def command_engine(args):
    """Both engines at one-cycle with the same fixed peak for --epochs epochs, --repeats times, the order
    alternating; each repeat's file is skipped when present. Seconds per epoch = the last epoch's
    cumulative seconds (training and evaluation, from the first step) / epochs."""
    folder = args.engine_out
    for repeat in range(args.repeats):
        order = ENGINES if repeat % 2 == 0 else ENGINES[::-1]
        for engine in order:
            key = "%s-one-cycle-peak%g-e%d-repeat-%d" % (engine, args.peak, args.epochs, repeat)
            if os.path.exists(os.path.join(folder, key + ".jsonl")):
                continue
            job = Job(engine, "one-cycle", args.epochs, 0)
            started = datetime.datetime.now(datetime.timezone.utc)
            busy_before = busiest()
            sampler = LoadSampler()
            if engine == "lrkit":
                run, epochs = train_lrkit(job, os.path.join(CASE.work, "engine", key), lrkit_policy(job, args.peak))
            else:
                run, epochs = train_pytorch(job, args.peak)
            run.update({"engine": engine, "repeat": repeat, "epochs": args.epochs, "peak": args.peak, "seed": 0,
                        "threads": THREADS, "seconds_per_epoch": epochs[-1]["seconds"] / len(epochs),
                        "started": started.isoformat(timespec="seconds"), "load_average": sampler.finish(),
                        "busy_before": busy_before, "busy_after": busiest(), "commit": commit()})
            write_run(folder, key, run, epochs)
            print("  %s: %.1f s per epoch, load %.2f" % (key, run["seconds_per_epoch"], run["load_average"]["mean"]),
                  file=sys.stderr, flush=True)
    per_engine = engine_runs(folder)
    medians = {e: statistics.median(r["seconds_per_epoch"] for r in rs) for e, rs in per_engine.items() if rs}
    for engine, rs in per_engine.items():
        print("%s: seconds per epoch %s (median %.2f), load means %s" % (
            engine, ", ".join("%.2f" % r["seconds_per_epoch"] for r in rs), medians[engine],
            ", ".join("%.2f" % r["load_average"]["mean"] for r in rs)))
    factor = engine_factor(per_engine)
    if factor is not None:
        print("engine factor (PyTorch / lrkit, seconds per epoch): %.2fx" % factor)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("run", "plan", "table", "engine"))
    parser.add_argument("--case", choices=sorted(CASES), default="fashion",
                        help="the dataset and model (fashion: Fashion-MNIST's protocol of 2026-12-04; cifar10: "
                             "ResNet-20 on 10,000 CIFAR-10 images, 2026-12-05)")
    parser.add_argument("--engines", default="lrkit,pytorch",
                        help="engines to run, in this order (lrkit,pytorch); PyTorch's one-cycle needs lrkit's")
    parser.add_argument("--peak", type=float, default=0.1, help="engine: the one-cycle peak of both (0.1)")
    parser.add_argument("--epochs", type=int, default=2, help="engine: epochs per run (2)")
    parser.add_argument("--repeats", type=int, default=3, help="engine: repeats per engine (3)")
    parser.add_argument("--engine-out", default=None,
                        help="engine: results folder (bench/results/engine-factor-fashion-<today>)")
    args = parser.parse_args()
    global CASE
    CASE = CASES[args.case]
    args.engines = [e for e in args.engines.split(",") if e]
    if any(e not in ENGINES for e in args.engines):
        parser.error("--engines takes lrkit and/or pytorch, got " + ",".join(args.engines))
    args.engine_out = args.engine_out or CASE.engine_results + "-" + datetime.date.today().isoformat()
    {"run": command_run, "plan": command_plan, "table": command_table, "engine": command_engine}[args.command](args)


if __name__ == "__main__":
    main()
