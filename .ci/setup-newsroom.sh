#!/usr/bin/env bash
# The newsroom's end-to-end tests (internal/newsroom) drive a real headless
# Chromium with chromedp; under CI=true they fail without one. .ci/run
# installs Chromium for the module PDFs already; this makes sure of it on
# its own, idempotently.
set -euo pipefail
if command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; then
  exit 0
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
