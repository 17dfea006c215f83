#!/usr/bin/env bash
# bench/profile.sh: CPU and allocation profiles of a full build of the
# 10,000-news corpus into memory or to disk. Not run in CI.
#
#   bash bench/profile.sh            # BenchmarkBuild/10k/disk
#   BENCH=Build/1k/memory bash bench/profile.sh
#
# Writing the corpus happens in the same process, outside the timed loop;
# -focus keeps only the samples under build.Build.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH=${BENCH:-Build/10k/disk}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/warta-profile.XXXXXX")}

WARTA_BENCH_LARGE=1 go test ./internal/build -run '^$' -bench "^Benchmark${BENCH}\$" \
	-benchtime 3x -count 1 -timeout 1h \
	-o "$OUT/build.test" -cpuprofile "$OUT/cpu.out" -memprofile "$OUT/mem.out"

focus='build\.Build'
echo "== CPU, flat"
go tool pprof -top -nodecount 25 -focus "$focus" "$OUT/build.test" "$OUT/cpu.out" | tail -n +5
echo "== CPU, cumulative"
go tool pprof -top -cum -nodecount 40 -focus "$focus" "$OUT/build.test" "$OUT/cpu.out" | tail -n +5
echo "== allocated bytes"
go tool pprof -top -sample_index alloc_space -nodecount 20 -focus "$focus" "$OUT/build.test" "$OUT/mem.out" | tail -n +5
echo "== allocations"
go tool pprof -top -sample_index alloc_objects -nodecount 20 -focus "$focus" "$OUT/build.test" "$OUT/mem.out" | tail -n +5
echo "profiles in $OUT (go tool pprof -http=: $OUT/build.test $OUT/cpu.out)"
