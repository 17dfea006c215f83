#!/usr/bin/env bash
# The independent readers internal/scrub's tests check cleaned files with
# (issue 12): exiftool reads every tag of pictures, PDFs and Office files;
# qpdf checks that a cleaned PDF's structure and cross-reference table are
# still sound. The tests fail under CI=true when either is missing.
# exiftool reads the parts of a zip-based Office file (DOCX, XLSX, ODT)
# only with Perl's Archive::Zip, which Debian lists as a recommendation,
# not a dependency: without it exiftool sees the first zip entry and no
# document fields, so it is installed by name.
# Idempotent; assumes root.
set -euo pipefail

if ! command -v exiftool >/dev/null || ! command -v qpdf >/dev/null || ! perl -MArchive::Zip -e 1 2>/dev/null; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libimage-exiftool-perl libarchive-zip-perl qpdf
fi
exiftool -ver >/dev/null
qpdf --version >/dev/null
perl -MArchive::Zip -e 1
