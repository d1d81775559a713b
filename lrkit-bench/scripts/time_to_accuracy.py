#!/usr/bin/python3
"""Time to accuracy: lrkit with a one-cycle policy against PyTorch with step decay, on this machine.

PyTorch (Debian's python3-torch, torch_bench.py accuracy) trains the Fashion-MNIST CNN with SGD and a
step-decay schedule (x0.1 at 50 % and 75 % of the epochs) for --baseline-epochs epochs; its final test
accuracy is the target. lrkit (./lrkit train) trains the same network on the same data with the one-cycle
policy for --onecycle-epochs epochs. For each, the wall time from the start of training (data already
loaded, evaluation after every epoch included) to the end of the first epoch whose test accuracy reaches
the target is reported, and their ratio: the policy's saving in epochs and the engine's speed together.

    /usr/bin/python3 lrkit-bench/scripts/time_to_accuracy.py [--baseline-epochs 30] [--onecycle-epochs 5]

Both use batch 128, weight decay 5e-4 (L2), no augmentation and all cores. Writes the per-epoch results
of both runs and the summary to bench/results/time-to-accuracy-<date>.{jsonl,md}.
"""

import argparse
import csv
import datetime
import glob
import json
import os
import subprocess
import sys

from side_by_side import PYTHON, RESULTS, ROOT, TORCH_BENCH, export_batches, torch_env


def pytorch_run(args):
    """Per-epoch results of PyTorch's step-decay run."""
    command = [PYTHON, TORCH_BENCH, "accuracy", "--schedule", "step", "--epochs", str(args.baseline_epochs),
               "--lr", str(args.baseline_lr), "--momentum", "0.9", "--weight-decay", "5e-4", "--model", args.model,
               "--batch-size", "128", "--threads", str(args.threads), "--seed", str(args.seed)]
    if args.dataset == "cifar10":
        command += ["--train-batches", batch_file_of("train", args.train_size, "balanced"),
                    "--test-batches", batch_file_of("test", 10000, "first")]
    elif args.train_size:
        command += ["--train-size", str(args.train_size)]
    lines = stream(command, torch_env())
    return [line for line in lines if "epoch" in line and "summary" not in line]


def lrkit_run(args, out):
    """Per-epoch results of lrkit's one-cycle run (its epochs.csv)."""
    policy = "oneCyclePolicy(peak=%s, totalSteps=auto)" % args.peak
    command = [os.path.join(ROOT, "lrkit"), "train", "--dataset", args.dataset, "--model", args.model, "--no-augment",
               "--policy", policy, "--epochs", str(args.onecycle_epochs), "--batch-size", "128",
               "--weight-decay", "5e-4", "--threads", str(args.threads), "--seed", str(args.seed),
               "--checkpoint-every", str(args.onecycle_epochs), "--out", out, "--quiet"]
    if args.train_size:
        command += ["--train-size", str(args.train_size)]
    stream(command, dict(os.environ))
    found = glob.glob(os.path.join(out, "runs", "*", "seed-*", "epochs.csv"))
    if len(found) != 1:
        sys.exit("expected one epochs.csv under %s, found %d" % (out, len(found)))
    with open(found[0]) as table:
        return [{"epoch": int(row["epoch"]) + 1, "test_accuracy": float(row["val_accuracy"]),
                 "seconds": float(row["seconds"]), "lr": float(row["lr"])} for row in csv.DictReader(table)]


def batch_file_of(split, count, subset):
    """The CIFAR-10 images PyTorch trains and tests on, exported once by lrkit: the training subset is the
    class-balanced one that lrkit train --train-size picks."""
    path = os.path.join(ROOT, "target", "bench", "cifar10-%s-%s-%d.lrkb" % (split, subset, count))
    return export_batches(path, "cifar10", split, count, subset)


def stream(command, env):
    """Runs a command, echoing its standard error, and returns its JSON output lines."""
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=env)
    if done.returncode != 0:
        sys.exit("failed (exit %d): %s" % (done.returncode, " ".join(command)))
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def first_reaching(epochs, target):
    """The first epoch (counted from 1) whose test accuracy reaches target, as a dict with "epoch" and
    "seconds", or None."""
    for number, result in enumerate(epochs, start=1):
        if result["test_accuracy"] >= target:
            return {"epoch": number, "seconds": result["seconds"]}
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline-epochs", type=int, default=30, help="PyTorch step-decay epochs (30)")
    parser.add_argument("--baseline-lr", type=float, default=0.05, help="step decay's initial rate (0.05)")
    parser.add_argument("--onecycle-epochs", type=int, default=5, help="lrkit one-cycle epochs (5)")
    parser.add_argument("--peak", type=float, default=0.2, help="one-cycle peak learning rate (0.2)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for both (all cores)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dataset", choices=("fashion-mnist", "cifar10"), default="fashion-mnist",
                        help="fashion-mnist (the default) or cifar10 (CIFAR-10 without augmentation; PyTorch reads"
                             " the same class-balanced subset from a batch file lrkit exports)")
    parser.add_argument("--model", default=None, help="fashion_cnn for Fashion-MNIST, resnet20 for CIFAR-10")
    parser.add_argument("--train-size", type=int, default=0,
                        help="train on a class-balanced subset (default: all of Fashion-MNIST, 10,000 CIFAR-10"
                             " images)")
    parser.add_argument("--out", default=None, help="file stem under bench/results (time-to-accuracy-<date>)")
    parser.add_argument("--report-from", metavar="STEM", default=None,
                        help="do not train: rewrite STEM.md from the runs recorded in STEM.jsonl")
    args = parser.parse_args()
    args.model = args.model or ("resnet20" if args.dataset == "cifar10" else "fashion_cnn")
    if args.dataset == "cifar10" and not args.train_size:
        args.train_size = 10000
    for name in ("baseline_epochs", "onecycle_epochs", "threads"):
        if getattr(args, name) < 1:
            parser.error("--%s must be >= 1, got %d" % (name.replace("_", "-"), getattr(args, name)))

    if args.report_from:
        baseline, lrkit, started, finished = load(args.report_from)
        stem = args.report_from
    else:
        started = datetime.datetime.now(datetime.timezone.utc)
        name = "time-to-accuracy-" + ("" if args.dataset == "fashion-mnist" else args.dataset + "-")
        stem = os.path.join(RESULTS, args.out or name + started.strftime("%Y-%m-%d"))
        os.makedirs(RESULTS, exist_ok=True)
        baseline = pytorch_run(args)
        lrkit = lrkit_run(args, os.path.join(ROOT, "target", "bench", "tta-lrkit-" + started.strftime("%H%M%S")))
        finished = datetime.datetime.now(datetime.timezone.utc)
        with open(stem + ".jsonl", "w") as out:
            out.write(json.dumps({"run": "settings", "started": started.isoformat(), "finished": finished.isoformat(),
                                  **vars(args)}) + "\n")
            for item in baseline:
                out.write(json.dumps({"run": "pytorch-step-decay", **item}) + "\n")
            for item in lrkit:
                out.write(json.dumps({"run": "lrkit-one-cycle", **item}) + "\n")
    text = render(baseline, lrkit, args, started, finished)
    with open(stem + ".md", "w") as out:
        out.write(text)
    print(text)


def load(stem):
    """The runs recorded in STEM.jsonl by an earlier measurement."""
    baseline, lrkit, started, finished = [], [], None, None
    with open(stem + ".jsonl") as recorded:
        for line in recorded:
            item = json.loads(line)
            run = item.pop("run")
            if run == "settings":
                started = datetime.datetime.fromisoformat(item["started"])
                finished = datetime.datetime.fromisoformat(item["finished"])
            else:
                (baseline if run == "pytorch-step-decay" else lrkit).append(item)
    if not baseline or not lrkit:
        sys.exit(stem + ".jsonl holds no complete measurement")
    if started is None:
        started = finished = datetime.datetime.fromtimestamp(os.path.getmtime(stem + ".jsonl"),
                                                             datetime.timezone.utc)
    return baseline, lrkit, started, finished


def render(baseline, lrkit, args, started, finished):
    """The markdown summary: both runs, the target, and the two ratios."""
    target = baseline[-1]["test_accuracy"]
    torch_hit = first_reaching(baseline, target)
    lrkit_hit = first_reaching(lrkit, target)
    torch_total = baseline[-1]["seconds"]
    lines = [
        "Time to accuracy, %s%s, %s, batch 128, %s to %s UTC" % (
            getattr(args, "dataset", "fashion-mnist"),
            " (%d training images)" % args.train_size if args.train_size else "", getattr(args, "model", "fashion_cnn"),
            started.strftime("%Y-%m-%d %H:%M"), finished.strftime("%H:%M")),
        "",
        "| run | policy | epochs | final test accuracy | epochs to %.2f%% | seconds to %.2f%% | whole run, s "
        "| seconds per epoch |" % (100 * target, 100 * target),
        "|---|---|---|---|---|---|---|---|",
        "| PyTorch (torch_bench.py) | step decay, lr %g, x0.1 at 50%% and 75%% | %d | %.2f%% | %d | %.1f | %.1f "
        "| %.1f |" % (args.baseline_lr, len(baseline), 100 * target, torch_hit["epoch"], torch_hit["seconds"],
                     torch_total, torch_total / len(baseline)),
        "| lrkit (./lrkit train) | one-cycle, peak %g, momentum 0.95-0.85 | %d | %.2f%% | %s | %s | %.1f | %.1f |" % (
            args.peak, len(lrkit), 100 * lrkit[-1]["test_accuracy"],
            lrkit_hit["epoch"] if lrkit_hit else "not reached",
            "%.1f" % lrkit_hit["seconds"] if lrkit_hit else "-", lrkit[-1]["seconds"],
            lrkit[-1]["seconds"] / len(lrkit)),
        "",
    ]
    if lrkit_hit:
        lines.append("**lrkit reaches PyTorch's final accuracy in %.1fx less wall time than PyTorch's step-decay run** "
                     "(%.1f s against %.1f s); %.1fx less than the time PyTorch first reached that accuracy "
                     "(%.1f s, epoch %d of %d)." % (torch_total / lrkit_hit["seconds"], lrkit_hit["seconds"],
                                                  torch_total, torch_hit["seconds"] / lrkit_hit["seconds"],
                                                  torch_hit["seconds"], torch_hit["epoch"], len(baseline)))
    else:
        lines.append("lrkit's one-cycle run does not reach PyTorch's final accuracy (%.2f%% against %.2f%%)." % (
            100 * lrkit[-1]["test_accuracy"], 100 * target))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
