// Package warta holds the built-in theme: the layouts and assets of this
// repository, compiled into the binary so that `warta build` works on a
// folder that has only content/.
package warta

import "embed"

// Theme is the built-in theme: layouts/, assets/ and the archetypes of
// `warta new`.
//
//go:embed layouts assets archetypes
var Theme embed.FS
