#!/usr/bin/env bash
# Refreshes the newsroom's vendored editor library from the npm registry:
# the built files of one pinned version of @github/markdown-toolbar-element
# and its licence go into internal/newsroom/static/vendor/, where
# go:embed compiles them into warta. Run it by hand to move to another
# version (change VERSION, run, read the diff, run the newsroom tests).
# Never run at build or test time: users and CI never need node.
set -euo pipefail
VERSION=2.2.3
PKG=@github/markdown-toolbar-element
cd "$(dirname "$0")/.."
dest=internal/newsroom/static/vendor/markdown-toolbar-element
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$PKG@$VERSION" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$dest"
cp "$tmp/package/dist/index.js" "$dest/index.js"
cp "$tmp/package/LICENSE" "$dest/LICENSE"
printf '%s@%s\n' "$PKG" "$VERSION" > "$dest/VERSION"
echo "refreshed $dest to $PKG@$VERSION"
