#!/usr/bin/python3
"""Training throughput of lrkit (DJL + libtorch) and PyTorch side by side, in one run.

For each row (model, batch size) it runs, in separate processes and interleaved, lrkit's
org.lrkit.bench.TrainingThroughput, PyTorch's torch_bench.py throughput on the very same batch
file, and lrkit on DJL's own fused SGD update (the yardstick for the scheduled optimizer's cost),
alternating the order every repetition. It also measures the dense FP32 matrix-product rate of
both engines and reports, per row, the median images per second, the spread, the lrkit/PyTorch
ratio and the fraction of the matrix-product rate that training reaches
(images/s x training FLOPs per image / matmul FLOP/s).

    /usr/bin/python3 lrkit-bench/scripts/side_by_side.py [--repeats 3] [--rows all|quick] [--tuning]

Needs: the built lrkit-bench/target/benchmarks.jar (mvn -B verify), Debian's python3-torch (run with
/usr/bin/python3), Fashion-MNIST (apt-get install dataset-fashion-mnist) and CIFAR-10 (binary, or
the JPEG copy via LRKIT_DATA). Writes the raw JSON of every process and the table to
bench/results/side-by-side-<date>.{jsonl,md}.
"""

import argparse
import datetime
import glob
import json
import os
import platform
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH_JAR = os.path.join(ROOT, "lrkit-bench", "target", "benchmarks.jar")
TORCH_BENCH = os.path.join(ROOT, "lrkit-bench", "python", "torch_bench.py")
WORK = os.path.join(ROOT, "target", "bench")
RESULTS = os.path.join(ROOT, "bench", "results")
PYTHON = "/usr/bin/python3"  # Debian's interpreter, the one with python3-torch

# (model, batch file, batch size, warm-up steps, timed steps): each run takes 5-90 s on 2 cores. The ResNets
# time 30 steps each (issue 16: the first runs timed 3-12); ResNet-9 runs at batch 128, since 30 steps of 512
# would take four minutes a run.
ROWS = {
    "all": [
        ("fashion_cnn", "fashion-mnist", 128, 10, 100),
        ("resnet20", "cifar10", 128, 3, 30),
        ("resnet20", "cifar10", 512, 2, 30),
        ("resnet9", "cifar10", 128, 2, 30),
    ],
    "quick": [
        ("fashion_cnn", "fashion-mnist", 128, 2, 10),
        ("resnet20", "cifar10", 128, 1, 2),
    ],
}
# The batch files: dataset name for ExportBatches and the number of images (a multiple of 512).
DATA = {"fashion-mnist": ("fashion-mnist", 1024), "cifar10": ("cifar10", 2048)}


def native_jar():
    """The libtorch native jar that Maven fetched for lrkit's tests."""
    explicit = os.environ.get("LRKIT_NATIVE_JAR")
    if explicit:
        return explicit
    pattern = os.path.expanduser(
        "~/.m2/repository/ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar")
    found = glob.glob(pattern)
    if not found:
        sys.exit("the libtorch native jar is missing (" + pattern + "); run mvn -B verify first, "
                 "or set LRKIT_NATIVE_JAR")
    return found[0]


def java(main, *args, jvm=()):
    """Runs a main class of benchmarks.jar (with extra JVM options jvm) and returns its JSON output."""
    command = ["java", *jvm, "-Dai.djl.offline=true", "-cp", BENCH_JAR + os.pathsep + native_jar(),
               "org.lrkit.bench." + main, *map(str, args)]
    return run(command)


def torch(*args):
    """Runs torch_bench.py and returns its JSON output, with OpenBLAS on its best kernels (see torch_env)."""
    return run([PYTHON, TORCH_BENCH, *map(str, args)], torch_env())


def torch_env():
    """Debian's OpenBLAS 0.3.21 does not recognise these virtual CPUs and falls back to its slowest (SSE3)
    kernels, 2-4x below the machine; give PyTorch the AVX-512 ones when the CPU has them, the AVX2 ones
    otherwise, unless OPENBLAS_CORETYPE is already set."""
    env = dict(os.environ)
    if "OPENBLAS_CORETYPE" not in env:
        with open("/proc/cpuinfo") as cpuinfo:
            flags = cpuinfo.read()
        env["OPENBLAS_CORETYPE"] = "SkylakeX" if "avx512f" in flags else "Haswell"
    return env


def run(command, env=None):
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=dict(env or os.environ, TORCH_CPP_LOG_LEVEL="ERROR"))
    if done.returncode != 0:
        sys.exit("failed (exit %d): %s\n%s" % (done.returncode, " ".join(command), done.stderr[-3000:]))
    return json.loads(done.stdout)


def batch_file(name):
    """The throughput benchmark's batch file for a DATA entry, exported once."""
    dataset, count = DATA[name]
    return export_batches(os.path.join(WORK, name + "-shuffled.lrkb"), dataset, "test", count, "shuffled")


def export_batches(path, dataset, split, count, subset):
    """Exports count images of a split (ExportBatches; subset shuffled, balanced or first) to path once, reusing the
    file on later runs; cifar10 falls back to the JPEG copy when the binary one is missing."""
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        args = ("--split", split, "--count", count, "--subset", subset, "--out", path)
        try:
            java_plain("ExportBatches", "--dataset", dataset, *args)
        except SystemExit:
            if dataset != "cifar10":
                raise
            java_plain("ExportBatches", "--dataset", "cifar10-jpeg", *args)
    return path


def java_plain(main, *args):
    command = ["java", "-cp", BENCH_JAR + os.pathsep + native_jar(), "org.lrkit.bench." + main, *map(str, args)]
    print("  $ " + " ".join(command), file=sys.stderr, flush=True)
    done = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit("failed: " + " ".join(command) + "\n" + done.stderr[-2000:])


def measure_row(row, threads, repeats, extra_lrkit_args=()):
    """All runs of one row, interleaved; returns the raw results by framework."""
    model, data, batch, warmup, steps = row
    path = batch_file(data)
    common = ["--model", model, "--batches", path, "--batch-size", batch, "--warmup-steps", warmup,
              "--steps", steps, "--threads", threads]
    runs = {
        "lrkit": lambda: java("TrainingThroughput", *common, "--optimizer", "lrkit", *extra_lrkit_args),
        "pytorch": lambda: torch("throughput", *common),
        "djl-sgd": lambda: java("TrainingThroughput", *common, "--optimizer", "djl", *extra_lrkit_args),
    }
    order = list(runs)
    results = {name: [] for name in runs}
    for repeat in range(repeats):
        for name in (order if repeat % 2 == 0 else order[::-1]):
            result = runs[name]()
            result["repeat"] = repeat
            results[name].append(result)
            print("    %-8s %-12s batch %4d: %8.1f img/s" % (name, model, batch, result["images_per_second"]),
                  file=sys.stderr, flush=True)
    return results


def spread(values, digits=0):
    return "%.*f-%.*f" % (digits, min(values), digits, max(values))


def per_repeat_ratios(results, numerator, denominator):
    """The ratio of two frameworks' images per second within each repeat (runs of one repeat ran next to each
    other), in repeat order."""
    by_repeat = {r["repeat"]: r["images_per_second"] for r in results[denominator]}
    return [r["images_per_second"] / by_repeat[r["repeat"]] for r in results[numerator]]


def table(rows, matmul):
    """The markdown table of the measured rows: medians with their range, and the ratios as the median of the
    per-repeat ratios with their range."""
    lines = ["| model | batch | timed steps | lrkit img/s | PyTorch img/s | lrkit / PyTorch | DJL fused SGD img/s "
             "| lrkit / fused | training GFLOP/img | lrkit % of matmul | PyTorch % of matmul |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for (model, _, batch, _, steps), results in rows:
        rates = {name: [r["images_per_second"] for r in runs] for name, runs in results.items()}
        median = {name: statistics.median(values) for name, values in rates.items()}
        versus_torch = per_repeat_ratios(results, "lrkit", "pytorch")
        versus_fused = per_repeat_ratios(results, "lrkit", "djl-sgd")
        training_flops = 3 * results["lrkit"][0]["flops_forward_per_image"]
        lrkit_fraction = median["lrkit"] * training_flops / (matmul["lrkit"] * 1e9)
        torch_fraction = median["pytorch"] * training_flops / (matmul["pytorch"] * 1e9)
        lines.append("| %s | %d | %d | %.1f (%s) | %.1f (%s) | **%.2fx** (%s) | %.1f (%s) | %.2f (%s) | %.3f | %.0f%% "
                     "| %.0f%% |" % (
                         model, batch, steps, median["lrkit"], spread(rates["lrkit"]), median["pytorch"],
                         spread(rates["pytorch"]), statistics.median(versus_torch), spread(versus_torch, 2),
                         median["djl-sgd"], spread(rates["djl-sgd"]), statistics.median(versus_fused),
                         spread(versus_fused, 2), training_flops / 1e9, 100 * lrkit_fraction, 100 * torch_fraction))
    return "\n".join(lines)


def repeats_table(rows):
    """Every repeat of every row: images per second of each framework and the two ratios."""
    lines = ["| model | batch | repeat | order | lrkit img/s | PyTorch img/s | DJL fused SGD img/s | lrkit / PyTorch "
             "| lrkit / fused |", "|---|---|---|---|---|---|---|---|---|"]
    for (model, _, batch, _, _), results in rows:
        versus_torch = per_repeat_ratios(results, "lrkit", "pytorch")
        versus_fused = per_repeat_ratios(results, "lrkit", "djl-sgd")
        for index, run in enumerate(results["lrkit"]):
            repeat = run["repeat"]
            rate = {name: next(r for r in runs if r["repeat"] == repeat)["images_per_second"]
                    for name, runs in results.items()}
            order = "lrkit first" if repeat % 2 == 0 else "lrkit last"
            lines.append("| %s | %d | %d | %s | %.1f | %.1f | %.1f | %.2f | %.2f |" % (
                model, batch, repeat, order, rate["lrkit"], rate["pytorch"], rate["djl-sgd"], versus_torch[index],
                versus_fused[index]))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3, help="interleaved repetitions per row (3)")
    parser.add_argument("--rows", choices=sorted(ROWS), default="all", help="which rows (all)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for both engines (all cores)")
    parser.add_argument("--tuning", action="store_true",
                        help="also run lrkit's engine variants (inter-op threads) on ResNet-20, batch 128")
    parser.add_argument("--out", default=None, help="file stem under bench/results (side-by-side-<date>)")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be >= 1, got %d" % args.repeats)
    if not os.path.exists(BENCH_JAR):
        sys.exit(BENCH_JAR + " is missing: build it with mvn -B verify (or mvn -B -pl lrkit-bench -am package)")

    started = datetime.datetime.now(datetime.timezone.utc)
    stem = os.path.join(RESULTS, args.out or "side-by-side-" + started.strftime("%Y-%m-%d"))
    os.makedirs(RESULTS, exist_ok=True)
    raw = []

    params = torch("params")
    raw.append({"kind": "params", **params})
    matmul_runs = {"lrkit": java("MatmulRate", "--threads", args.threads),
                   "pytorch": torch("matmul", "--threads", args.threads)}
    for name, result in matmul_runs.items():
        raw.append({"kind": "matmul", **result})
    matmul = {name: max(result["gflops"].values()) for name, result in matmul_runs.items()}

    rows = []
    for row in ROWS[args.rows]:
        results = measure_row(row, args.threads, args.repeats)
        rows.append((row, results))
        for runs in results.values():
            raw.extend({"kind": "throughput", **r} for r in runs)
        flops_check(results)

    tuning = []
    if args.tuning:
        row = ("resnet20", "cifar10", 128, 3, 30)
        for interop in (1, 2):
            results = measure_row(row, args.threads, args.repeats, ("--interop-threads", interop))
            tuning.append((interop, results))
            for runs in results.values():
                raw.extend({"kind": "tuning", **r} for r in runs)

    finished = datetime.datetime.now(datetime.timezone.utc)
    header = [
        "Side-by-side training throughput, %s to %s UTC" % (started.strftime("%Y-%m-%d %H:%M"),
                                                            finished.strftime("%H:%M")),
        "",
        "machine: %s, %d logical cores; threads: %d intra-op for both engines, 1 inter-op" % (
            platform.processor() or platform.machine(), os.cpu_count(), args.threads),
        "lrkit: %s; PyTorch: %s (%s)" % (
            rows[0][1]["lrkit"][0]["version"], rows[0][1]["pytorch"][0]["version"],
            rows[0][1]["pytorch"][0].get("blas", "")),
        "dense FP32 matmul, best of n=512/1024/2048: lrkit %.0f GFLOP/s, PyTorch %.0f GFLOP/s" % (
            matmul["lrkit"], matmul["pytorch"]),
        "repeats: %d, interleaved; median (min-max) images per second; ratios: median (min-max) of the per-repeat"
        " ratios" % args.repeats,
        "",
    ]
    text = "\n".join(header) + table(rows, matmul) + "\n\nEvery repeat:\n\n" + repeats_table(rows) + "\n"
    if tuning:
        text += "\nResNet-20, batch 128, with lrkit's inter-op threads set (every run of the three frameworks):\n"
        for interop, results in tuning:
            text += "\ninter-op threads %d:\n\n%s\n" % (interop, repeats_table([(row, results)]))
    write_results(stem, raw, text)


def write_results(stem, raw, text):
    """Writes the raw results (one JSON object per line) to STEM.jsonl and the tables to STEM.md, prints
    the tables."""
    with open(stem + ".jsonl", "w") as out:
        for item in raw:
            out.write(json.dumps(item) + "\n")
    with open(stem + ".md", "w") as out:
        out.write(text)
    print(text)
    print("raw results: %s.jsonl, tables: %s.md" % (stem, stem), file=sys.stderr)


def flops_check(results):
    """Both sides must count the same model: parameters equal."""
    lrkit, pytorch = results["lrkit"][0], results["pytorch"][0]
    if lrkit["parameters"] != pytorch["parameters"]:
        sys.exit("%s: lrkit has %d parameters, PyTorch %d: the two models differ" % (
            lrkit["model"], lrkit["parameters"], pytorch["parameters"]))


if __name__ == "__main__":
    main()
