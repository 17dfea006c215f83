#!/usr/bin/env bash
# bench/images/compare-hugo.sh: warta's image pipeline against Hugo's
# .Resize on the same generated photos and widths, on this machine. Not
# run in CI; docs/BENCHMARKS.md ("Images") says what it printed.
#
#   bash bench/images/compare-hugo.sh                # 200 photos of 3000x2000, 3 rounds
#   N=20 RUNS=1 bash bench/images/compare-hugo.sh    # a quick look
#
# Hugo v0.166.0 is installed into the work folder first (about 5 minutes;
# HUGO=/path/to/hugo skips that). Both make 480, 960 and 1600 px wide JPEGs
# at quality 80 from every photo, and a WebP at quality 80 of each (as a
# warta build does; WEBP=0 makes the JPEGs only): Hugo with its default
# filter (box) and WebP settings (method 2, photo preset) through .Resize
# in a template, warta through internal/imageproc (bench/images).
# Cold: empty caches (Hugo's resources/_gen, warta's cache folder). Warm:
# the same again with the caches full. Rounds alternate between the two;
# each run is one process under /usr/bin/time -v: wall time, CPU time and
# peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${N:-200}
W=${W:-3000}
H=${H:-2000}
RUNS=${RUNS:-3}
WEBP=${WEBP:-1}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/warta-images-bench.XXXXXX")}
mkdir -p "$WORK/bin"

if [ -z "${HUGO:-}" ]; then
	HUGO="$WORK/bin/hugo"
	[ -x "$HUGO" ] || GOBIN="$WORK/bin" GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.166.0
fi
CGO_ENABLED=0 go build -tags nodynamic -o "$WORK/bin/warta-images" ./bench/images
PHOTOS=$("$WORK/bin/warta-images" -n "$N" -w "$W" -h "$H" -photos "$WORK/photos" -gen-only)

echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "go: $(go version)"
echo "hugo: $("$HUGO" version)"
echo "photos: $N of ${W}x${H} in $PHOTOS ($(du -sh "$PHOTOS" | cut -f1)), WebP too: $([ "$WEBP" = 1 ] && echo yes || echo no)"

# The Hugo site: the home page is a bundle holding every photo.
site="$WORK/hugo-site"
mkdir -p "$site/content" "$site/layouts"
cat >"$site/hugo.toml" <<'TOML'
baseURL = "http://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section", "page"]
[imaging]
quality = 80
TOML
printf -- '---\ntitle: Foto\n---\n' >"$site/content/_index.md"
cp "$PHOTOS"/*.jpg "$site/content/"
cat >"$site/layouts/home.html" <<'TMPL'
{{ range .Resources.ByType "image" }}
{{ $a := .Resize "480x q80" }}{{ $b := .Resize "960x q80" }}{{ $c := .Resize "1600x q80" }}
<img src="{{ $a.RelPermalink }}" srcset="{{ $a.RelPermalink }} 480w, {{ $b.RelPermalink }} 960w, {{ $c.RelPermalink }} 1600w">
{{ end }}
TMPL
if [ "$WEBP" = 1 ]; then
	cat >"$site/layouts/home.html" <<'TMPL'
{{ range .Resources.ByType "image" }}
{{ $a := .Resize "480x q80" }}{{ $b := .Resize "960x q80" }}{{ $c := .Resize "1600x q80" }}
{{ $wa := .Resize "480x webp q80" }}{{ $wb := .Resize "960x webp q80" }}{{ $wc := .Resize "1600x webp q80" }}
<picture><source type="image/webp" srcset="{{ $wa.RelPermalink }} 480w, {{ $wb.RelPermalink }} 960w, {{ $wc.RelPermalink }} 1600w">
<img src="{{ $a.RelPermalink }}" srcset="{{ $a.RelPermalink }} 480w, {{ $b.RelPermalink }} 960w, {{ $c.RelPermalink }} 1600w"></picture>
{{ end }}
TMPL
fi
wartaflags=(-webp="$([ "$WEBP" = 1 ] && echo true || echo false)")

measure() { # label command...
	local label=$1
	shift
	/usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt"; exit 1; }
	local wall user sys rss
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
	user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
	sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
	rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$WORK/time.txt")
	printf '%-12s wall %7.2f s  cpu %7.2f s  peak %5s MiB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$rss" | tee -a "$WORK/results.txt"
}

: >"$WORK/results.txt"
for r in $(seq "$RUNS"); do
	echo "== round $r"
	rm -rf "$site/resources" "$site/public" "$WORK/hugo-cache"
	measure hugo-cold "$HUGO" --quiet --source "$site" --cacheDir "$WORK/hugo-cache"
	measure hugo-warm "$HUGO" --quiet --source "$site" --cacheDir "$WORK/hugo-cache"
	rm -rf "$WORK/warta-cache"
	measure warta-cold "$WORK/bin/warta-images" -n "$N" -w "$W" -h "$H" -photos "$PHOTOS" -cache "$WORK/warta-cache" -run cold "${wartaflags[@]}"
	measure warta-warm "$WORK/bin/warta-images" -n "$N" -w "$W" -h "$H" -photos "$PHOTOS" -cache "$WORK/warta-cache" -run warm "${wartaflags[@]}"
done

echo "== medians over $RUNS round(s)"
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for l in hugo-cold hugo-warm warta-cold warta-warm; do
	w=$(awk -v l="$l" '$1==l {print $3}' "$WORK/results.txt" | median)
	c=$(awk -v l="$l" '$1==l {print $6}' "$WORK/results.txt" | median)
	m=$(awk -v l="$l" '$1==l {print $9}' "$WORK/results.txt" | median)
	awk -v l="$l" -v w="$w" -v c="$c" -v m="$m" -v n="$N" 'BEGIN {
		printf "%-12s wall %7.2f s (%.1f ms/photo)  cpu %7.2f s (%.1f ms/photo)  peak %s MiB\n", l, w, 1000*w/n, c, 1000*c/n, m }'
done | tee "$WORK/medians.txt"
awk '$1=="hugo-cold" {hw=$3; hc=$8} $1=="warta-cold" {ww=$3; wc=$8} END {printf "ratio warta/hugo, cold: wall %.2f, cpu %.2f\n", ww/hw, wc/hc}' "$WORK/medians.txt"
echo "work folder: $WORK"
