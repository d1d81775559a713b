#!/bin/bash
# Runs the benchmarks matching a regex (default ScheduleBenchmark), one JMH run per benchmark and
# schedule, each started only once the machine has been idle for two seconds and repeated (up to 4
# times) when other processes took CPU while it ran. For shared, noisy machines; on a quiet machine
# the single command in docs/benchmarks.md gives the same numbers in one go.
#
# Usage, from the repository root after `mvn -B verify`:
#   lrkit-bench/scripts/run-gated.sh bench/results/schedule-eval [ScheduleBenchmark]
# writes <prefix>.json (all runs, one JSON list) and <prefix>.txt (all console outputs).
set -euo pipefail
prefix=${1:-bench/results/schedule-eval}
regex=${2:-ScheduleBenchmark}
jar=lrkit-bench/target/benchmarks.jar
opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc)
ncpu=$(nproc)
tmp=$(mktemp -d)

cpu() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8+$9, $5+$6}' /proc/stat; }   # busy idle(+iowait) jiffies
# busy fraction of the whole machine while the given command runs (its output goes to $BUSY_OUT)
busy_during() {
  read -r b0 i0 < <(cpu); "$@" > "${BUSY_OUT:-/dev/null}" 2>&1; read -r b1 i1 < <(cpu)
  awk -v b=$((b1 - b0)) -v i=$((i1 - i0)) 'BEGIN{printf "%.2f", b / (b + i)}'
}
wait_idle() {   # until two seconds in a row are < 10% busy
  for _ in $(seq 1 600); do
    [ "$(busy_during sleep 2)" \< "0.10" ] && return 0
  done
}

runs=()
for bench in $(java -jar "$jar" -l "$regex" | tail -n +2); do
  names=$(java -jar "$jar" -lp "$bench\$" | sed -n 's/.*param "schedule" = {\(.*\)}/\1/p' | tr -d ' ' | tr ',' ' ')
  if [ -z "$names" ]; then runs+=("$bench:"); else for n in $names; do runs+=("$bench:$n"); done; fi
done
: > "$prefix.txt"
n=0
for run in "${runs[@]}"; do
  bench=${run%%:*}; param=${run#*:}
  args=("$bench\$" "${opts[@]}")
  [ -n "$param" ] && args+=(-p "schedule=$param")
  for attempt in 1 2 3 4; do
    wait_idle
    busy=$(BUSY_OUT="$tmp/$n.txt" busy_during java -jar "$jar" "${args[@]}" -rf json -rff "$tmp/$n.json")
    # one benchmark thread plus JIT and GC threads: a little over 1/ncpu when alone
    alone=$(awk -v b="$busy" -v c="$ncpu" 'BEGIN{print (b < 1.25 / c) ? 1 : 0}')
    echo "${bench##*.} ${param:-} attempt $attempt: machine busy $busy$( [ "$alone" = 1 ] || echo ' (disturbed)')" >&2
    [ "$alone" = 1 ] && break
  done
  { echo "### ${bench#org.lrkit.bench.} ${param:-} (attempt $attempt, machine busy $busy)"; cat "$tmp/$n.txt"; echo; } >> "$prefix.txt"
  n=$((n + 1))
done
python3 - "$tmp" "$n" "$prefix.json" <<'PY'
import json, sys
tmp, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
results = [r for i in range(n) for r in json.load(open(f"{tmp}/{i}.json"))]
json.dump(results, open(out, "w"), indent=2)
PY
rm -r "$tmp"
