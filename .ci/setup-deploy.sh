#!/usr/bin/env bash
# The real servers internal/deploy's tests deploy to (issue 15): OpenSSH's
# sshd for SFTP (the tests start their own on a loopback port, with their
# own host key and configuration; the system's sshd is not started), and
# Versity's S3 gateway over a temporary folder, built from its Go module at
# a pinned version (a few minutes the first time, nothing after).
# Idempotent; assumes root.
set -euo pipefail

if [ ! -x /usr/sbin/sshd ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openssh-server
fi
mkdir -p /run/sshd # sshd's privilege separation folder

VERSITYGW=v1.8.0
bin="$(go env GOPATH)/bin/versitygw"
if ! [ -x "$bin" ] || ! go version -m "$bin" | grep -q "mod[[:space:]]*github.com/versity/versitygw[[:space:]]*$VERSITYGW"; then
  go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW"
fi
"$bin" --help >/dev/null
