#!/usr/bin/env bash
# bench/compare-hugo.sh: warta against Hugo and against the floor on the same
# generated site (issue 7: "prove warta builds faster and leaner than
# Hugo"). Not run in CI; its results belong in docs/BENCHMARKS.md.
#
#   bash bench/compare-hugo.sh                                   # 10,000 news, 5 rounds
#   NEWS=1000 MODULES=150 GALLERIES=20 RUNS=3 bash bench/compare-hugo.sh   # a quick run
#   HUGO=/path/to/hugo bash bench/compare-hugo.sh                # skip installing Hugo
#   FLAT=1 bash bench/compare-hugo.sh                            # warta alone at 1k, 10k, 50k news
#   BEFORE=/path/to/old/warta bash bench/compare-hugo.sh         # also an older warta, in the same rounds
#   FRESH=1 bash bench/compare-hugo.sh                           # every tool writes into a new folder
#
# Hugo v0.166.0 is installed into the work folder first (about 5 minutes;
# HUGO=/path skips that). Hugo renders the same content folder with the
# config and templates in bench/hugo/, written to do what warta's built-in
# theme does: full pages (head with title, description, canonical, Open
# Graph, JSON-LD; menu; footer), news, module and gallery pages, the news,
# gallery and taxonomy lists paginated by 10, the module index, levels and
# topics, the Atom feeds, sitemap and robots.txt, minified with warta's
# minifier settings. warta does more besides (search index and /cari/,
# module zips and QR codes), which Hugo is not asked to do: the ratios are
# on warta's side of fair. The floor (bench/floor) only reads,
# parses and renders Markdown and writes one file per page.
#
# Images are not processed in this comparison: Hugo publishes the photos
# as they are, and warta finds every derivative in its cache (an untimed
# warm-up build fills it; the script checks the timed builds made none).
#
# Each timed run is one process under /usr/bin/time -v (wall time, CPU time,
# peak RSS), writing over the output of the previous run of the same tool,
# as the anchors of issue 7 were measured; warta builds with --full, so it
# renders every page each time instead of carrying pages over. With
# FRESH=1 each tool's output folder is deleted (untimed) before every run
# instead. Rounds alternate warta (and BEFORE, an older warta binary, for
# before/after tables), Hugo, floor, so that changes of load hit all.
set -euo pipefail
cd "$(dirname "$0")/.."

NEWS=${NEWS:-10000}
MODULES=${MODULES:-1500}
GALLERIES=${GALLERIES:-200}
RUNS=${RUNS:-5}
FLAT=${FLAT:-0}
FRESH=${FRESH:-0}
BEFORE=${BEFORE:-}
FLAT_SIZES=${FLAT_SIZES:-1000 10000 50000} # news; modules are 15% of it, galleries 2%
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/warta-hugo-bench.XXXXXX")}
mkdir -p "$WORK/bin"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# GNU time gives peak memory; a fresh Debian machine may not have it.
if [ ! -x /usr/bin/time ]; then
	if command -v apt-get >/dev/null; then
		echo "installing GNU time (Debian package time)"
		$([ "$(id -u)" = 0 ] || echo sudo) apt-get install -y -qq time >/dev/null
	else
		echo "bench/compare-hugo.sh needs GNU time at /usr/bin/time" >&2
		exit 1
	fi
fi

echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "go: $(go version)"
# Uncommitted files change what is measured; say how many there were.
echo "warta: commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(git status --porcelain 2>/dev/null | wc -l) uncommitted file(s)"
[ -z "$BEFORE" ] || echo "before: $BEFORE ($("$BEFORE" version 2>/dev/null | head -1))"
echo "output folders: $([ "$FRESH" = 1 ] && echo 'new for every run' || echo 'written over by every run')"
echo "work folder: $WORK"
echo "load before: $(loadavg) (1, 5, 15 min; other work on the machine skews every number)"

go build -tags nodynamic -o "$WORK/bin/warta" ./cmd/warta
go build -o "$WORK/bin/floor" ./bench/floor

# corpus DIR NEWS MODULES GALLERIES: the generated site, seed 1, written once
# per work folder (WORK=... reuses it).
corpus() {
	[ -d "$1/content" ] || go run ./cmd/warta-corpus -news "$2" -modules "$3" -galleries "$4" -photos 6 -seed 1 -out "$1"
}

# measure LABEL ROUND COMMAND...: one process under /usr/bin/time -v; its
# report is kept as $WORK/time-LABEL-ROUND.txt, its output as
# $WORK/log-LABEL-ROUND.txt.
measure() {
	local label=$1 round=$2
	shift 2
	if [ "$FRESH" = 1 ]; then
		# The output folder follows -out, --out or --destination.
		local a prev="" dest=""
		for a in "$@"; do
			case $prev in -out | --out | --destination) dest=$a ;; esac
			prev=$a
		done
		# warta keeps the site it replaced beside the output folder as its
		# next staging folder: a fresh run deletes that too.
		[ -n "$dest" ] && rm -rf "$dest" "$(dirname "$dest")/.warta-spare-$(basename "$dest")-"* && sync
	fi
	if ! /usr/bin/time -v -o "$WORK/time-$label-$round.txt" "$@" >"$WORK/log-$label-$round.txt" 2>&1; then
		cat "$WORK/log-$label-$round.txt"
		echo "$label failed (round $round)" >&2
		exit 1
	fi
}

# field LABEL wall|cpu|rss: one number per timed round, in round order, from
# the /usr/bin/time -v reports: wall seconds, user+sys seconds, peak KiB.
field() {
	local r f
	for r in $(seq "$RUNS"); do
		f=$WORK/time-$1-$r.txt
		case $2 in
		wall) wall "$f" ;;
		cpu) awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$f" ;;
		rss) awk -F': ' '/Maximum resident/ {print $2}' "$f" ;;
		esac
	done
}

# wall FILE: the wall seconds of one /usr/bin/time -v report.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s*60 + a[i]; print s}' "$1"; }

# stats: median, min and max of the numbers on standard input.
stats() { sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; print m, v[1], v[NR]}'; }

# images LOG: how many images warta made and took from its cache, from its
# summary line ("warta: gambar: 0 diolah, 220 dari cache").
images() { sed -n 's/.*: \([0-9]*\) [^,]*, \([0-9]*\) [^,]*cache.*/made \1, cached \2/p' "$1" | grep . || echo "none"; }

htmlcount() { find "$1" -name '*.html' | wc -l; }

# beforesite DIR: the older warta builds its own copy of the corpus, so
# that the two versions do not prune each other's image caches.
beforesite() {
	[ -d "$1-before" ] || { cp -a "$1" "$1-before" && rm -rf "$1-before/.cache"; }
	echo "$1-before"
}

if [ "$FLAT" = 1 ]; then
	# Flatness (issue 7): time per page within 20% from 1,000 to 50,000
	# news, and memory growing no faster than the page count. warta alone,
	# rounds alternating between the sizes after one warm-up build each.
	sizes=()
	for n in $FLAT_SIZES; do
		sizes+=("$n")
		corpus "$WORK/corpus-$n" "$n" $((n * 15 / 100)) $((n * 2 / 100))
		"$WORK/bin/warta" build --full --src "$WORK/corpus-$n" --out "$WORK/out-warta-$n" >"$WORK/warmup-$n.txt"
		[ -z "$BEFORE" ] || "$BEFORE" build --full --src "$(beforesite "$WORK/corpus-$n")" --out "$WORK/out-before-$n" >/dev/null
		echo "warm-up $n news (untimed, fills the image cache): $(images "$WORK/warmup-$n.txt")"
	done
	for r in $(seq "$RUNS"); do
		for n in "${sizes[@]}"; do
			measure "warta$n" "$r" "$WORK/bin/warta" build --full --src "$WORK/corpus-$n" --out "$WORK/out-warta-$n"
			[ -z "$BEFORE" ] || measure "before$n" "$r" "$BEFORE" build --full --src "$WORK/corpus-$n-before" --out "$WORK/out-before-$n"
		done
	done
	echo "load after: $(loadavg)"
	tools=(warta)
	[ -z "$BEFORE" ] || tools+=(before)
	for t in "${tools[@]}"; do
		echo "== flatness: $t build --full, $RUNS round(s), medians"
		printf '%7s %7s %9s %13s %8s %8s %9s %9s %10s   %s\n' news pages "wall (s)" "min-max (s)" "ms/page" "cpu (s)" "cpu ms/pg" "RSS (MiB)" "KiB/page" images
		base_wall="" base_cpu="" base_rss="" base_pages="" growth=()
		for n in "${sizes[@]}"; do
			pages=$(htmlcount "$WORK/out-$t-$n")
			read -r wall lo hi < <(field "$t$n" wall | stats)
			read -r cpu _ _ < <(field "$t$n" cpu | stats)
			read -r rss _ _ < <(field "$t$n" rss | stats)
			awk -v n="$n" -v p="$pages" -v w="$wall" -v lo="$lo" -v hi="$hi" -v c="$cpu" -v m="$rss" -v img="$(images "$WORK/log-$t$n-1.txt")" 'BEGIN {
				printf "%7d %7d %9.2f %6.2f-%-6.2f %8.2f %8.2f %9.2f %9.0f %10.1f   %s\n", n, p, w, lo, hi, 1000*w/p, c, 1000*c/p, m/1024, m/p, img }'
			if [ -z "$base_pages" ]; then
				base_wall=$wall base_cpu=$cpu base_rss=$rss base_pages=$pages
			else
				growth+=("$(awk -v n="$n" -v p="$pages" -v w="$wall" -v c="$cpu" -v m="$rss" -v bw="$base_wall" -v bc="$base_cpu" -v bm="$base_rss" -v bp="$base_pages" 'BEGIN {
					printf "%d news against the smallest: wall per page %+.0f%%, cpu per page %+.0f%% (target: within 20%%); peak RSS x%.2f for x%.2f the pages (target: no more than the pages)",
						n, 100*((w/p)/(bw/bp) - 1), 100*((c/p)/(bc/bp) - 1), m/bm, p/bp }')")
			fi
		done
		[ ${#growth[@]} = 0 ] || printf '%s\n' "${growth[@]}"
	done
	echo "work folder: $WORK"
	exit 0
fi

if [ -z "${HUGO:-}" ]; then
	HUGO="$WORK/bin/hugo"
	[ -x "$HUGO" ] || GOBIN="$WORK/bin" GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.166.0
fi
echo "hugo: $("$HUGO" version)"

site="$WORK/corpus-$NEWS-$MODULES-$GALLERIES"
corpus "$site" "$NEWS" "$MODULES" "$GALLERIES"
echo "corpus: $NEWS news, $MODULES modules, $GALLERIES galleries x 6 photos, seed 1: $(find "$site/content" -name '*.md' | wc -l) Markdown files, $(du -sh "$site/content" | cut -f1)"

# Hugo's site folder: bench/hugo's config and templates, and warta's own
# theme assets (the stylesheet, logo and share picture that warta's pages
# link), which Hugo minifies and fingerprints as warta does. The content is
# the corpus's, read in place with --contentDir.
hsite="$WORK/hugo-site"
rm -rf "$hsite"
mkdir -p "$hsite"
cp -r bench/hugo/hugo.toml bench/hugo/i18n bench/hugo/layouts "$hsite/"
cp -r assets "$hsite/assets"

wout="$WORK/out-warta" hout="$WORK/out-hugo" fout="$WORK/out-floor"
run_warta() { measure warta "$1" "$WORK/bin/warta" build --full --src "$site" --out "$wout"; }
run_hugo() { measure hugo "$1" "$HUGO" --quiet --source "$hsite" --contentDir "$site/content" --destination "$hout" --cacheDir "$WORK/hugo-cache"; }
# The floor writes the same HTML files as warta (the list is taken from
# warta's warm-up output): pretty-URL folders, one file per page and per
# list page.
run_floor() { measure floor "$1" "$WORK/bin/floor" -pages "$WORK/pages.txt" -out "$fout" "$site"; }
run_before() { [ -z "$BEFORE" ] || measure before "$1" "$BEFORE" build --full --src "$site-before" --out "$WORK/out-before"; }

# Warm-up, untimed: fills warta's image cache, Hugo's resource cache (the
# minified stylesheet), the output folders and the OS's file cache.
[ -z "$BEFORE" ] || beforesite "$site" >/dev/null
run_warta warmup
(cd "$wout" && find . -name '*.html' -printf '%P\n' | sort) >"$WORK/pages.txt"
run_before warmup
run_hugo warmup
run_floor warmup
echo "warm-up (untimed): warta images $(images "$WORK/log-warta-warmup.txt")"

for r in $(seq "$RUNS"); do
	run_warta "$r"
	run_before "$r"
	run_hugo "$r"
	run_floor "$r"
	echo "round $r: warta $(wall "$WORK/time-warta-$r.txt") s,$([ -z "$BEFORE" ] || echo " before $(wall "$WORK/time-before-$r.txt") s,") hugo $(wall "$WORK/time-hugo-$r.txt") s, floor $(wall "$WORK/time-floor-$r.txt") s; load $(loadavg)"
done
echo "load after: $(loadavg)"
echo "warta images in the timed runs: $(for r in $(seq "$RUNS"); do images "$WORK/log-warta-$r.txt"; done | sort | uniq -c | sed 's/^ *\([0-9]*\) /\1 run(s) /' | paste -sd';')"

echo "== $NEWS news, $MODULES modules, $GALLERIES galleries: $RUNS alternating round(s), medians"
printf '%-6s %7s %9s %15s %8s %10s\n' tool "pages" "wall (s)" "min-max (s)" "cpu (s)" "RSS (MiB)"
tools=(warta hugo floor)
[ -z "$BEFORE" ] || tools=(warta before hugo floor)
for t in "${tools[@]}"; do
	out=$WORK/out-$t
	read -r wall lo hi < <(field $t wall | stats)
	read -r cpu _ _ < <(field $t cpu | stats)
	read -r rss _ _ < <(field $t rss | stats)
	printf '%-6s %7d %9.2f %7.2f-%-7.2f %8.2f %10.0f\n' $t "$(htmlcount "$out")" "$wall" "$lo" "$hi" "$cpu" "$(echo "$rss / 1024" | bc -l)"
	printf -v "wall_$t" %s "$wall"
	printf -v "cpu_$t" %s "$cpu"
	printf -v "rss_$t" %s "$rss"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
for t in "${tools[@]:1}"; do
	w=wall_$t c=cpu_$t m=rss_$t
	printf 'warta/%-6s wall %s, cpu %s, RSS %s\n' "$t:" "$(ratio "$wall_warta" "${!w}")" "$(ratio "$cpu_warta" "${!c}")" "$(ratio "$rss_warta" "${!m}")"
done
# The rounds ran side by side under the same load, so the ratio within
# each round is steadier than the ratio of the medians.
for t in "${tools[@]:1}"; do
	for m in wall cpu; do
		paste <(field warta $m) <(field $t $m) | awk '{print $1/$2}' | stats |
			awk -v t="$t" -v m="$m" '{printf "warta/%s %s per round: median %.2f (%.2f-%.2f)\n", t, m, $1, $2, $3}'
	done
done
echo "work folder: $WORK"
