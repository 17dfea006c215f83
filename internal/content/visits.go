package content

import (
	"fmt"
	"maps"
	"slices"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Visit is what a page says about a program visit: the schools it names
// (keys of data/sekolah.yaml, checked by internal/reach once the schools
// are known) and, for a news report, how many took part. Totals only: the
// site never lists the children themselves.
type Visit struct {
	Schools []SchoolRef
	// Participants are the report's totals; nil when the report gives none.
	Participants *Participants
	// Line is where the schools are named (for messages about them all).
	Line int
}

// SchoolRef is one school named by a page, with the line it is named on.
type SchoolRef struct {
	Key  string
	Line int
}

// Participants are the totals of a visit; -1 is "not given".
type Participants struct {
	Children, Teachers, Parents int
}

// participantKeys are the fields of participants:, in display order.
var participantKeys = []string{"children", "teachers", "parents"}

// readVisit reads a news report's schools: and participants:, or a
// gallery's school: (key names the field). It returns nil when the page
// names no school and gives no totals.
func readVisit(r *reader, key string) *Visit {
	v := &Visit{Line: r.line(key)}
	lines := r.fields[key].ItemLines
	for i, k := range r.list(key) {
		line := v.Line
		if i < len(lines) {
			line = lines[i]
		}
		if slices.ContainsFunc(v.Schools, func(s SchoolRef) bool { return s.Key == k }) {
			r.ds = append(r.ds, diag.Warn(r.file, max(line, 1), diag.SchoolTwice, k))
			continue
		}
		v.Schools = append(v.Schools, SchoolRef{Key: k, Line: max(line, 1)})
	}
	if key == "schools" {
		v.Participants = readParticipants(r)
	}
	if len(v.Schools) == 0 && v.Participants == nil {
		return nil
	}
	return v
}

// readParticipants reads participants: {children: N, teachers: N, parents: N}.
func readParticipants(r *reader) *Participants {
	f, ok := r.fields["participants"]
	if !ok || f.Value == nil {
		return nil
	}
	m, ok := f.Value.(map[string]any)
	if !ok {
		r.fail("participants", diag.ParticipantsShape)
		return nil
	}
	p := &Participants{-1, -1, -1}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		val := m[k]
		i := slices.Index(participantKeys, k)
		if i < 0 {
			r.fail("participants", diag.ParticipantsUnknown, k)
			continue
		}
		n, ok := count(val)
		if !ok {
			r.fail("participants", diag.ParticipantsNotCount, k, fmt.Sprint(val))
			continue
		}
		*[]*int{&p.Children, &p.Teachers, &p.Parents}[i] = n
	}
	if *p == (Participants{-1, -1, -1}) {
		return nil
	}
	return p
}

// count reads a whole number of people, zero or more.
func count(v any) (int, bool) {
	switch n := v.(type) {
	case int64:
		return int(n), n >= 0 && n < 1e9
	case float64:
		return int(n), n >= 0 && n < 1e9 && n == float64(int(n))
	}
	return 0, false
}
