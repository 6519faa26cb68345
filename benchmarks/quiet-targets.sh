#!/usr/bin/env bash
# Every speed target of BENCHMARKS.md in one go, one command after another (run it on a quiet
# machine; needs ../shared/peers for the M/M/1 comparison and the benchmarks jar built).
set -u
cd "$(dirname "$0")/.."
echo "== load before: $(cat /proc/loadavg)"
./sim validate scenarios/gc-spiral.yaml >/dev/null 2>&1
for i in 1 2 3 4 5; do
  /usr/bin/time -f "gc-spiral %e s" ./sim run scenarios/gc-spiral.yaml --seed 42 --quiet --out /tmp/qb-gc >/dev/null
  python3 -c "import json;d=json.load(open('/tmp/qb-gc/summary.json'));print('  sim', d['wallSeconds'], d['events'], d['traceHash'])"
done
echo "== load: $(cat /proc/loadavg)"
bash ../shared/peers/compare-mm1.sh 5 2>&1 | tr -d '\033' | grep -E "median|sim/"
./sim run ../shared/peers/mm1-1m.yaml --out /tmp/qb-mm1 --quiet --no-report; python3 -c "import json;d=json.load(open('/tmp/qb-mm1/summary.json'));print('mm1 sim', d['wallSeconds'], d['events'])"
echo "== load: $(cat /proc/loadavg)"
# The launcher's serial collector, then G1 (README: very wide scenarios), each in a 2 GB heap.
for opts in "-Xms2g -Xmx2g" "-XX:+UseG1GC -Xms2g -Xmx2g" "-XX:+UseG1GC -Xms2g -Xmx2g"; do
  /usr/bin/time -f "million-clients [$opts] %e s %M KB" env SIM_JAVA_OPTS="$opts" ./sim run benchmarks/scenarios/million-clients.yaml --no-report --quiet --out /tmp/qb-m
  python3 -c "import json;d=json.load(open('/tmp/qb-m/summary.json'));print('  sim', d['wallSeconds'], d['events'])"
done
echo "== load: $(cat /proc/loadavg)"
java -jar benchmarks/target/benchmarks.jar 'dev.sim.benchmarks.kernel.HoldBenchmark' -f 1 -wi 3 -i 5 2>&1 | grep -E "^Benchmark|HoldBenchmark\."
echo "== load after: $(cat /proc/loadavg)"
