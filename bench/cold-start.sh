#!/usr/bin/env bash
# Whole-process timing: from process start to the first prompt of `lb-triage demo`, and to the end of
# `lb-triage demo --auto` (the complete transcript). N runs each (default 5); prints median/min/max in ms.
#
#   bench/cold-start.sh [N]
#
# The command is `java -jar bot/target/lb-triage.jar` (build it with
# `./mvnw -B -ntp -o -q package -pl bot -am -DskipTests`); set LB_TRIAGE_CMD to time another one,
# e.g. LB_TRIAGE_CMD="java -cp bot/target/lb-triage.jar:bot/target/test-classes dev.lbtriage.bot.terminal.TestMain".
# Each run uses a fresh H2 file in a temp folder, so no session of yours is touched.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
cmd="${LB_TRIAGE_CMD:-java ${LB_TRIAGE_JAVA_OPTS:-} -jar $here/bot/target/lb-triage.jar}"
if [ -z "${LB_TRIAGE_CMD:-}" ] && [ ! -f "$here/bot/target/lb-triage.jar" ]; then
  echo "cold-start: no bot/target/lb-triage.jar; build it first: ./mvnw -B -ntp -o -q package -pl bot -am -DskipTests" >&2
  exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

now() { date +%s%N; }

stats() { # label, then one number (ns) per line on stdin
  sort -n | awk -v label="$1" '{ v[NR] = $1 / 1e6 } END {
    if (NR == 0) { print label ": no runs"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%-34s median %6.0f ms   min %6.0f ms   max %6.0f ms   (%d runs)\n", label, m, v[1], v[NR], NR }'
}

first_prompt=()
whole=()
for i in $(seq 1 "$runs"); do
  mkdir -p "$tmp/run$i" "$tmp/auto$i" # --db names a file whose folder must exist
  db="jdbc:h2:file:$tmp/run$i/sessions"
  start=$(now)
  # stdin is empty: demo prints the greeting and the report prompt, types the report, then ends with a hint
  seen=$($cmd demo --db "$db" </dev/null 2>"$tmp/err$i" | while IFS= read -r line; do
    if [[ "$line" == "? "* ]]; then now; cat >/dev/null; break; fi
  done) || true
  [ -n "$seen" ] || { echo "cold-start: run $i printed no prompt:" >&2; cat "$tmp/err$i" >&2; exit 1; }
  first_prompt+=($((seen - start)))
  start=$(now)
  $cmd demo --auto --db "jdbc:h2:file:$tmp/auto$i/sessions" >"$tmp/auto$i.txt" 2>&1
  grep -q "Demo finished" "$tmp/auto$i.txt" || { echo "cold-start: demo --auto run $i did not finish:" >&2; tail "$tmp/auto$i.txt" >&2; exit 1; }
  whole+=($(($(now) - start)))
done
echo "lb-triage cold start, $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%s\n' "${first_prompt[@]}" | stats "start -> first prompt (demo)"
printf '%s\n' "${whole[@]}" | stats "start -> exit (demo --auto)"
