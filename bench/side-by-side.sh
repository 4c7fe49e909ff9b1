#!/usr/bin/env bash
# Issue 18: the same measurements on two builds, one after the other in one run, so their ratios can be
# read despite the shared machine's load. Each build is a folder holding its benchmarks.jar and
# lb-triage.jar (copy them from bench/target and bot/target after `./mvnw -B -ntp -q -pl bench,bot -am
# package -DskipTests` at each commit), and for `slack` a copy of bot/target/test-classes as bot-test-classes/.
# The launcher is this checkout's ./lb-triage for the second build when LAUNCHER=1.
#
#   bench/side-by-side.sh BEFORE_DIR AFTER_DIR [what...]
#   what: diagnosis throughput live cold turn fleet slack fleetread (default: diagnosis throughput live cold)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="$1"; after="$2"; shift 2
what="${*:-diagnosis throughput live cold}"
load() { echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"; }
cd "$here"
for w in $what; do
  for build in "$before" "$after"; do
    echo "=== $w: $build ($(load))"
    case "$w" in
      diagnosis) # one diagnosis: latency percentiles and bytes allocated, rules against the plain-Java floor
        java -jar "$build/benchmarks.jar" 'RuleEngineBenchmark.diagnosis' -f 1 -wi 3 -i 4 -w 1s -r 1s -bm sample -tu us -prof gc 2>&1 \
          | grep -E '^RuleEngineBenchmark\.[A-Za-z]+(:p0\.(50|99)|:gc\.alloc\.rate\.norm)? ' ;;
      throughput) # diagnoses per second, two threads (the machine has two cores)
        java -jar "$build/benchmarks.jar" 'RuleEngineBenchmark.diagnosisWithRules$' -f 1 -wi 3 -i 4 -w 1s -r 1s -bm thrpt -t 2 -tu s 2>&1 \
          | grep -E '^RuleEngineBenchmark' ;;
      live) # 20 members, +100 ms per ARM answer, poll interval 100 ms, parallelism 8 (the default), 3 repetitions
        timeout 600 java -cp "$build/benchmarks.jar" dev.lbtriage.engine.gather.azure.LiveGatherTiming 20 100 100 3 8 2>&1 \
          | grep -E '^stub over|^rep|transport:|^parallelism|idle InProgress' ;;
      slack) # Slack ack latency: 1,000 signed app_mention events from 32 senders, then their redeliveries
        timeout 600 java -cp "$build/bot-test-classes:$build/lb-triage.jar" dev.lbtriage.bot.slack.SlackAckLoad 1000 32 2>&1 \
          | grep -E '^events|^ack|^turns' ;;
      fleetread) # the fleet scan's read side: 10,000 load balancers (69,000 Resource Graph rows), 3 repetitions; the
        # harness class is the second build's (it uses only FleetFacts and GeneratedFleet), run on each build's code
        harness="$(mktemp -d)"
        (cd "$harness" && unzip -q -o "$after/benchmarks.jar" 'dev/lbtriage/bench/FleetReadTiming*')
        timeout 900 java -Xmx6g -cp "$harness:$build/benchmarks.jar" dev.lbtriage.bench.FleetReadTiming 10000 3 2>&1 \
          | grep -E '^rep|^fleet read'
        rm -rf "$harness" ;;
      cold) # start -> first prompt of demo, and -> end of demo --auto, 5 runs
        if [ "$build" = "$after" ] && [ -n "${LAUNCHER:-}" ]; then
          LB_TRIAGE_CMD="$here/lb-triage" bench/cold-start.sh 5
        else
          LB_TRIAGE_CMD="java -jar $build/lb-triage.jar" bench/cold-start.sh 5
        fi ;;
      turn) # a conversation's turn on a session kept from the last turn, one answer changed, against the floor with the answers
        java -jar "$build/benchmarks.jar" 'RuleEngineBenchmark.turn' -f 1 -wi 3 -i 4 -w 1s -r 1s -bm sample -tu us -prof gc 2>&1 \
          | grep -E '^RuleEngineBenchmark\.[A-Za-z]+(:p0\.(50|99)|:gc\.alloc\.rate\.norm)? ' || echo "(no turn benchmark in this build)" ;;
      fleet) # fleet scan, 2 threads, 1,000 and 10,000 load balancers (FLEET_SIZES to change), heap up to 6 GB
        java -Xmx6g -cp "$build/benchmarks.jar" dev.lbtriage.bench.FleetScanBenchmark 2 ${FLEET_SIZES:-1000 10000} 2>&1 | grep -E '^\||^threads' ;;
    esac
  done
done
