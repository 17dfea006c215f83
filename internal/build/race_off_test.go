//go:build !race

package build_test

// raceEnabled: the tests run with -race, which makes very large builds slow.
const raceEnabled = false
