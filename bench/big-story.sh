#!/usr/bin/env bash
# The whole `digest` command, each run in a fresh JVM, on an H2 database that already holds a
# 5,000-post window in which one launch is told by 150 accounts (600 posts) plus the usual mix.
# Prepares the database once: writes the window as JSON lines (BenchWindow, test classes), imports it
# with the jar (which embeds every post with bge-small-zh) and builds the slot before, so the repeat
# guard has a digest to compare with. Then times RUNS digest runs with /usr/bin/time -v.
#
# Usage: bench/big-story.sh [RUNS]   (default 3; BENCH_DIR=... keeps the database elsewhere)
# Prints wall time and peak RSS per run and the build's per-step milliseconds (DigestBuilder's log).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
dir=${BENCH_DIR:-target/bench-big-story}
jar=target/ai-digest.jar
slot=2025.11.26.16
before=2025.11.26.12

[ -f "$jar" ] || mvn -B -q package -DskipTests
[ -f target/test-classes/dev/aidigest/bench/BenchWindow.class ] || mvn -B -q test-compile

# One line of /usr/bin/time -v output: "wall 0:03.21, CPU 4.10 s, peak RSS 512 MiB". CPU time (user +
# system) says more than wall time when other work shares the cores.
measured() {
  local wall user sys rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1")
  user=$(sed -n 's/.*User time (seconds): //p' "$1")
  sys=$(sed -n 's/.*System time (seconds): //p' "$1")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1")
  echo "wall $wall, CPU $(awk "BEGIN { printf \"%.2f\", $user + $sys }") s, peak RSS $((rss / 1024)) MiB"
}

if [ ! -f "$dir/prepared" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  java -cp "target/test-classes:$jar" dev.aidigest.bench.BenchWindow "$dir/window.jsonl"
  /usr/bin/time -v -o "$dir/import.time" \
    java -jar "$jar" --data "$dir/data" import "$dir/window.jsonl" --format jsonl 2> "$dir/import.log"
  grep -h "imported" "$dir/import.log" || true
  echo "import: $(measured "$dir/import.time")"
  java -jar "$jar" --data "$dir/data" digest --at "$before" --out "$dir/site" > /dev/null 2> "$dir/before.log"
  touch "$dir/prepared"
fi

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$dir/digest.$i.time" \
    java -jar "$jar" --data "$dir/data" digest --at "$slot" --out "$dir/site" > "$dir/digest.$i.md" 2> "$dir/digest.$i.log"
  steps=$(grep -o "ms {.*}" "$dir/digest.$i.log" | head -n1)
  total=$(grep -o "input tokens, [0-9]* ms" "$dir/digest.$i.log" | grep -o "[0-9]* ms" | head -n1)
  echo "digest run $i: $(measured "$dir/digest.$i.time"); build $steps; build+render+store $total"
done
biggest=$(grep -E "^[0-9]+\. " "$dir/digest.$runs.md" | grep -o " 等 [0-9]* 位作者" | head -n1 || true)
echo "credit line of the biggest item:${biggest:- (no item with more than 4 authors)}"
