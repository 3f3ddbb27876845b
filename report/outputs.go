package report

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
)

// FileFormats are the formats written as files by WriteOutputs.
var FileFormats = []string{"xlsx", "pdf", "docx", "json"}

// FileName is the name of a period's output: tong-ket-2013-2023.xlsx.
func FileName(p summary.Period, format string) string {
	return "tong-ket-" + p.String() + "." + format
}

// Written is what WriteOutputs wrote: the files, in the order of the
// formats, and the headings of the officer's sections left blank in the
// report (FORMATS.md §8), for the command to list.
type Written struct {
	Paths  []string
	Blanks []string
}

// WriteOutputs writes the summary into dir in each format, each file
// atomically. The report's outline is built once for every format that
// draws it.
func WriteOutputs(dir string, formats []string, s *summary.Summary, d Document, opt Options) (Written, error) {
	var out Written
	var outline *Outline
	build := func() error {
		if outline != nil {
			return nil
		}
		if opt.Chart != "" && !hasIndicator(s, opt.Chart) {
			return fmt.Errorf("report chart: no indicator %q in the summary", opt.Chart)
		}
		o, err := BuildOutline(s, d, opt)
		if err != nil {
			return err
		}
		outline, out.Blanks = o, o.Blanks()
		return nil
	}
	for _, f := range formats {
		var write func(io.Writer) error
		switch f {
		case "xlsx":
			write = func(w io.Writer) error { return WriteWorkbook(w, s, d) }
		case "pdf":
			if err := build(); err != nil {
				return out, err
			}
			write = func(w io.Writer) error { return WriteOutlinePDF(w, outline, d) }
		case "docx":
			if err := build(); err != nil {
				return out, err
			}
			write = func(w io.Writer) error { return WriteOutlineWord(w, outline, d) }
		case "json":
			write = func(w io.Writer) error { return WriteJSON(w, s) }
		default:
			return out, fmt.Errorf("unknown output format %q", f)
		}
		p := filepath.Join(dir, FileName(s.Period, f))
		if err := atomicfile.Write(p, write); err != nil {
			return out, err
		}
		out.Paths = append(out.Paths, p)
	}
	return out, nil
}

// RosterFileName is the name of a period's roster: khen-thuong-2019-2024.pdf.
func RosterFileName(from, to int, format string) string {
	return fmt.Sprintf("khen-thuong-%d-%d.%s", from, to, format)
}

// WriteRosterOutputs writes a roster export into dir in each format, each
// file atomically, and returns the paths. The PDF and the Word document
// draw one roster document.
func WriteRosterOutputs(dir string, formats []string, e roster.Export, d Document) ([]string, error) {
	var paths []string
	var doc *RosterDoc
	for _, f := range formats {
		var write func(io.Writer) error
		if (f == "pdf" || f == "docx") && doc == nil {
			doc = BuildRoster(e)
		}
		switch f {
		case "xlsx":
			write = func(w io.Writer) error { return WriteRosterWorkbook(w, e, d) }
		case "pdf":
			write = func(w io.Writer) error { return WriteRosterDocPDF(w, doc, d) }
		case "docx":
			write = func(w io.Writer) error { return WriteRosterDocWord(w, doc, d) }
		case "json":
			write = func(w io.Writer) error { return roster.WriteJSON(w, e) }
		default:
			return paths, fmt.Errorf("unknown output format %q", f)
		}
		p := filepath.Join(dir, RosterFileName(e.Period.From, e.Period.To, f))
		if err := atomicfile.Write(p, write); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
