// Package intake runs the read → check → store pipeline over the files and
// folders an officer names: it finds the submissions, reads them on all
// cores, checks them one by one in order against the database, and (for
// ingest) stores each valid file in its own transaction. Its Result is the
// validation report of FORMATS.md §7, rendered as text or JSON.
package intake

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tongket/tongket/lang"
)

// Input is one file to read, or a spreadsheet in the wrong format.
type Input struct {
	Path     string
	WrongExt bool // .xls, .ods, .csv: refused without opening
}

// Skipped is a file that is not a submission and is only listed.
type Skipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
	text   lang.Text
}

// MissingPathError is a named file or folder that does not exist.
type MissingPathError struct{ Path string }

func (e *MissingPathError) Error() string { return "no such file or folder: " + e.Path }

// Collect expands files and folders (recursively, in lexical order) into the
// files to read. Hidden files and Excel's "~$" lock files are ignored; other
// non-spreadsheet files are listed as skipped.
func Collect(paths []string) ([]Input, []Skipped, error) {
	var in []Input
	var skipped []Skipped
	seen := map[string]bool{}
	add := func(p string, explicit bool) {
		if seen[p] {
			return
		}
		seen[p] = true
		base := filepath.Base(p)
		if !explicit && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$")) {
			return
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlsx", ".xlsm":
			in = append(in, Input{Path: p})
		case ".xls", ".ods", ".csv":
			in = append(in, Input{Path: p, WrongExt: true})
		default:
			t := lang.F("không phải tệp Excel (.xlsx), bỏ qua", "not an Excel (.xlsx) file, skipped")
			skipped = append(skipped, Skipped{File: p, Reason: t.VI, text: t})
		}
	}
	for _, p := range paths {
		// "inbox/../inbox" and "inbox" are one folder: read its files once.
		p = filepath.Clean(p)
		st, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, &MissingPathError{Path: p}
		}
		if err != nil {
			return nil, nil, fmt.Errorf("collect %s: %w", p, err)
		}
		if !st.IsDir() {
			add(p, true)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch {
			case d.Type().IsRegular():
				add(path, false)
			case d.Type()&fs.ModeSymlink != 0:
				// A link to a file is read as the file; a link to a folder
				// is not followed (it could loop back) but listed, as is a
				// broken link, so no file goes unmentioned.
				if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
					add(path, false)
				} else if !strings.HasPrefix(d.Name(), ".") {
					t := lang.F("liên kết tới thư mục hoặc tới tệp không còn, bỏ qua", "a link to a folder or to a file that is gone, skipped")
					skipped = append(skipped, Skipped{File: path, Reason: t.VI, text: t})
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("collect %s: %w", p, err)
		}
	}
	return in, skipped, nil
}
