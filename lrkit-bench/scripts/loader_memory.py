#!/usr/bin/python3
"""The resident set of `./lrkit train` over a long run: the training loader's batches (shuffled, augmented,
copied into the engine each step) under the launcher's direct-memory cap, as users run it.

For each case it starts `./lrkit train` (the launcher's JVM options, -XX:MaxDirectMemorySize=128m among
them), samples the process's resident set (VmRSS) every half second together with the number of steps that
steps.csv holds, and writes one JSON line per case with the samples. The check, the same as MemoryBoundTest's
for the benchmark's batch file: the resident set may grow by less than 60 MB from 40 % of the steps to the
end.

    /usr/bin/python3 lrkit-bench/scripts/loader_memory.py [--cases fashion_cnn,resnet20]

Needs Fashion-MNIST (apt-get install dataset-fashion-mnist) and, for resnet20, LRKIT_DATA pointing at
CIFAR-10 (the JPEG copy is lossy; memory does not care). Resumable: a case whose line is in
bench/results/loader-memory-<date>.jsonl is skipped.
"""

import argparse
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = os.path.join(ROOT, "runs", "loader-memory")
GROWTH_LIMIT_MB = 60

CASES = {
    # 1,407 steps: three epochs of the 60,000 images at batch 128.
    "fashion_cnn": ["--dataset", "fashion-mnist", "--model", "fashion_cnn", "--epochs", "3"],
    # 780 steps of augmented (padded, cropped, flipped) CIFAR-10 batches: 5 epochs of 20,000 images.
    "resnet20": ["--dataset", "cifar10", "--model", "resnet20", "--train-size", "20000", "--test-size", "1000",
                 "--epochs", "5"],
}


def results_file():
    return os.path.join(ROOT, "bench", "results", "loader-memory-%s.jsonl" % datetime.date.today().isoformat())


def done():
    if not os.path.exists(results_file()):
        return set()
    with open(results_file()) as lines:
        return {json.loads(line)["case"] for line in lines if line.strip()}


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def steps_done(out):
    files = glob.glob(os.path.join(out, "runs", "*", "seed-*", "steps.csv"))
    if not files:
        return 0
    with open(files[0]) as lines:
        return max(0, sum(1 for _ in lines) - 1)


def measure(case):
    out = os.path.join(WORK, case)
    shutil.rmtree(out, ignore_errors=True)
    command = [os.path.join(ROOT, "lrkit"), "train"] + CASES[case] + [
        "--policy", "oneCyclePolicy(peak=0.1, totalSteps=auto)", "--threads", "2", "--quiet", "--out", out]
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    samples = []
    while process.poll() is None:
        try:
            rss = rss_mb(process.pid)
            if rss == rss:  # a process on its way out has no VmRSS any more
                samples.append({"seconds": round(time.monotonic(), 2), "step": steps_done(out),
                                "rss_mb": round(rss, 1)})
        except OSError:
            pass
        time.sleep(0.5)
    if process.returncode != 0:
        sys.exit("failed (exit %d): %s" % (process.returncode, " ".join(command)))
    start = samples[0]["seconds"] if samples else 0
    for sample in samples:
        sample["seconds"] = round(sample["seconds"] - start, 2)
    row = {"case": case, "command": " ".join(command), "samples": samples}
    row.update(summarize(samples))
    return row


def summarize(samples):
    """The check's figures from the samples: the steps, the resident set at 40 % of them and at the end, its
    highest value and the growth between the two. Samples taken while the process was exiting (no VmRSS any
    more) are left out."""
    readable = [sample for sample in samples if sample["rss_mb"] == sample["rss_mb"]]  # not NaN
    total = max(sample["step"] for sample in readable)
    later = [sample for sample in readable if sample["step"] >= 0.4 * total]
    growth = later[-1]["rss_mb"] - later[0]["rss_mb"]
    return {"steps": total, "rssAt40PercentMb": later[0]["rss_mb"], "rssAtEndMb": later[-1]["rss_mb"],
            "maxRssMb": max(sample["rss_mb"] for sample in readable), "growthFrom40PercentMb": growth,
            "withinLimit": growth < GROWTH_LIMIT_MB}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                            text=True).stdout.strip()
    for case in args.cases.split(","):
        if case in done():
            print("%s: done already" % case, file=sys.stderr)
            continue
        row = measure(case)
        row.update({"commit": commit, "date": datetime.date.today().isoformat()})
        os.makedirs(os.path.dirname(results_file()), exist_ok=True)
        with open(results_file(), "a") as out:
            out.write(json.dumps(row, sort_keys=True) + "\n")
        print("%s: %d steps, resident set %.0f MB at 40 %% -> %.0f MB at the end (max %.0f): %s" % (
            case, row["steps"], row["rssAt40PercentMb"], row["rssAtEndMb"], row["maxRssMb"],
            "within" if row["withinLimit"] else "ABOVE"), file=sys.stderr)


if __name__ == "__main__":
    main()
