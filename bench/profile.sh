#!/usr/bin/env bash
# bench/profile.sh: CPU and allocation profiles of full builds of the
# 10,000-news corpus. Not run in CI.
#
#   bash bench/profile.sh            # BenchmarkBuild/10k/disk, 3 builds
#   BENCH=Build/1k/memory bash bench/profile.sh
#
# The profiles cover the whole test process; writing the corpus (package
# corpus, writeCorpus) is left out with -ignore. Rendering runs on worker
# goroutines whose stacks do not start in build.Build, so -focus on it
# would lose most of the build.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH=${BENCH:-Build/10k/disk}
BENCHTIME=${BENCHTIME:-3x}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/warta-profile.XXXXXX")}
mkdir -p "$OUT"

WARTA_BENCH_LARGE=1 go test -tags nodynamic ./internal/build -run '^$' -bench "^Benchmark${BENCH}\$" \
	-benchtime "$BENCHTIME" -count 1 -timeout 1h \
	-o "$OUT/build.test" -cpuprofile "$OUT/cpu.out" -memprofile "$OUT/mem.out"

pprof() { go tool pprof -ignore 'corpus|writeCorpus' "$@" "$OUT/build.test" 2>/dev/null; }
echo "== CPU, flat"
pprof -top -nodecount 25 "$OUT/cpu.out" | tail -n +6
echo "== CPU, cumulative"
pprof -top -cum -nodecount 60 "$OUT/cpu.out" | tail -n +6
echo "== allocated bytes"
pprof -top -sample_index alloc_space -nodecount 20 "$OUT/mem.out" | tail -n +6
echo "== allocations"
pprof -top -sample_index alloc_objects -nodecount 20 "$OUT/mem.out" | tail -n +6
echo "profiles in $OUT (go tool pprof -http=: $OUT/build.test $OUT/cpu.out)"
