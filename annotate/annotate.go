// Package annotate writes annotated copies of submitted workbooks: every
// cell with a finding is filled red (error) or yellow (warning) and carries
// a comment with the message, and a first sheet "Lỗi" lists every finding
// with a link to its cell. The submitter gets back their own file with the
// problems marked where they are.
//
// The copy is made by excelize from the original bytes, so the rest of the
// workbook (values, styles, formulas, other sheets, comments) is kept; the
// original file is never written.
package annotate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

// Sheet is the name of the sheet listing the findings (another name is
// found if the workbook already has one).
const Sheet = "Lỗi"

// Suffix goes before the extension of a copy's name.
const Suffix = "-loi"

// Fills of marked cells: a light red and a yellow, light enough to read the
// value through.
const (
	FillError   = "FF9999"
	FillWarning = "FFFF66"
)

// Author of the comments.
const Author = "tongket"

// Name is the copy's file name: "kien-an.xlsx" → "kien-an-loi.xlsx".
func Name(path string) string {
	base := filepath.Base(path)
	ext := filepath.Ext(base)
	return strings.TrimSuffix(base, ext) + Suffix + ext
}

// Unopenable returns the finding that says the file is not a workbook that
// can be opened (not-xlsx, encrypted, corrupt-file, too-large): such a file
// gets no copy.
func Unopenable(fs []finding.Finding) (finding.Finding, bool) {
	for _, f := range fs {
		switch f.Code {
		case finding.NotXLSX, finding.Encrypted, finding.CorruptFile, finding.TooLarge:
			return f, true
		}
	}
	return finding.Finding{}, false
}

// Copy is an annotated copy of a workbook, in memory.
type Copy struct {
	f *excelize.File
	// Marked are the cells filled and commented, "Sheet!A1", in order.
	Marked []string
	// Sheet is the name the list of findings got.
	Sheet string
}

// ErrOpen is a workbook that excelize cannot open.
var ErrOpen = errors.New("cannot open the workbook")

// New annotates the workbook src (the original bytes of the file named
// name) with its findings, messages in l.
func New(src []byte, name string, fs []finding.Finding, l lang.Lang) (*Copy, error) {
	if f, ok := Unopenable(fs); ok {
		return nil, fmt.Errorf("%w: %s", ErrOpen, f.Code)
	}
	f, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOpen, err)
	}
	c := &Copy{f: f}
	a := &annotator{f: f, l: l, styles: map[[2]int]int{}, sheets: map[string]string{}}
	for _, s := range f.GetSheetList() {
		a.sheets[strings.ToLower(s)] = s
	}
	if err := a.markCells(fs, c); err != nil {
		f.Close()
		return nil, fmt.Errorf("annotate %s: %w", name, err)
	}
	if err := a.listSheet(name, fs, c); err != nil {
		f.Close()
		return nil, fmt.Errorf("annotate %s: %w", name, err)
	}
	return c, nil
}

// WriteTo writes the copy as .xlsx.
func (c *Copy) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := c.f.WriteTo(&buf); err != nil {
		return 0, err
	}
	// The list went in front of the other sheets; names scoped to a sheet
	// (print titles, filters) refer to it by position, which excelize's
	// MoveSheet leaves as it was.
	out, err := shiftScopes(buf.Bytes(), 1)
	if err != nil {
		return 0, err
	}
	n, err := w.Write(out)
	return int64(n), err
}

// Close releases the copy.
func (c *Copy) Close() error { return c.f.Close() }

type annotator struct {
	f      *excelize.File
	l      lang.Lang
	styles map[[2]int]int    // (original style, severity 0 error / 1 warning) → new style
	sheets map[string]string // lower-cased name → name
	list   map[listStyle]int // list sheet styles
}

// sheet returns the workbook's name for a finding's sheet.
func (a *annotator) sheet(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	s, ok := a.sheets[strings.ToLower(name)]
	return s, ok
}

// target is a finding's place in the workbook: its sheet and cell, the
// cell a link goes to, and whether the cell itself is marked.
func (a *annotator) target(fd finding.Finding) (sheet, cell string, marked bool) {
	sh, ok := a.sheet(fd.Sheet)
	if !ok {
		return "", "", false
	}
	if fd.Cell != "" {
		if _, _, err := excelize.CellNameToCoordinates(fd.Cell); err == nil {
			return sh, fd.Cell, true
		}
	}
	if fd.Row > 0 {
		return sh, "A" + strconv.Itoa(fd.Row), false
	}
	return sh, "A1", false
}

type mark struct {
	sheet, cell string
	err         bool
	fds         []finding.Finding
}

func (a *annotator) markCells(fs []finding.Finding, c *Copy) error {
	var marks []*mark
	byCell := map[string]*mark{}
	for _, fd := range fs {
		sh, cell, ok := a.target(fd)
		if !ok {
			continue
		}
		k := sh + "!" + cell
		m := byCell[k]
		if m == nil {
			m = &mark{sheet: sh, cell: cell}
			byCell[k] = m
			marks = append(marks, m)
		}
		m.err = m.err || fd.Severity == finding.Error
		m.fds = append(m.fds, fd)
	}
	existing := map[string]map[string]excelize.Comment{}
	for _, m := range marks {
		if err := a.fill(m); err != nil {
			return fmt.Errorf("%s!%s: %w", m.sheet, m.cell, err)
		}
		if existing[m.sheet] == nil {
			cms, err := a.f.GetComments(m.sheet)
			if err != nil {
				return err
			}
			existing[m.sheet] = map[string]excelize.Comment{}
			for _, cm := range cms {
				existing[m.sheet][cm.Cell] = cm
			}
		}
		if err := a.comment(m, existing[m.sheet]); err != nil {
			return fmt.Errorf("%s!%s: %w", m.sheet, m.cell, err)
		}
		// A finding on a hidden sheet (the template's _tongket) must be
		// seen, and its link must work.
		if visible, err := a.f.GetSheetVisible(m.sheet); err == nil && !visible {
			if err := a.f.SetSheetVisible(m.sheet, true); err != nil {
				return err
			}
		}
		c.Marked = append(c.Marked, m.sheet+"!"+m.cell)
	}
	return nil
}

// fill keeps the cell's style and changes only its fill.
func (a *annotator) fill(m *mark) error {
	orig, err := a.f.GetCellStyle(m.sheet, m.cell)
	if err != nil {
		return err
	}
	sev := 1
	color := FillWarning
	if m.err {
		sev, color = 0, FillError
	}
	id, ok := a.styles[[2]int{orig, sev}]
	if !ok {
		st, err := a.f.GetStyle(orig)
		if err != nil {
			return err
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
		if id, err = a.f.NewStyle(st); err != nil {
			return err
		}
		a.styles[[2]int{orig, sev}] = id
	}
	return a.f.SetCellStyle(m.sheet, m.cell, m.cell, id)
}

// comment puts the messages in the cell's comment, before any comment the
// cell already had.
func (a *annotator) comment(m *mark, existing map[string]excelize.Comment) error {
	font, err := a.f.GetDefaultFont()
	if err != nil || font == "" {
		font = "Times New Roman"
	}
	var runs []excelize.RichTextRun
	chars := 0
	for i, fd := range m.fds {
		label := severity(fd.Severity).In(a.l) + ": "
		msg := message(fd, a.l)
		if i > 0 {
			label = "\n" + label
		}
		runs = append(runs,
			excelize.RichTextRun{Text: label, Font: &excelize.Font{Bold: true, Size: 9, Family: font}},
			excelize.RichTextRun{Text: msg, Font: &excelize.Font{Size: 9, Family: font}})
		chars += utf8.RuneCountInString(label + msg)
	}
	if old, ok := existing[m.cell]; ok {
		if err := a.f.DeleteComment(m.sheet, m.cell); err != nil {
			return err
		}
		runs = append(runs, excelize.RichTextRun{Text: "\n\n", Font: &excelize.Font{Size: 9, Family: font}})
		if old.Text != "" {
			runs = append(runs, excelize.RichTextRun{Text: old.Text, Font: &excelize.Font{Size: 9, Family: font}})
		}
		runs = append(runs, old.Paragraph...)
	}
	// About 50 characters a line in a 320-pixel box at 9 pt.
	lines := chars/50 + 2*len(m.fds)
	return a.f.AddComment(m.sheet, excelize.Comment{
		Cell: m.cell, Author: Author, Paragraph: runs,
		Width: 320, Height: uint(min(400, 14*lines+12)),
	})
}

func severity(s finding.Severity) lang.Text {
	if s == finding.Error {
		return lang.F("Lỗi", "Error")
	}
	return lang.F("Cảnh báo", "Warning")
}

func message(fd finding.Finding, l lang.Lang) string {
	if m := fd.Text.In(l); m != "" {
		return m
	}
	return fd.Message
}
