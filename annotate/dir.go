package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

// MaxBytes is the largest file marked up. excelize opens the whole workbook
// in memory, about 300 times its size (a 200 000-row long sheet of 4 MB takes
// over 1 GB and ten seconds), so a bigger file gets no copy.
var MaxBytes int64 = 2 << 20

// File is a checked file: its path, the SHA-256 of the bytes that were
// checked, and the findings.
type File struct {
	Path     string
	SHA256   string
	Findings []finding.Finding
}

// Outcome says what became of one file with findings.
type Outcome struct {
	File string    // the submitted file
	Copy string    // the annotated copy written; "" when none was
	Why  lang.Text // why no copy was written
}

// WriteDir writes into dir (created if needed) an annotated copy of every
// file with findings, named by Name; a name already used in this run, or
// one of the checked files itself, gets "-2", "-3", … so that no copy
// overwrites another or an original. A file that cannot be opened as a
// workbook, or that changed since it was checked, gets no copy and an
// outcome that says why. Each copy is written atomically; the error is a
// failure to write one.
func WriteDir(dir string, files []File, l lang.Lang) ([]Outcome, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	var originals []os.FileInfo
	for _, f := range files {
		if st, err := os.Stat(f.Path); err == nil {
			originals = append(originals, st)
		}
	}
	used := map[string]bool{}
	var out []Outcome
	for _, f := range files {
		if len(f.Findings) == 0 {
			continue
		}
		o := Outcome{File: f.Path}
		c, why := open(f, l)
		if c == nil {
			o.Why = why
			out = append(out, o)
			continue
		}
		target := unique(dir, Name(f.Path), used, originals)
		err := atomicfile.Write(target, func(w io.Writer) error {
			_, err := c.WriteTo(w)
			return err
		})
		c.Close()
		if err != nil {
			return out, fmt.Errorf("annotate %s: %w", f.Path, err)
		}
		o.Copy = target
		out = append(out, o)
	}
	return out, nil
}

// open reads the file again and annotates it, or says why it cannot.
func open(f File, l lang.Lang) (*Copy, lang.Text) {
	if fd, ok := Unopenable(f.Findings); ok {
		return nil, lang.F("tệp không mở được như sổ làm việc Excel (%s), xem lỗi ở trên",
			"the file cannot be opened as an Excel workbook (%s), see the problem above", fd.Code)
	}
	data, err := os.ReadFile(f.Path)
	if err != nil {
		return nil, lang.F("không đọc lại được tệp (%v)", "cannot read the file again (%v)", err)
	}
	if int64(len(data)) > MaxBytes {
		return nil, lang.F("tệp nặng %.1f MB, quá giới hạn %d MB để đánh dấu (mở cả tệp trong bộ nhớ); các lỗi đã liệt kê ở trên",
			"the file is %.1f MB, over the %d MB limit for marking up (the whole workbook is opened in memory); the problems are listed above",
			float64(len(data))/(1<<20), MaxBytes>>20)
	}
	sum := sha256.Sum256(data)
	if f.SHA256 != "" && hex.EncodeToString(sum[:]) != f.SHA256 {
		return nil, lang.F("tệp đã thay đổi sau khi kiểm tra; hãy kiểm tra lại", "the file changed after it was checked; check it again")
	}
	c, err := New(data, f.Path, f.Findings, l)
	if err != nil {
		if errors.Is(err, ErrOpen) {
			return nil, lang.F("tệp không mở được để đánh dấu (%v)", "the file cannot be opened to mark it (%v)", err)
		}
		return nil, lang.F("không đánh dấu được tệp (%v)", "cannot mark the file (%v)", err)
	}
	return c, lang.Text{}
}

// unique picks a file name in dir not used in this run and not one of the
// originals.
func unique(dir, name string, used map[string]bool, originals []os.FileInfo) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		n := name
		if i > 1 {
			n = stem + "-" + strconv.Itoa(i) + ext
		}
		p := filepath.Join(dir, n)
		if used[strings.ToLower(p)] || isOriginal(p, originals) {
			continue
		}
		used[strings.ToLower(p)] = true
		return p
	}
}

func isOriginal(p string, originals []os.FileInfo) bool {
	st, err := os.Stat(p)
	if err != nil {
		return false
	}
	for _, o := range originals {
		if os.SameFile(st, o) {
			return true
		}
	}
	return false
}
