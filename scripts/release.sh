#!/usr/bin/env bash
# Release binaries of warta, one file per system, built reproducibly: the
# same commit gives the same bytes on any machine (-trimpath drops the
# builder's paths, -buildid= the random build id, -buildvcs=false the
# work tree's state; the version and commit come in through -ldflags).
#
#   scripts/release.sh [VERSION]   writes dist/warta-VERSION-OS-ARCH[.exe]
#                                  and dist/SHA256SUMS
#   scripts/release.sh --check     builds every target twice and fails
#                                  unless both give the same bytes (see
#                                  RELEASE_CHECK_COLD below)
#
# VERSION defaults to the commit's tag (git describe), else "dev".
# RELEASE_TARGETS="linux/amd64 ..." builds only those targets.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=${RELEASE_TARGETS:-"windows/amd64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64"}

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
check=false
if [ "${1:-}" = "--check" ]; then
  check=true
  version=check
else
  version=${1:-$(git describe --tags --exact-match 2>/dev/null || echo dev)}
fi

# build OS ARCH OUT: one binary. -tags nodynamic keeps github.com/gen2brain/webp
# to its WebAssembly libwebp: without it, the binary links libdl to look for a
# libwebp of the system, and is no longer static.
build() {
  CGO_ENABLED=0 GOOS=$1 GOARCH=$2 go build -tags nodynamic -trimpath -buildvcs=false \
    -ldflags "-buildid= -s -w -X main.version=$version -X main.commit=$commit" \
    -o "$3" ./cmd/warta
}

sum() {
  if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

if $check; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Every target is built twice. The second build of the targets in
  # RELEASE_CHECK_COLD ("all" for every one; default linux/amd64) starts
  # from an empty build cache, so nothing is reused from the first and
  # equal bytes mean the build itself is stable; the others are compiled
  # and linked again from the cache (a cold cross build of every target
  # costs about two CPU minutes each).
  cold=${RELEASE_CHECK_COLD:-linux/amd64}
  status=0
  for t in $targets; do
    os=${t%/*} arch=${t#*/}
    build "$os" "$arch" "$work/a"
    if [ "$cold" = all ] || [ "$cold" = "$t" ]; then
      GOCACHE="$work/cache" build "$os" "$arch" "$work/b"
      how="empty cache"
    else
      build "$os" "$arch" "$work/b"
      how="cache"
    fi
    a=$(sum "$work/a" | cut -d' ' -f1) b=$(sum "$work/b" | cut -d' ' -f1)
    if [ "$a" = "$b" ]; then
      echo "ok   $t $a (second build: $how)"
    else
      echo "FAIL $t: $a differs from $b (second build: $how)"; status=1
    fi
  done
  exit $status
fi

rm -rf dist
mkdir -p dist
for t in $targets; do
  os=${t%/*} arch=${t#*/}
  ext=""
  [ "$os" = windows ] && ext=.exe
  out="dist/warta-$version-$os-$arch$ext"
  build "$os" "$arch" "$out"
  echo "built $out"
done
(cd dist && sum warta-* > SHA256SUMS)
cat dist/SHA256SUMS
