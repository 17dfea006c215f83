// Package auth keeps the newsroom safe to open to an office network:
// accounts, roles, sessions, the login limiter, request checks (Host,
// Origin, CSRF), the audit log and the office's own TLS certificate.
//
// # The hidden folder
//
// Everything auth keeps lives in the site's hidden folder, .warta/ beside
// site.yaml, which the build never reads and never publishes:
//
//	.warta/users.json     accounts (Argon2id hashes, never passwords)
//	.warta/sessions.json  open sessions (a SHA-256 of each id, never the id)
//	.warta/audit.log      one JSON line per event, append-only
//	.warta/tls/           the office certificate authority and certificate
//
// Files are written whole to a temporary file and renamed (atomic), with
// mode 0600 in a folder of mode 0700: other people on the same computer
// cannot read them.
//
// # Rules
//
// Every request the newsroom answers passes Middleware: its Host must be
// one the server was started for (DNS rebinding), a request that changes
// something must come from the same origin (Origin, else Referer) and
// carry the session's CSRF token, and the person's role must allow the
// action (Can; RequireAction wraps handlers). Buttons the role cannot use
// may be hidden, but hiding is never the protection.
//
// Sessions are server-side: the cookie holds 256 random bits and nothing
// else. A session ends after Idle without a request, after Absolute in
// any case, at logout, when the person's password changes (their other
// sessions) and when the account is removed. Sessions survive a restart
// of warta serve: the file keeps only hashes, so reading it does not let
// anyone log in.
//
// With no account at all, on loopback, the newsroom runs for whoever runs
// warta: the terminal prints an address holding a secret made for this
// run (RunSecret), which opens a session for the local person. Host,
// Origin and CSRF are checked all the same.
package auth
