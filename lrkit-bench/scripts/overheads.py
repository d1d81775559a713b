#!/usr/bin/python3
"""What lrkit's machinery costs around the training step itself.

- the LR range test against the same number of plain steps, measured inside one run (`./lrkit find`:
  snapshots, restores and bookkeeping over the time of its own optimizer steps and data loading);
- checkpoints: capture, atomic write, read and verify, restore, and the file's size (CheckpointCost);
- the data loader's augmented-batch rate against ResNet-20's training rate (LoaderThroughput);
- native and heap memory over a long run: the resident set and the Java heap sampled while training 2,000
  steps of the Fashion-MNIST CNN (four epochs' worth) and 800 ResNet-20 steps (two CIFAR-10 epochs' worth)
  (TrainingThroughput --memory-every). The Java heap is fixed and touched up front (FIXED_HEAP), so that
  the resident set's changes are native memory: with the JVM's default heap the resident set also grows
  while the JVM enlarges its heap, until its collector settles.

The scheduled optimizer against DJL's fused update is a column of side_by_side.py.

    /usr/bin/python3 lrkit-bench/scripts/overheads.py

Writes the raw output and the tables to bench/results/overheads-<date>.{jsonl,md}.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys

from side_by_side import BENCH_JAR, RESULTS, ROOT, batch_file, java, native_jar, write_results


# A heap of fixed size, committed at start: growth of the resident set is then native memory, not heap.
FIXED_HEAP = ("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch")


def range_test(threads):
    out = os.path.join(ROOT, "target", "bench", "overheads-find")
    command = [os.path.join(ROOT, "lrkit"), "find", "--dataset", "fashion-mnist", "--steps", "200",
               "--threads", str(threads), "--out", out, "--quiet"]
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    if subprocess.run(command).returncode != 0:
        sys.exit("the range test failed: " + " ".join(command))
    with open(os.path.join(out, "curve.json")) as curve:
        return json.load(curve)["timing"]


def loader_table(threads):
    command = ["java", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=%d" % threads,
               "-Dai.djl.pytorch.num_interop_threads=1", "-cp", BENCH_JAR + os.pathsep + native_jar(),
               "org.lrkit.bench.LoaderThroughput", "--batch", "128,512", "--steps", "4"]
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit("LoaderThroughput failed")
    return done.stdout.strip()


def memory_growth(result):
    """One table row: the resident set at the start, half-way and at the end, and the change over the second
    half (flat memory changes little there)."""
    samples = result["memory"]
    first, last = samples[0], samples[-1]
    middle = samples[len(samples) // 2]
    return "| %s | %d | %.0f | %.0f | %.0f | %.0f | %+.0f | %.0f-%.0f |" % (
        result["model"], last["step"], first["rss_mb"], middle["rss_mb"], last["rss_mb"],
        max(s["rss_mb"] for s in samples), last["rss_mb"] - middle["rss_mb"],
        min(s["heap_mb"] for s in samples), max(s["heap_mb"] for s in samples))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", default=None, help="file stem under bench/results (overheads-<date>)")
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    stem = os.path.join(RESULTS, args.out or "overheads-" + started.strftime("%Y-%m-%d"))
    os.makedirs(RESULTS, exist_ok=True)
    raw = []

    timing = range_test(args.threads)
    raw.append({"kind": "range-test", **timing})

    checkpoints = []
    for model, data in (("fashion_cnn", "fashion-mnist"), ("resnet20", "cifar10"), ("resnet9", "cifar10")):
        result = java("CheckpointCost", "--model", model, "--batches", batch_file(data), "--threads", args.threads,
                      "--dir", os.path.join(ROOT, "target", "bench"))
        raw.append({"kind": "checkpoint", **result})
        checkpoints.append(result)

    memory = []
    for model, data, steps, every in (("fashion_cnn", "fashion-mnist", 2000, 200), ("resnet20", "cifar10", 800, 80)):
        result = java("TrainingThroughput", "--model", model, "--batches", batch_file(data), "--batch-size", 128,
                      "--warmup-steps", 2, "--steps", steps, "--threads", args.threads, "--memory-every", every,
                      jvm=FIXED_HEAP)
        raw.append({"kind": "memory", **result})
        memory.append(result)

    loader = loader_table(args.threads)
    raw.append({"kind": "loader", "table": loader})

    lines = [
        "Overheads, %s UTC, %d threads" % (started.strftime("%Y-%m-%d %H:%M"), args.threads),
        "",
        "Range test (fashion_cnn, Fashion-MNIST, batch 128, %d steps): steps and data %.2f s, snapshots and "
        "restores %.3f s, whole test %.2f s: **overhead %+.1f%%** of the same steps trained plainly." % (
            timing["steps"], timing["stepSeconds"] + timing["dataSeconds"], timing["snapshotSeconds"],
            timing["totalSeconds"], 100 * timing["overheadFraction"]),
        "",
        "| model | checkpoint size | capture ms | write ms (atomic, fsync) | read + verify ms | restore ms |",
        "|---|---|---|---|---|---|",
    ]
    for c in checkpoints:
        lines.append("| %s | %.1f MB | %.1f | %.1f | %.1f | %.1f |" % (
            c["model"], c["bytes"] / 1e6, c["capture_ms"], c["write_ms"], c["read_ms"], c["restore_ms"]))
    lines += ["", "| model | steps | RSS at step 1, MB | RSS half-way | RSS at the end | RSS peak | change over the "
              "second half | Java heap in use, MB |", "|---|---|---|---|---|---|---|---|"]
    lines += [memory_growth(m) for m in memory]
    lines += ["", "Loader against the trainer (LoaderThroughput):", "", "```", loader, "```"]
    write_results(stem, raw, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
