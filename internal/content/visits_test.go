package content

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestVisit(t *testing.T) {
	fsys := fstest.MapFS{
		"content/berita/a.md":                  file("---\ntitle: A\ndate: 2025-07-29\nschools:\n  - tk-1\n  - sd-2\nparticipants: {children: 40, parents: 0}\n---\n"),
		"content/berita/b.md":                  file("+++\ntitle = \"B\"\ndate = 2025-07-29\nschools = [\"tk-1\"]\n+++\n"),
		"content/berita/c.md":                  file("---\ntitle: C\ndate: 2025-07-29\n---\n"),
		"content/galeri/2025-07-29-g/index.md": file("---\ntitle: G\ndate: 2025-07-29\nschool: tk-1\n---\n"),
	}
	pages := load(t, fsys, Options{})
	a := pages["content/berita/a.md"].Visit
	want := &Visit{Schools: []SchoolRef{{"tk-1", 5}, {"sd-2", 6}}, Participants: &Participants{40, -1, 0}, Line: 4}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("a.md: got %+v, want %+v", a, want)
	}
	if b := pages["content/berita/b.md"].Visit; b == nil || len(b.Schools) != 1 || b.Schools[0].Key != "tk-1" || b.Participants != nil {
		t.Errorf("b.md (TOML): got %+v", b)
	}
	if c := pages["content/berita/c.md"].Visit; c != nil {
		t.Errorf("c.md names no school: got %+v", c)
	}
	if g := pages["content/galeri/2025-07-29-g/index.md"].Visit; g == nil || g.Schools[0] != (SchoolRef{"tk-1", 4}) {
		t.Errorf("gallery: got %+v", g)
	}
}

func TestVisitMessages(t *testing.T) {
	for front, want := range map[string]string{
		"schools: [a, a]":                    `x.md:4: warning: school "a" is named twice; remove the second one`,
		"participants: 40":                   `x.md:4: participants must be totals`,
		"participants: {children: 4.5}":      `x.md:4: participants: children must be a whole number of people (0 or more), not "4.5"; write the number only, like 40`,
		"participants: {murid: 4}":           `x.md:4: participants has an unknown field "murid"`,
		"participants: {teachers: [Bu Sri]}": `x.md:4: participants: teachers must be a whole number`,
	} {
		fsys := fstest.MapFS{"content/berita/x.md": file("---\ntitle: X\ndate: 2025-07-29\n" + front + "\n---\n")}
		_, ds := Load(context.Background(), fsys, Options{})
		if len(ds) != 1 || !strings.Contains(ds[0].Format("en"), want) {
			t.Errorf("%s: want %q, got %v", front, want, ds)
		}
	}
}

// FuzzVisit puts anything under schools: and participants: of a report:
// loading never panics, and participant totals are never negative.
func FuzzVisit(f *testing.F) {
	f.Add("[tk-1, sd-2]", "{children: 40, teachers: 3}")
	f.Add("tk-1", "[a]")
	f.Add("{a: b}", "{children: -1, parents: 1e30}")
	f.Add("[[x]]", "{children: .nan}")
	f.Fuzz(func(t *testing.T, schools, participants string) {
		fsys := fstest.MapFS{"content/berita/x.md": file("---\ntitle: X\ndate: 2025-07-29\nschools: " + schools + "\nparticipants: " + participants + "\n---\n")}
		pages, _ := Load(context.Background(), fsys, Options{})
		for _, p := range pages {
			if v := p.Visit; v != nil && v.Participants != nil {
				for _, n := range []int{v.Participants.Children, v.Participants.Teachers, v.Participants.Parents} {
					if n < -1 {
						t.Errorf("participants %+v", v.Participants)
					}
				}
			}
		}
	})
}
