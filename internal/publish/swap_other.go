//go:build !linux

package publish

func exchange(staged, out string) error { return renameSwap(staged, out) }
