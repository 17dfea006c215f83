package auth

import "testing"

// TestCanTable spells out every role × action × ownership: a change to the
// rules must change this table too.
func TestCanTable(t *testing.T) {
	const (
		no  = 0
		own = 1 // only on their own page
		yes = 2
	)
	want := map[Action][3]int{ // penulis, penyunting, admin
		View:           {yes, yes, yes},
		Create:         {yes, yes, yes},
		Edit:           {own, yes, yes},
		Submit:         {own, yes, yes},
		Upload:         {own, yes, yes},
		Restore:        {own, yes, yes},
		Return:         {no, yes, yes},
		Approve:        {no, yes, yes},
		Publish:        {no, yes, yes},
		Delete:         {no, yes, yes},
		Deploy:         {no, yes, yes},
		ManageAccounts: {no, no, yes},
		ViewAudit:      {no, no, yes},
	}
	if len(want) != len(Actions) {
		t.Fatalf("the table has %d actions, Actions %d", len(want), len(Actions))
	}
	for _, a := range Actions {
		for i, r := range Roles {
			w := want[a][i]
			if got := Can(r, a, true); got != (w != no) {
				t.Errorf("Can(%s, %s, owner) = %v", r, a, got)
			}
			if got := Can(r, a, false); got != (w == yes) {
				t.Errorf("Can(%s, %s, not owner) = %v", r, a, got)
			}
		}
		for _, r := range []Role{"", "tamu", "Admin", "ADMIN"} {
			if Can(r, a, true) {
				t.Errorf("unknown role %q may %s", r, a)
			}
		}
	}
	if Can(Admin, "hapus-semua", true) {
		t.Error("an unknown action is allowed")
	}
}

func TestCanPageWriterDraftsOnly(t *testing.T) {
	for _, st := range []string{"draft", "review", "scheduled", "published"} {
		for _, a := range []Action{Edit, Submit, Upload, Restore} {
			if got := CanPage(Penulis, a, true, st); got != (st == "draft") {
				t.Errorf("writer %s own page in %s = %v", a, st, got)
			}
			if CanPage(Penulis, a, false, st) {
				t.Errorf("writer may %s someone else's page in %s", a, st)
			}
			if !CanPage(Penyunting, a, false, st) || !CanPage(Admin, a, false, st) {
				t.Errorf("editor may not %s a page in %s", a, st)
			}
		}
		if !CanPage(Penulis, View, false, st) {
			t.Errorf("writer cannot view a page in %s", st)
		}
		if CanPage(Penulis, Approve, true, st) {
			t.Errorf("writer may approve their own page in %s", st)
		}
	}
}

func TestParseRole(t *testing.T) {
	for _, r := range Roles {
		if got, err := ParseRole(string(r)); err != nil || got != r {
			t.Errorf("ParseRole(%s) = %v, %v", r, got, err)
		}
	}
	if _, err := ParseRole("editor"); err == nil {
		t.Error("ParseRole(editor) accepted")
	}
}
