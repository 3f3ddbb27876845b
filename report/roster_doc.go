package report

import (
	"strconv"
	"strings"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/vn"
)

// RosterDoc is the award roster as a document value (Phụ lục III of the
// report), built once from an export and drawn by the PDF and the Word
// drawers alike: the list of commended collectives and individuals under
// their sections and organisations, the counts line, and the counts
// table (organisation × kind × form).
type RosterDoc struct {
	Label       string // "Phụ lục III"
	Title       string // in capitals
	Name        string // the title in sentence case, for the file's properties
	List        *Table // FitRoster: section and organisation rows across it
	Line        string // the counts line, in bold under the list
	CountsTitle string
	Counts      *Table // FitCounts: the kinds over their forms
}

// BuildRoster builds the roster document of an export.
func BuildRoster(e roster.Export) *RosterDoc {
	title := rosterTitle(e)
	return &RosterDoc{
		Label:       rosterAppendix,
		Title:       title,
		Name:        xSentence(strings.ToLower(title)),
		List:        rosterList(e),
		Line:        rosterLine(e),
		CountsTitle: "TỔNG HỢP SỐ LƯỢNG TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
		Counts:      rosterCountsTable(e),
	}
}

// rosterAppendix is the roster's label: the report's own tables are Phụ lục I and II.
const rosterAppendix = "Phụ lục III"

// rosterShares are the list columns' preferred parts of the table width
// (but STT's, which fits its numbers).
var rosterShares = []float64{0, 0.16, 0.12, 0.16, 0.23, 0.09, 0.12, 0.12}

// rosterList is the list: I. TẬP THỂ, II. CÁ NHÂN, each grouped by
// organisation in the order of e.Groups, or a line saying nobody was
// commended.
func rosterList(e roster.Export) *Table {
	t := &Table{
		Head: rosterHeads, Numbers: true, NameCol: 1, Fit: FitRoster, Shares: rosterShares,
		Align: []int{alignCenter, alignLeft, alignLeft, alignLeft, alignLeft, alignCenter, alignLeft, alignCenter},
		Wrap:  []bool{false, true, true, true, true, true, true, true},
	}
	rosterSections(e, func(label string) {
		t.Rows = append(t.Rows, Row{Cells: []string{label}, Bold: true, Across: true})
	}, func(g roster.Group) {
		t.Rows = append(t.Rows, Row{Cells: []string{oneLine(g.Organisation)}, Bold: true, Italic: true, Across: true})
		for _, n := range g.Entries {
			cells := rosterRow(n)
			for i := range cells {
				cells[i] = oneLine(cells[i])
			}
			t.Rows = append(t.Rows, Row{Cells: cells})
		}
	})
	if len(t.Rows) == 0 {
		t.Rows = append(t.Rows, Row{Cells: []string{rosterNone(e)}, Italic: true, Across: true})
	}
	return t
}

// rosterCountsTable is the counts table: one row per organisation, for
// each kind a column per form and their sum ("Cộng"), the total; a total
// row.
func rosterCountsTable(e roster.Export) *Table {
	kinds := rosterKinds(e)
	forms := make([][]string, len(kinds))
	t := &Table{Head: []string{"STT", "Tổ chức"}, NameCol: 1, Fit: FitCounts}
	t.Align = []int{alignCenter, alignLeft}
	t.BoldCol = []bool{false, false}
	for i, k := range kinds {
		forms[i] = rosterKindForms(e, k)
		from := len(t.Head)
		for _, f := range forms[i] {
			t.Head = append(t.Head, f)
			t.BoldCol = append(t.BoldCol, false)
		}
		t.Head = append(t.Head, "Cộng")
		t.BoldCol = append(t.BoldCol, true)
		t.Over = append(t.Over, HeadSpan{Text: k, From: from, To: len(t.Head) - 1})
	}
	t.Head = append(t.Head, "Tổng cộng")
	t.BoldCol = append(t.BoldCol, true)
	for len(t.Align) < len(t.Head) {
		t.Align = append(t.Align, alignCenter)
	}
	t.Wrap = make([]bool, len(t.Head))
	t.Wrap[1] = true
	sums := make([]int, len(t.Head)-2) // of the count columns
	for i, r := range e.Table {
		var nums []int
		total := 0
		for ki, k := range kinds {
			for _, f := range forms[ki] {
				nums = append(nums, r.ByKindForm[k][f])
			}
			s := rosterKindSum(r, k, forms[ki])
			nums = append(nums, s)
			total += s
		}
		nums = append(nums, total)
		cells := []string{strconv.Itoa(i + 1), oneLine(r.Organisation)}
		for j, n := range nums {
			sums[j] += n
			cells = append(cells, vn.FormatInt(int64(n)))
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	tot := []string{"Tổng cộng", ""}
	for _, n := range sums {
		tot = append(tot, vn.FormatInt(int64(n)))
	}
	t.Rows = append(t.Rows, Row{Cells: tot, Bold: true, Join: 2})
	return t
}
