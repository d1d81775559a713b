#!/bin/bash
# Training throughput of lrkit's step from two builds of the benchmarks jar, interleaved, DJL's fused SGD beside:
# the A/B check of a change to lrkit's training path (ResNet-20, batch 128, 30 timed steps, 2 threads; another
# model with MODEL, BATCHES, WARMUP and STEPS, e.g. MODEL=fashion_cnn
# BATCHES=target/bench/fashion-mnist-shuffled.lrkb WARMUP=10 STEPS=100).
#
#   cp lrkit-bench/target/benchmarks.jar /tmp/before.jar   # then change, rebuild (mvn -pl lrkit-bench -am package)
#   lrkit-bench/scripts/compare_jars.sh /tmp/before.jar lrkit-bench/target/benchmarks.jar bench/results/OUT.jsonl [repeats]
#
# Appends one JSON line per run (TrainingThroughput's output with "variant" and "repeat") to OUT; the order of
# the three runs reverses every other repeat. Run it on an otherwise idle machine.
set -euo pipefail
[[ $# -ge 3 ]] || { echo "usage: $0 BEFORE.jar AFTER.jar OUT.jsonl [repeats (3)]" >&2; exit 2; }
before=$1 after=$2 out=$3 repeats=${4:-3}
cd "$(dirname "$0")/../.."
native=${LRKIT_NATIVE_JAR:-$HOME/.m2/repository/ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar}
model=${MODEL:-resnet20} batches=${BATCHES:-target/bench/cifar10-shuffled.lrkb}
warmup=${WARMUP:-3} steps=${STEPS:-30}
[[ -f $batches ]] || { echo "$batches is missing: run side_by_side.py once to export it" >&2; exit 2; }
run() { # jar optimizer variant repeat
  java -Dai.djl.offline=true -cp "$1:$native" org.lrkit.bench.TrainingThroughput --model "$model" --batches "$batches" \
      --batch-size 128 --warmup-steps "$warmup" --steps "$steps" --threads 2 --optimizer "$2" 2>/dev/null \
    | python3 -c "import json, sys; d = json.load(sys.stdin); d.update(variant='$3', repeat=$4); print(json.dumps(d))" \
    >> "$out"
}
for ((r = 0; r < repeats; r++)); do
  if ((r % 2 == 0)); then
    run "$before" lrkit before $r; run "$after" lrkit after $r; run "$after" djl djl-fused $r
  else
    run "$after" djl djl-fused $r; run "$after" lrkit after $r; run "$before" lrkit before $r
  fi
done
python3 - "$out" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
for variant in ("before", "after", "djl-fused"):
    rates = [r["images_per_second"] for r in runs if r["variant"] == variant]
    print("%-10s %s img/s, median %.1f" % (variant, ", ".join("%.1f" % x for x in rates), statistics.median(rates)))
PY
