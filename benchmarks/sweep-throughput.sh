#!/usr/bin/env bash
# Sweep throughput: runs per second of `sim sweep` over SEEDS seeds of a scenario at 1 and 2 threads
# (and at every core when there are more), then the same runs as separate `sim run` processes.
# Prints one line per configuration with the wall time, the CPU time it used and the load average
# before it started, so that figures taken on a busy machine can be judged.
# Usage: benchmarks/sweep-throughput.sh [SCENARIO] [SEEDS]   (SEPARATE=0 skips the separate runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="${1:-$root/scenarios/gc-spiral.yaml}"
seeds="${2:-20}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cores="$(nproc)"
"$root/sim" --version >/dev/null # build first, outside the timing

measure() { # label, command...
  local label="$1"; shift
  local load; load="$(cut -d' ' -f1-3 /proc/loadavg)"
  local t0 t1; t0="$(date +%s.%N)"
  /usr/bin/time -f "%U %S" -o "$out/time" "$@" >/dev/null 2>"$out/err" || [ $? -eq 3 ] || {
    cat "$out/err" >&2; exit 1; }
  t1="$(date +%s.%N)"
  read -r user sys <"$out/time"
  awk -v l="$label" -v n="$seeds" -v a="$t0" -v b="$t1" -v u="$user" -v s="$sys" -v ld="$load" \
    'BEGIN { w = b - a; printf "%-28s %4d runs  %7.1f s wall  %6.3f runs/s  %7.1f s CPU  load %s\n",
             l, n, w, n / w, u + s, ld }'
}

for t in 1 2 $([ "$cores" -gt 2 ] && echo "$cores"); do
  measure "sweep --threads $t" "$root/sim" sweep "$scenario" --seeds "$seeds" --threads "$t" \
    --out "$out/sweep-$t"
done
cmp -s "$out/sweep-1/sweep.csv" "$out/sweep-2/sweep.csv" || { echo "sweep.csv differs" >&2; exit 1; }

separate() {
  for s in $(seq 1 "$seeds"); do
    "$root/sim" run "$scenario" --seed "$s" --no-report --quiet --out "$out/run-$s" || [ $? -eq 3 ]
  done
}
[ "${SEPARATE:-1}" = 0 ] && exit 0
measure "separate sim run, 1 at once" bash -c "$(declare -f separate); root='$root' scenario='$scenario' seeds='$seeds' out='$out'; separate"
