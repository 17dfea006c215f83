#!/usr/bin/env bash
# The independent readers internal/scrub's tests check cleaned files with
# (issue 12): exiftool reads every tag of pictures, PDFs and Office files;
# qpdf checks that a cleaned PDF's structure and cross-reference table are
# still sound. The tests fail under CI=true when either is missing.
# Idempotent; assumes root.
set -euo pipefail

if ! command -v exiftool >/dev/null || ! command -v qpdf >/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libimage-exiftool-perl qpdf
fi
exiftool -ver >/dev/null
qpdf --version >/dev/null
