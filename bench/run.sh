#!/usr/bin/env bash
# bench/run.sh: measure warta on the sample site and on generated corpora
# of 1,000 and 10,000 news. Not run in CI; docs/BENCHMARKS.md says what it
# printed on our machine.
#
#   bash bench/run.sh                 # everything; the 10,000-news builds take most of the time
#   COUNT=6 RUNS=5 WORK=/tmp/wb bash bench/run.sh
#
# 1. go test benchmarks (BenchmarkBuild, BenchmarkFloor in internal/build),
#    COUNT runs each, summarised by benchstat (medians, ± spread).
# 2. The warta command end to end with /usr/bin/time -v on each site, RUNS
#    rounds alternating between the sites after one warm-up build each,
#    every build overwriting the previous output, once as a full build and
#    once with nothing changed: median wall time, min-max, CPU time and
#    peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-6}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/warta-bench.XXXXXX")}
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
mkdir -p "$WORK/bin"

echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "go: $(go version)"
echo "work folder: $WORK"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews every number)"

go build -tags nodynamic -o "$WORK/bin/warta" ./cmd/warta
go build -o "$WORK/bin/warta-corpus" ./cmd/warta-corpus
corpus() { # name news modules galleries
	[ -d "$WORK/$1" ] || "$WORK/bin/warta-corpus" -news "$2" -modules "$3" -galleries "$4" -photos 6 -seed 1 -out "$WORK/$1"
}
corpus 1k 1000 150 20
corpus 10k 10000 1500 200

echo "== go test benchmarks (-count $COUNT)"
WARTA_BENCH_LARGE=1 go test -tags nodynamic ./internal/build -run '^$' -bench 'Build|Floor' -count "$COUNT" -timeout 2h | tee "$WORK/bench.txt"
go run "$BENCHSTAT" "$WORK/bench.txt" || echo "(benchstat not available; raw results in $WORK/bench.txt)"

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warta build end to end ($RUNS alternating rounds after a warm-up)"
# full: the saved render state is deleted first, so every page is made
# again (resized images stay cached, as on any machine that built before);
# unchanged: a second build of the same content, which carries every
# unchanged page over from the previous output.
declare -A src=([sample]=. [1k]="$WORK/1k" [10k]="$WORK/10k")
sites=(sample 1k 10k)
build() { # site mode round
	[ "$2" = full ] && rm -f "${src[$1]}"/.cache/warta/render-*.state
	/usr/bin/time -v -o "$WORK/time-$1-$2-$3.txt" "$WORK/bin/warta" build --src "${src[$1]}" --out "$WORK/out-$1" >"$WORK/out-$1-$2.log"
}
for s in "${sites[@]}"; do build "$s" full 0; done
for r in $(seq "$RUNS"); do
	for s in "${sites[@]}"; do
		build "$s" full "$r"
		build "$s" unchanged "$r"
	done
done

# median, min and max of the numbers on standard input
stats() { sort -g | awk '{v[NR]=$1} END {m = NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%s %s %s\n", m, v[1], v[NR]}'; }
field() { # site mode pattern: one /usr/bin/time -v line over the rounds
	for r in $(seq "$RUNS"); do grep "$3" "$WORK/time-$1-$2-$r.txt" | awk -F': ' '{print $2}'; done
}
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s*60 + $i; print s }'; }

printf '%-8s %-10s %7s %9s %13s %9s %10s %9s\n' site build pages "wall (s)" "min-max (s)" "cpu (s)" "RSS (MiB)" "pages/s"
for s in "${sites[@]}"; do
	for m in full unchanged; do
		pages=$(grep -o '[0-9]\+' "$WORK/out-$s-$m.log" | head -1)
		read -r wall lo hi < <(field "$s" $m 'Elapsed (wall clock)' | seconds | stats)
		read -r cpu _ _ < <(paste -d+ <(field "$s" $m 'User time') <(field "$s" $m 'System time') | bc | stats)
		read -r rss _ _ < <(field "$s" $m 'Maximum resident set size' | stats)
		printf '%-8s %-10s %7s %9.2f %13s %9.2f %10.0f %9.0f\n' "$s" $m "$pages" "$wall" "$lo-$hi" "$cpu" \
			"$(echo "$rss/1024" | bc -l)" "$(echo "$pages/$wall" | bc -l)"
	done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
