package serve

import "strings"

// hidden reports whether a path names the site's hidden folder (.warta:
// accounts, sessions, audit log; see internal/auth) or a file named like
// it (.warta-staging-…), at any depth and in any letter case. The build
// never publishes them; the preview refuses them all the same, so that no
// future change to what the build writes can serve them.
func hidden(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(strings.ToLower(seg), ".warta") {
			return true
		}
	}
	return false
}
