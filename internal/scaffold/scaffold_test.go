package scaffold_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/pagefile"
	"github.com/dinsos-metro/warta/internal/scaffold"
	"github.com/dinsos-metro/warta/internal/schema"
)

var jakarta, _ = time.LoadLocation("Asia/Jakarta")

// 23:30 on 28 November in Jakarta is still the 28th there (16:30 UTC).
var clock = time.Date(2026, 11, 28, 16, 30, 0, 0, time.UTC).In(jakarta)

func TestCreateEachKind(t *testing.T) {
	dir := t.TempDir()
	layers := []fs.FS{os.DirFS(dir), warta.Theme}
	cases := []struct {
		req  scaffold.Request
		path string
		want []string
	}{
		{scaffold.Request{Kind: "berita", Title: "Kunjungan ke TK Negeri 1 Metro Pusat", Now: clock},
			"content/berita/2026-11-28-kunjungan-ke-tk-negeri-1-metro-pusat/index.md",
			[]string{`title: "Kunjungan ke TK Negeri 1 Metro Pusat"`, "date: 2026-11-28", "district:", "cover:", "consent: false", "gallery:", "draft: true"}},
		{scaffold.Request{Kind: "modul", Title: "Sentuhan Aman & Tidak Aman", Level: "paud", Now: clock},
			"content/modul/paud/sentuhan-aman-tidak-aman/index.md",
			[]string{"level: paud", `ages: "4-6"`, "topics:", "objectives:", "materials:", "attachments:"}},
		{scaffold.Request{Kind: "galeri", Title: "Kunjungan SD Negeri 5", Now: clock},
			"content/galeri/2026-11-28-kunjungan-sd-negeri-5/index.md",
			[]string{"date: 2026-11-28", "consent: false", "photos:"}},
	}
	for _, c := range cases {
		got, err := scaffold.Create(dir, layers, c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.req.Kind, err)
		}
		if got != c.path {
			t.Errorf("%s: created %s, want %s", c.req.Kind, got, c.path)
		}
		data, err := os.ReadFile(filepath.Join(dir, got))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s: %s lacks %q:\n%s", c.req.Kind, got, w, data)
			}
		}
	}
	// What new writes must load without a single problem (drafts included).
	pages, ds := loadDir(t, dir)
	if len(ds) > 0 || len(pages) != 3 {
		t.Fatalf("new pages do not load cleanly: %d pages, problems %v", len(pages), ds)
	}
}

func loadDir(t *testing.T, dir string) ([]*content.Page, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			data, _ := os.ReadFile(p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	pages, diags := content.Load(t.Context(), fsys, content.Options{Drafts: true, Location: jakarta, RequireConsent: true})
	var out []string
	for _, d := range diags {
		out = append(out, d.Format("en"))
	}
	return pages, out
}

func TestCreateNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	layers := []fs.FS{warta.Theme}
	req := scaffold.Request{Kind: "berita", Title: "Rapat Koordinasi", Now: clock}
	path, err := scaffold.Create(dir, layers, req)
	if err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(dir, path)
	if err := os.WriteFile(full, []byte("tulisan staf"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Create(dir, layers, req); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Fatalf("second create: %v, want an 'exists already' error", err)
	}
	if data, _ := os.ReadFile(full); string(data) != "tulisan staf" {
		t.Fatalf("the existing page was changed: %q", data)
	}
}

func TestCreateRefusals(t *testing.T) {
	dir := t.TempDir()
	for _, req := range []scaffold.Request{
		{Kind: "modul", Title: "Tanpa Jenjang", Now: clock},
		{Kind: "modul", Title: "Jenjang Salah", Level: "sma", Now: clock},
		{Kind: "pengumuman", Title: "Jenis Salah", Now: clock},
		{Kind: "berita", Title: "!!!", Now: clock},
	} {
		if _, err := scaffold.Create(dir, []fs.FS{warta.Theme}, req); err == nil {
			t.Errorf("%+v: no error", req)
		}
	}
}

func TestSiteArchetypeWins(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "archetypes"), 0o755); err != nil {
		t.Fatal(err)
	}
	own := "---\ntitle: \"{{.Title}}\"\ndate: {{.Date}}\nprogram: Layanan Anak Terpadu\n---\n"
	if err := os.WriteFile(filepath.Join(dir, "archetypes", "berita.md"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	path, err := scaffold.Create(dir, []fs.FS{os.DirFS(dir), warta.Theme}, scaffold.Request{Kind: "berita", Title: "Layanan", Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, path)); !strings.Contains(string(data), "Layanan Anak Terpadu") {
		t.Fatalf("the site's archetype was not used:\n%s", data)
	}
}

// The built-in archetypes hold only a body: the front matter comes from
// the schema, every field a new page starts with, explained, with the
// site's kecamatan as the choices of district.
func TestFieldsFromSchema(t *testing.T) {
	dir := t.TempDir()
	req := scaffold.Request{Kind: "berita", Title: "Rapat", Now: clock, Lang: "id",
		Choices: map[string][]string{"districts": {"Metro Pusat", "Metro Utara"}}}
	path, err := scaffold.Create(dir, []fs.FS{warta.Theme}, req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, path))
	doc, err := pagefile.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range schema.For("news") {
		if f.New {
			want = append(want, f.Key)
		}
	}
	if got := doc.Keys(); !slices.Equal(got, want) {
		t.Errorf("fields %v, want the schema's %v", got, want)
	}
	for _, w := range []string{"# Pilihan: Metro Pusat, Metro Utara.\ndistrict: \"\"\n", "\n\nTulis pembukaan laporan"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("lacks %q:\n%s", w, data)
		}
	}
	if strings.Contains(string(data), "{{") {
		t.Errorf("template text left in the page:\n%s", data)
	}
}
