package check

import (
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/submission"
)

// lineageHistory is a History with the units' lives: OLD went 0,6/0,4 to
// NEW and TWO on 01/07/2025, GONE ceased on 31/12/2023 with no successor.
type lineageHistory struct {
	fakeHistory
	sources map[string][2]string
}

func (h lineageHistory) Life(unit string) (Life, bool) {
	switch unit {
	case "OLD":
		return Life{Name: "Phường Cũ", End: "2025-06-30", Successors: []string{"NEW", "TWO"},
			Changes: []Change{{Unit: "NEW", Year: 2025}, {Unit: "TWO", Year: 2025}}}, true
	case "NEW":
		return Life{Changes: []Change{{Unit: "OLD", Year: 2025, Predecessor: true}}}, true
	case "GONE":
		return Life{Name: "Xã Cũ", End: "2023-12-31"}, true
	}
	return Life{}, false
}

func (h lineageHistory) Source(unit, ind string, year int) (string, string, bool, error) {
	s, ok := h.sources[unit+" "+ind]
	return s[0], s[1], ok, nil
}

func TestLineage(t *testing.T) {
	hist := lineageHistory{
		fakeHistory: fakeHistory{"NEW": Series{"CAMERA_SO": {2025: 3000}}},
		sources:     map[string][2]string{"NEW CAMERA_SO": {"p-new.xlsx", "F12"}},
	}
	tests := []struct {
		name  string
		units []string
		figs  []submission.Figure
		want  []string
		words string
	}{
		{"the year of the change is the old unit's too", []string{"OLD"},
			[]submission.Figure{fig("TT_BUOI", 2025, 10, 5)}, nil, ""},
		{"a year after the change: one error naming the successors", []string{"OLD"},
			[]submission.Figure{fig("TT_BUOI", 2026, 10, 6), fig("TT_LUOT", 2026, 500, 6), fig("TT_BUOI", 2027, 10, 7)},
			[]string{"unit-ceased@F6", "unit-ceased@G6"},
			"Đơn vị Phường Cũ (OLD) hết hiệu lực từ sau ngày 30/06/2025 (đã chuyển sang NEW, TWO) nên không có số liệu năm 2026 (2 ô, từ ô F6)"},
		{"a unit that ceased without successor", []string{"GONE"},
			[]submission.Figure{fig("TT_BUOI", 2024, 10, 5)}, []string{"unit-ceased@E6"}, "không có đơn vị kế thừa"},
		{"a stock of the year of the change, stored for the successor", []string{"OLD"},
			[]submission.Figure{fig("CAMERA_SO", 2025, 20, 5)}, []string{"succession-overlap@E6"},
			"cả đơn vị cũ OLD và đơn vị mới NEW đều báo số thời điểm này cho năm sáp nhập 2025 (số của NEW ở p-new.xlsx, F12)"},
		{"both sides in one file", []string{"OLD", "NEW"},
			[]submission.Figure{fig("CAMERA_SO", 2025, 20, 5), {Unit: 1, Indicator: "CAMERA_SO", Year: 2025, Value: 4000, Row: 7, Col: 5}},
			[]string{"succession-overlap@E6", "succession-overlap@E7"}, "(số của NEW ở S!E7)"},
		{"a flow of the year of the change from both sides is fine", []string{"NEW"},
			[]submission.Figure{fig("TT_BUOI", 2025, 20, 5)}, nil, ""},
		{"a stock of another year is fine", []string{"OLD"},
			[]submission.Figure{fig("CAMERA_SO", 2024, 20, 5)}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := &submission.Submission{Sheet: "S"}
			for _, u := range tt.units {
				sub.Units = append(sub.Units, submission.Unit{Code: u, Resolved: u})
			}
			sub.Figures = tt.figs
			if err := Run(sub, catalog.Builtin(), hist); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range sub.Findings {
				if f.Code == "unit-ceased" || f.Code == "succession-overlap" {
					got = append(got, f.Code+"@"+f.Cell)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("findings %v, want %v", got, tt.want)
			}
			if tt.words != "" && !strings.Contains(sub.Findings[0].Text.VI, tt.words) {
				t.Errorf("message %q lacks %q", sub.Findings[0].Text.VI, tt.words)
			}
			for _, f := range sub.Findings {
				if f.Code == "unit-ceased" && f.Severity != "error" || f.Code == "succession-overlap" && f.Severity != "warning" {
					t.Errorf("%s is a %s", f.Code, f.Severity)
				}
			}
		})
	}
}
