#!/bin/sh
# What the tests of internal/history need: the git command, to check with
# git itself that a save's commit has the right author and only its files.
# Idempotent; run as root by .ci/run.
set -e
if ! command -v git >/dev/null 2>&1; then
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git
fi
