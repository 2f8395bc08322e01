#!/usr/bin/env bash
# NativeAOT against the JIT (issue 24, item 6): the same fixed synthetic corpus on ONE worker,
# a JIT Release build and a NativeAOT publish run alternately, one process per run, so a change in
# the machine's load hits both alike. Prints every run's line, then per round the AOT/JIT ratios and
# the medians over the rounds.
#   tools/StanceRules.BatchThroughput/run-aot-vs-jit.sh [rounds=5] [articles=4000]
# SKIP_BUILD=1 reuses the builds. DIAGNOSE=1 adds, each round, the runs that place the gap:
# the JIT with interpreted rule expressions, and both runtimes with the reference (all-NRules) matcher.
set -euo pipefail
rounds=${1:-5}
articles=${2:-4000}
root=$(cd "$(dirname "$0")/../.." && pwd)
project="$root/tools/StanceRules.BatchThroughput"
jit="$project/bin/Release/net10.0/StanceRules.BatchThroughput.dll"
aot=${AOT_DIR:-/tmp/bt-aot}/StanceRules.BatchThroughput
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build "$project" -c Release -v q -nologo >/dev/null
  dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "${AOT_DIR:-/tmp/bt-aot}" -v q -nologo >/dev/null
fi
out=$(mktemp)
for round in $(seq 1 "$rounds"); do
  run() { echo "round=$round $("$@")" | tee -a "$out"; }
  # Alternate which runtime goes first, so neither always gets the quieter slot.
  if (( round % 2 )); then
    run dotnet "$jit" --single "$articles" indexed default
    run "$aot" --single "$articles" indexed default
  else
    run "$aot" --single "$articles" indexed default
    run dotnet "$jit" --single "$articles" indexed default
  fi
  if [[ "${DIAGNOSE:-}" == 1 ]]; then
    run dotnet "$jit" --single "$articles" indexed interpreted
    run dotnet "$jit" --single "$articles" reference default
    run "$aot" --single "$articles" reference default
  fi
done
# Every run infers the same reports, whatever the runtime (closures under NativeAOT, compiled trees
# under the JIT, interpreted trees) and the matcher: one digest of every report's JSON, or a failure.
digests=$(grep -o 'reports=[0-9A-F]*' "$out" | sort -u)
if [[ $(echo "$digests" | wc -l) != 1 ]]; then
  echo "reports DIFFER between runs:"; grep -o 'runtime=[a-z]* matching=[a-z]* expressions=[a-z]*\|reports=[0-9A-F]*' "$out" | paste - - | sort | uniq -c
  rm -f "$out"; exit 1
fi
echo "reports: the same in every run ($digests)"
awk '
  function field(name,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } }
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                     return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { key = field("runtime") "/" field("matching") "/" field("expressions"); r = field("round")
    batch[key, r] = field("facts_per_s"); infer[key, r] = field("infer_facts_per_s"); arts[key, r] = field("articles_per_s")
    keys[key] = 1; if (r > rounds) rounds = r }
  END {
    print ""; print "round  AOT/JIT batch (facts/s)  AOT/JIT inference alone"
    for (r = 1; r <= rounds; r++) {
      rb[r] = batch["aot/indexed/default", r] / batch["jit/indexed/default", r]
      ri[r] = infer["aot/indexed/default", r] / infer["jit/indexed/default", r]
      printf "%5d  %23.2fx  %23.2fx\n", r, rb[r], ri[r] }
    printf "median %22.2fx  %23.2fx\n", median(rb, rounds), median(ri, rounds)
    print ""; print "median over rounds                batch facts/s  batch articles/s  inference alone facts/s"
    for (k in keys) { n = 0; for (r = 1; r <= rounds; r++) if ((k, r) in batch) { n++; b[n] = batch[k, r]; a[n] = arts[k, r]; i2[n] = infer[k, r] }
      printf "%-32s %14d %17d %24d\n", k, median(b, n), median(a, n), median(i2, n) }
  }' "$out"
rm -f "$out"
