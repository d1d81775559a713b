#!/bin/bash
# Every benchmark table of docs/benchmarks.md, in one command (about 80 minutes on 2 cores):
#   1. training throughput against PyTorch, side by side, with the matmul ceiling (side_by_side.py)
#   2. time to accuracy: lrkit one-cycle against PyTorch step decay, Fashion-MNIST and CIFAR-10 (time_to_accuracy.py)
#   3. overheads: range test, checkpoints, memory, loader (overheads.py); the ResNet-20 profile (profile.sh)
#   4. schedule evaluation and the Math floor (JMH, run-gated.sh)
# Run it from the repository root on an otherwise idle machine, after `mvn -B verify`, with Debian's
# python3-torch and Fashion-MNIST installed (apt-get install -y python3-torch libopenblas0-pthread
# dataset-fashion-mnist) and CIFAR-10 readable by lrkit (binary, or LRKIT_DATA pointing at the JPEG copy).
# Results go to bench/results/<name>-<date>.{jsonl,md} (and .json/.txt for JMH).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=/usr/bin/python3
date=$(date -u +%F)
[ -f lrkit-bench/target/benchmarks.jar ] || { echo "build first: mvn -B verify" >&2; exit 1; }
"$python" lrkit-bench/scripts/side_by_side.py --repeats 3 --tuning
"$python" lrkit-bench/scripts/time_to_accuracy.py
"$python" lrkit-bench/scripts/time_to_accuracy.py --dataset cifar10 --baseline-epochs 30 --baseline-lr 0.1 \
    --onecycle-epochs 6 --peak 0.4
"$python" lrkit-bench/scripts/overheads.py
lrkit-bench/scripts/profile.sh
lrkit-bench/scripts/run-gated.sh "bench/results/schedule-eval-$date" ScheduleBenchmark
lrkit-bench/scripts/run-gated.sh "bench/results/math-floor-$date" MathBenchmark
"$python" lrkit-bench/scripts/jmh_table.py "bench/results/schedule-eval-$date.json"
