package report

import (
	"errors"

	"github.com/tongket/tongket/docx"
)

// fillTemplate fills the officer's own Word template (summarize
// --docx-template, FORMATS.md §9): every placeholder, wherever Word split
// it, in the formatting of the run where it starts; a paragraph holding
// only a table placeholder becomes the table, sized for the template's
// page. A template tongket cannot read, or a placeholder it cannot fill,
// is an *InputError; nothing is returned then.
func fillTemplate(path string, ph *Placeholders) ([]byte, error) {
	f, err := openWord(path)
	if err != nil {
		return nil, err
	}
	width, ok := f.TextWidth()
	if !ok {
		width = a4W - marginLeft - marginRight
	}
	m := newMeasure()
	out, err := f.Fill(func(name string, alone bool) (docx.Value, error) {
		text, table, err := ph.Value(name)
		if err != nil {
			return docx.Value{}, err
		}
		if table != nil {
			return docx.Value{Table: wordTable(m, table, width)}, nil
		}
		return docx.Value{Text: text}, nil
	})
	var de *docx.Error
	switch {
	case errors.As(err, &de):
		return nil, wordInputError(path, err)
	case err != nil:
		return nil, placeholderInputError(path, err)
	}
	return out, nil
}

// wordTable is a table laid out for a page width w by its own sizing rule,
// in Times New Roman whatever the template's font.
func wordTable(m *measure, t *Table, w float64) *docx.Table {
	wd := &wordDoc{m: m}
	var out *docx.Table
	switch t.Fit {
	case FitRoster:
		rt := newRosterTable(m, t, w)
		out = wd.table(t, rt.widths, rt.size, colNumbers(len(t.Head)))
	case FitCounts:
		out = wd.counts(t, 10, w)
	default:
		l := newTableLayout(m, t)
		if !l.fit(w) && !l.fitSize(w, 7) {
			// Too many columns for the page: the smallest size, the
			// names narrow, the table out into the margin.
			l.widths[t.NameCol] = max(l.widths[t.NameCol], 20)
		}
		out = wd.table(t, l.widths, l.size, l.numbers)
	}
	out.Font = "Times New Roman"
	return out
}
