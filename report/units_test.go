package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

// reorgSummary is a summary across a merge and a split: C took A and 0,6
// of D, E took 0,4 of D; G ended without successor; L re-reported 2020
// before it existed.
func reorgSummary() *summary.Summary {
	a := func(v int64) *summary.Amount { x := summary.Amount(v); return &x }
	return &summary.Summary{
		Period: summary.Period{From: 2024, To: 2025},
		Units: []summary.Unit{
			{Code: "A", Name: "Phường A", ValidTo: "2025-06-30", YearsReported: []int{2024, 2025}, YearsMissing: []int{}, Ended: true},
			{Code: "C", Name: "Phường C", ValidFrom: "2025-07-01", YearsReported: []int{2025}, YearsMissing: []int{}, YearsOutside: []int{2024}},
			{Code: "D", Name: "Xã D", ValidTo: "2025-06-30", YearsReported: []int{}, YearsMissing: []int{2024}, YearsOutside: []int{2025}, Ended: true},
			{Code: "E", Name: "Xã E", ValidFrom: "2025-07-01", YearsReported: []int{}, YearsMissing: []int{2025}, YearsOutside: []int{2024}},
			{Code: "G", Name: "Quận G", ValidTo: "2025-06-30", YearsReported: []int{2024}, YearsMissing: []int{2025}, Ended: true},
		},
		Successions: []summary.Succession{
			{From: "A", To: "C", Date: "2025-07-01", Share: summary.Whole, FromName: "Phường A", Basis: "NQ 1669"},
			{From: "D", To: "C", Date: "2025-07-01", Share: 600000, FromName: "Xã D", Basis: "NQ 1669"},
			{From: "D", To: "E", Date: "2025-07-01", Share: 400000, FromName: "Xã D", Basis: "NQ 1669"},
		},
		Unattributed: []summary.UnitYears{{Unit: "L", Years: []int{2024}}},
		Indicators: []summary.Indicator{{Code: "TT_BUOI", Name: "Số buổi tuyên truyền", Unit: "buổi", Agg: "sum", Total: a(2500),
			ByYear: summary.Figures{"2024": 1500, "2025": 1000}, ByUnit: summary.Figures{"C": 1320, "E": 280, "G": 900},
			Estimated: []string{"C", "E"}}},
		Completeness: summary.Completeness{Expected: 7, Received: 3},
	}
}

// TestByUnitAcrossChanges: Phụ lục II lists the units in force with where
// they came from, the unit that ended without successor, estimates
// marked, and notes on the basis, the mark and figures left out.
func TestByUnitAcrossChanges(t *testing.T) {
	s := reorgSummary()
	ap := byUnitAppendix(s, NarrativeText{ByUnit: "Theo đơn vị"})
	var rows []string
	for _, r := range ap.Table.Rows {
		rows = append(rows, strings.Join(r.Cells, " | "))
	}
	want := []string{
		"1 | Phường C – hợp nhất từ Phường A và một phần Xã D (từ 01/7/2025) | ≈13,2",
		"2 | Xã E – hợp nhất từ một phần Xã D (từ 01/7/2025) | ≈2,8",
		"3 | Quận G – hoạt động đến 30/6/2025 | 9",
		" | Tổng cộng | 25",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	notes := strings.Join(ap.Notes, "\n")
	for _, w := range []string{
		"được tính cho đơn vị kế thừa đang hoạt động cuối giai đoạn (căn cứ: NQ 1669)",
		"Số có dấu ≈ là số ước tính theo tỷ lệ",
		"Không tính vào giai đoạn này số liệu các đơn vị báo cáo cho những năm trước khi thành lập: L (2024)",
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
}

// TestStatusOutsideLife: the status grid marks years outside a unit's life
// "–", counts only the years a unit was expected, and says what the mark
// means.
func TestStatusOutsideLife(t *testing.T) {
	var b bytes.Buffer
	if err := WriteStatus(&b, reorgSummary(), lang.VI); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, w := range []string{
		"Phường A (A)   ✓   ✓  2/2",
		"Phường C (C)   –   ✓  1/1",
		"Xã D (D)       ·   –  0/1",
		"Quận G (G)     ✓   ·  1/2",
		"Tỷ lệ (%)     66  50", // 2 of the 3 units expected in 2024, 2 of 4 in 2025
		`"–": năm ngoài thời gian hoạt động của đơn vị`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("status lacks %q:\n%s", w, out)
		}
	}
}

// TestIndicatorNoteAcrossChanges: how many units an indicator's figures
// come from is told out of the units figures are kept under, not out of
// every unit listed (A and D went to C and E).
func TestIndicatorNoteAcrossChanges(t *testing.T) {
	s := reorgSummary()
	b := &xBook{s: s}
	ind := s.Indicators[0]
	for reporting, want := range map[int]string{3: "", 2: "2/3 đơn vị có số liệu"} {
		ind.UnitsReporting = reporting
		note := b.indicatorNote(ind)
		if want == "" && strings.Contains(note, "đơn vị có số liệu") || want != "" && !strings.Contains(note, want) {
			t.Errorf("%d reporting: note %q, want %q", reporting, note, want)
		}
	}
}

// TestChangedLeavesOutTheSame: a change within 0,5 % is "tương đương",
// not among the largest rises or falls.
func TestChangedLeavesOutTheSame(t *testing.T) {
	c := func(v float64) *float64 { return &v }
	s := &summary.Summary{Indicators: []summary.Indicator{
		{Code: "A", Change: c(0.004)}, {Code: "B", Change: c(0.2)}, {Code: "C", Change: c(-0.3)}, {Code: "D", Change: c(-0.005)},
	}}
	var up, down []string
	for _, ind := range changed(s, true) {
		up = append(up, ind.Code)
	}
	for _, ind := range changed(s, false) {
		down = append(down, ind.Code)
	}
	if !slices.Equal(up, []string{"B"}) || !slices.Equal(down, []string{"C"}) {
		t.Errorf("rose %v, fell %v; want [B], [C]", up, down)
	}
}
