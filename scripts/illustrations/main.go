// Command illustrations draws every image and worksheet used by the sample
// content in content/: news covers, gallery pictures and module worksheets
// (PNG and PDF). All pictures are flat, friendly illustrations made of simple
// shapes; none shows a real person. Output is deterministic: the same program
// always writes the same bytes.
//
// Run it from the repository root:
//
//	go run ./scripts/illustrations
package main

import (
	"bytes"
	"flag"
	"fmt"
	"hash/fnv"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// maxBytes is the size budget for every image written.
const maxBytes = 120 * 1024

type job struct {
	path string // relative to content/
	w, h int
	draw func(*Canvas, *rand.Rand)
}

const (
	launch  = "berita/2025-07-29-peksos-go-to-school-tk-negeri-1-metro-pusat/"
	sdTimur = "berita/2025-09-10-peksos-go-to-school-sd-negeri-5-metro-timur/"
	daring  = "berita/2025-10-23-sosialisasi-keamanan-daring-smp-negeri-metro-utara/"
	smpSel  = "berita/2026-02-12-peksos-go-to-school-smp-negeri-5-metro-perundungan/"
	han2026 = "berita/2026-07-23-satu-tahun-peksos-go-to-school/"
	galTK   = "galeri/2025-07-29-tk-negeri-1-metro-pusat/"
	galSD   = "galeri/2025-09-10-sd-negeri-5-metro-timur/"
	mPAUD1  = "modul/paud/sentuhan-aman-dan-tidak-aman/"
	mPAUD2  = "modul/paud/aku-berani-minta-tolong/"
	mSD1    = "modul/sd/mengenal-bentuk-kekerasan/"
	mSD2    = "modul/sd/teman-baik-stop-perundungan/"
	mSD3    = "modul/sd/mengenal-dan-mengelola-emosi/"
	mSMP1   = "modul/smp/aman-di-dunia-daring/"
	mSMP2   = "modul/smp/perundungan-dan-peran-saksi/"
)

var jobs = []job{
	// news covers, 16:9
	{launch + "cover.jpg", 1200, 675, coverLaunch},
	{sdTimur + "cover.jpg", 1200, 675, coverSchool},
	{daring + "cover.jpg", 1200, 675, coverOnline},
	{smpSel + "cover.jpg", 1200, 675, coverCircle},
	{han2026 + "cover.jpg", 1200, 675, coverMap},
	// galleries, 3:2
	{galTK + "foto-01.jpg", 1200, 800, galStage},
	{galTK + "foto-02.jpg", 1200, 800, galSenam},
	{galTK + "foto-03.jpg", 1200, 800, galCircleTop},
	{galTK + "foto-04.jpg", 1200, 800, galStory},
	{galTK + "foto-05.jpg", 1200, 800, galCards},
	{galTK + "foto-06.jpg", 1200, 800, galParentChild},
	{galTK + "foto-07.jpg", 1200, 800, galBalloons},
	{galSD + "foto-01.jpg", 1200, 800, galArrival},
	{galSD + "foto-02.jpg", 1200, 800, galClassroom},
	{galSD + "foto-03.jpg", 1200, 800, galSorting},
	{galSD + "foto-04.jpg", 1200, 800, galWriting},
	{galSD + "foto-05.jpg", 1200, 800, galMessageBox},
	{galSD + "foto-06.jpg", 1200, 800, galGroup},
	// worksheets, A4 at 150 dpi
	{mPAUD1 + "lembar-kerja-sentuhan.png", wsW, wsH, wsSentuhan},
	{mPAUD2 + "lembar-kerja-tangan-penolong.png", wsW, wsH, wsTangan},
	{mSD1 + "lembar-kerja-bentuk-kekerasan.png", wsW, wsH, wsBentuk},
	{mSD2 + "lembar-kerja-janji-teman-baik.png", wsW, wsH, wsJanji},
	{mSD3 + "lembar-kerja-termometer-perasaan.png", wsW, wsH, wsTermometer},
	{mSMP1 + "lembar-kerja-cek-keamanan-akun.png", wsW, wsH, wsCekAkun},
	{mSMP2 + "lembar-kerja-studi-kasus.png", wsW, wsH, wsStudiKasus},
}

var pdfs = []struct {
	path string
	make func() ([]byte, string)
}{
	{mPAUD1 + "lembar-kerja-sentuhan.pdf", pdfSentuhan},
	{mSD1 + "lembar-kerja-bentuk-kekerasan.pdf", pdfBentuk},
	{mSMP1 + "lembar-kerja-cek-keamanan-akun.pdf", pdfCekAkun},
}

func main() {
	content := flag.String("content", "content", "content folder to write into")
	only := flag.String("only", "", "draw only files whose path contains this text")
	flag.Parse()
	if st, err := os.Stat(*content); err != nil || !st.IsDir() {
		fmt.Fprintf(os.Stderr, "illustrations: %q is not a folder; run from the repository root or pass -content\n", *content)
		os.Exit(1)
	}
	failed := false
	for _, j := range jobs {
		if *only != "" && !bytes.Contains([]byte(j.path), []byte(*only)) {
			continue
		}
		data, err := render(j)
		if err == nil {
			err = write(filepath.Join(*content, j.path), data)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "illustrations: %s: %v\n", j.path, err)
			failed = true
			continue
		}
		fmt.Printf("%7d  %s\n", len(data), j.path)
	}
	for _, p := range pdfs {
		if *only != "" && !bytes.Contains([]byte(p.path), []byte(*only)) {
			continue
		}
		data, _ := p.make()
		if err := write(filepath.Join(*content, p.path), data); err != nil {
			fmt.Fprintf(os.Stderr, "illustrations: %s: %v\n", p.path, err)
			failed = true
			continue
		}
		fmt.Printf("%7d  %s\n", len(data), p.path)
	}
	if failed {
		os.Exit(1)
	}
}

// seed derives a stable random seed from the output path, so each picture
// gets its own, repeatable variation.
func seed(path string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(path))
	return h.Sum64()
}

func render(j job) ([]byte, error) {
	isPNG := filepath.Ext(j.path) == ".png"
	ss := 3
	bg := skyBot
	if isPNG {
		ss, bg = 2, white
	}
	c := NewCanvas(j.w, j.h, ss, bg)
	j.draw(c, rand.New(rand.NewPCG(seed(j.path), 0x5eed)))
	img := c.Image()
	if isPNG {
		return encodePNG(img)
	}
	for q := 80; q >= 50; q -= 5 {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, err
		}
		if buf.Len() <= maxBytes {
			return buf.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("JPEG larger than %d bytes even at quality 50", maxBytes)
}

func encodePNG(img *image.RGBA) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	if buf.Len() > maxBytes {
		return nil, fmt.Errorf("PNG is %d bytes, over the %d byte budget", buf.Len(), maxBytes)
	}
	return buf.Bytes(), nil
}

// write replaces path atomically and only when the bytes differ.
func write(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
