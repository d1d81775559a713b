#!/bin/bash
# Where a ResNet-20 training step's time goes, lrkit against PyTorch (docs/benchmarks.md, "Where the time
# goes"): 1. oneDNN's own timing of every convolution and reorder primitive in one steady-state step
# (ONEDNN_VERBOSE / DNNL_VERBOSE, the 5th step); 2. libtorch's profiler over 5 steps after 3 warm-up steps,
# self time per operator side by side (profile_table.py). Run from the repository root after mvn -B verify.
# Writes bench/results/profile-resnet20-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=/usr/bin/python3
out="bench/results/profile-resnet20-$(date -u +%F).md"
work=target/bench
native=${LRKIT_NATIVE_JAR:-$HOME/.m2/repository/ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar}
batches=$work/cifar10.lrkb
[ -f "$batches" ] || { echo "run lrkit-bench/scripts/side_by_side.py first (it writes $batches)" >&2; exit 1; }
lrkit=(java -Dai.djl.offline=true -cp "lrkit-bench/target/benchmarks.jar:$native" org.lrkit.bench.TrainingThroughput
       --model resnet20 --batches "$batches" --batch-size 128 --threads 2)
torch=(env OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-SkylakeX} "$python" lrkit-bench/python/torch_bench.py throughput
       --model resnet20 --batches "$batches" --batch-size 128 --threads 2)

# The last of 5 steps' oneDNN primitives (every step executes the same ones), summed by kind.
summary() {  # $1: field number of the primitive kind, $2: of the propagation kind
  grep 'exec,cpu' | awk -F, -v k="$1" -v p="$2" \
    '{ line[NR] = $0 }
     END { for (i = NR - NR / 5 + 1; i <= NR; i++) { split(line[i], f, ","); kind = f[k];
             if (kind == "convolution") kind = kind " " f[p]; ms[kind] += f[length(f)] }
           for (x in ms) printf "| %s | %.1f |\n", x, ms[x] }' | sort
}
{
  echo "ResNet-20, batch 128, 2 threads, $(date -u '+%F %H:%M') UTC"
  echo
  echo "oneDNN primitives in one steady-state step (5th), ms:"
  echo
  echo "| primitive | lrkit |"; echo "|---|---|"
  ONEDNN_VERBOSE=1 "${lrkit[@]}" --warmup-steps 4 --steps 1 2>&1 | summary 6 8
  echo
  echo "| primitive | PyTorch |"; echo "|---|---|"
  DNNL_VERBOSE=1 "${torch[@]}" --warmup-steps 4 --steps 1 2>&1 | summary 4 6
  echo
  echo "libtorch profiler, 5 steps after 3 warm-up steps, self time per step:"
  echo
  "${lrkit[@]}" --warmup-steps 3 --steps 5 --profile $work/profile-lrkit.json > /dev/null 2>&1
  "${torch[@]}" --warmup-steps 3 --steps 5 --profile $work/profile-pytorch.json > /dev/null 2>&1
  "$python" lrkit-bench/scripts/profile_table.py $work/profile-lrkit.json $work/profile-pytorch.json --steps 5 --top 20
} | tee "$out"
