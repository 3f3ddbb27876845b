package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/lang"
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
// formats; the sections file when this run created it; the headings of
// the officer's sections left blank in the report (FORMATS.md §8) and
// what reading the sections file found, for the command to tell.
type Written struct {
	Paths    []string
	Sections string
	Blanks   []string
	Warnings []lang.Text
}

// Prepared is a report ready to draw: its outline with the officer's
// sections in place, the sections file to create (when it did not exist
// and create was asked), the filled template, and what the officer should
// be told. Nothing is written yet.
type Prepared struct {
	Outline     *Outline
	NewSections []byte
	Template    []byte
	Warnings    []lang.Text
}

// Prepare builds the report's outline and reads the officer's files into
// it: the sections file opt.Sections, which, when it does not exist and
// create is set, is made (with its guidance and drafts) and read like one
// the officer saved; and the template opt.Template, filled. A file of the
// officer's that cannot be read or filled is an *InputError.
func Prepare(s *summary.Summary, d Document, opt Options, create bool) (*Prepared, error) {
	if opt.Chart != "" && !hasIndicator(s, opt.Chart) {
		return nil, fmt.Errorf("report chart: no indicator %q in the summary", opt.Chart)
	}
	o, err := BuildOutline(s, d, opt)
	if err != nil {
		return nil, err
	}
	p := &Prepared{Outline: o}
	ph := NewPlaceholders(s, d, o, opt.Roster)
	if opt.Sections != "" {
		var read *sectionsRead
		if _, err := os.Stat(opt.Sections); err == nil {
			if read, err = readSections(opt.Sections, o, ph); err != nil {
				return nil, err
			}
		} else if create {
			var b bytes.Buffer
			if err := WriteSections(&b, o, s, d, ph); err != nil {
				return nil, err
			}
			p.NewSections = b.Bytes()
			f, err := docx.Parse(p.NewSections, docx.DefaultLimits)
			if err != nil {
				return nil, err
			}
			ps, err := f.Paragraphs()
			if err != nil {
				return nil, err
			}
			if read, err = placeSections(opt.Sections, ps, o, ph); err != nil {
				return nil, err
			}
		}
		if read != nil {
			for key, paras := range read.paras {
				o.Fill(key, paras)
			}
			p.Warnings = read.warnings
		}
	}
	if opt.Template != "" {
		if p.Template, err = fillTemplate(opt.Template, ph); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// WriteOutputs writes the summary into dir in each format, each file
// atomically. The report's outline is built once for every format that
// draws it, with the officer's sections file and template read first: when
// one of them is refused, nothing is written. A sections file that does
// not exist yet is written before the report.
func WriteOutputs(dir string, formats []string, s *summary.Summary, d Document, opt Options) (Written, error) {
	var out Written
	var p *Prepared
	if slices.Contains(formats, "pdf") || slices.Contains(formats, "docx") {
		var err error
		if p, err = Prepare(s, d, opt, true); err != nil {
			return out, err
		}
		out.Blanks, out.Warnings = p.Outline.Blanks(), p.Warnings
		if p.NewSections != nil {
			if err := atomicfile.Write(opt.Sections, func(w io.Writer) error { _, err := w.Write(p.NewSections); return err }); err != nil {
				return out, err
			}
			out.Sections = opt.Sections
		}
	}
	for i, f := range formats {
		var write func(io.Writer) error
		switch f {
		case "xlsx":
			write = func(w io.Writer) error { return WriteWorkbook(w, s, d) }
		case "pdf":
			write = func(w io.Writer) error { return WriteOutlinePDF(w, p.Outline, d) }
		case "docx":
			write = func(w io.Writer) error {
				if p.Template != nil {
					_, err := w.Write(p.Template)
					return err
				}
				return WriteOutlineWord(w, p.Outline, d)
			}
		case "json":
			write = func(w io.Writer) error { return WriteJSON(w, s) }
		default:
			return out, fmt.Errorf("unknown output format %q", f)
		}
		path := filepath.Join(dir, FileName(s.Period, f))
		if err := atomicfile.Write(path, write); err != nil {
			return out, err
		}
		out.Paths = append(out.Paths, path)
		if opt.Progress != nil {
			opt.Progress(i+1, len(formats))
		}
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
