package check

import (
	"sort"
	"testing"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/submission"
)

type fakeHistory map[string]Series

func (h fakeHistory) Figures(unit string) (Series, error) { return h[unit], nil }

func fig(ind string, year int, value int64, col int) submission.Figure {
	return submission.Figure{Indicator: ind, Year: int32(year), Value: value * 100, Row: 6, Col: int16(col)}
}

func codes(sub *submission.Submission) []string {
	var out []string
	for _, f := range sub.Findings {
		out = append(out, f.Code+"@"+f.Cell)
	}
	sort.Strings(out)
	return out
}

// TestWithHistory: rules and outliers see the unit's stored years.
func TestWithHistory(t *testing.T) {
	stored := fakeHistory{"U": Series{
		"MH_TRIENKHAI": {2019: 300, 2020: 200},                  // 5 models set up before 2021
		"TT_BUOI":      {2019: 10000, 2020: 11000, 2022: 12000}, // hundredths
		"TT_LUOT":      {2021: 50000},
	}}
	tests := []struct {
		name string
		figs []submission.Figure
		want []string
	}{
		{"cumulative models include stored years", []submission.Figure{fig("MH_HIEUQUA", 2021, 5, 5)}, nil},
		{"more effective models than ever set up", []submission.Figure{fig("MH_HIEUQUA", 2021, 6, 5)}, []string{"rule-violation@E6"}},
		{"sessions checked against stored attendees", []submission.Figure{fig("TT_BUOI", 2021, 600, 5)}, []string{"rule-violation@E6"}},
		{"outlier against stored neighbours", []submission.Figure{fig("TT_BUOI", 2018, 1150, 5)}, []string{"outlier@E6"}},
		{"ordinary growth is no outlier", []submission.Figure{fig("TT_BUOI", 2018, 130, 5)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := &submission.Submission{Sheet: "S", Units: []submission.Unit{{Code: "U", Resolved: "U"}}, Figures: tt.figs}
			if err := Run(sub, catalog.Builtin(), stored); err != nil {
				t.Fatal(err)
			}
			if got := codes(sub); len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				for _, f := range sub.Findings {
					t.Log(f.Text.VI)
				}
				t.Fatalf("findings %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDuplicateAfterResolution: two rows naming one unit differently (code
// on one, name on the other) are the same figure twice.
func TestDuplicateAfterResolution(t *testing.T) {
	sub := &submission.Submission{Sheet: "S", Layout: submission.Long,
		Units: []submission.Unit{{Code: "HP-A", Resolved: "HP-A"}, {Name: "Huyện A", Resolved: "HP-A"}},
		Figures: []submission.Figure{
			{Unit: 0, Indicator: "TT_BUOI", Year: 2020, Value: 500, Row: 3, Col: 5},
			{Unit: 1, Indicator: "TT_BUOI", Year: 2020, Value: 700, Row: 9, Col: 5},
		}}
	if err := Run(sub, catalog.Builtin(), nil); err != nil {
		t.Fatal(err)
	}
	if got := codes(sub); len(got) != 1 || got[0] != "duplicate-row@E9" {
		t.Fatalf("findings %v", got)
	}
}
