package serve

import "testing"

// TestClassifyData: the schools' data file (data/sekolah.yaml) is read
// with the settings, so a change to it is a settings change: the reach
// pages, school pages and data files are then rebuilt.
func TestClassifyData(t *testing.T) {
	w := &watcher{root: t.TempDir()}
	if !relevant("data/sekolah.yaml") {
		t.Fatal("data/sekolah.yaml is not watched")
	}
	ch, _ := w.classify(map[string]bool{"data/sekolah.yaml": true})
	if !ch.Config || len(ch.Files) > 0 {
		t.Errorf("data/sekolah.yaml classified as %+v, want a settings change", ch)
	}
}
