#!/bin/sh
# setup-auth.sh: what CI needs for internal/auth and `warta users`.
# Nothing to install: Argon2id (golang.org/x/crypto) and the terminal
# handling (golang.org/x/term) are Go modules fetched by `go test`, and the
# tests run their HTTP and TLS servers on loopback with the standard
# library. Kept so .ci/run can call every room's setup the same way.
set -eu
exit 0
