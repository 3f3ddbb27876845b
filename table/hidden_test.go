package table

import (
	"strings"
	"testing"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/xlsx"
)

func TestHiddenWording(t *testing.T) {
	holds := lang.F("số liệu ở các ô E7, F7", "figures in cells E7, F7")
	filtered := &xlsx.SheetView{Filtered: true}
	grouped := &xlsx.SheetView{HiddenCols: []xlsx.ColSpan{{From: 5, To: 6, Outline: 1}}}
	plain := &xlsx.SheetView{HiddenCols: []xlsx.ColSpan{{From: 5, To: 5}}}
	for _, tt := range []struct {
		name   string
		f      finding.Finding
		cell   string
		vi, en []string
	}{
		{"row", HiddenRows("S", xlsx.Row{Num: 7, Hidden: true}, []int{7}, 1, holds, []string{"E7", "F7"}), "E7",
			[]string{"Dòng 7 đang bị ẩn nên", "E7, F7", "Bỏ ẩn (Unhide)", "bỏ lọc", "xóa hẳn dòng đó"},
			[]string{"Row 7 is hidden, so", "does not see it, yet it holds figures", "Unhide", "Data > Clear", "delete the row"}},
		{"filtered", HiddenRows("S", xlsx.Row{Num: 7, Hidden: true, View: filtered}, []int{7}, 1, holds, []string{"E7"}), "E7",
			[]string{"bộ lọc AutoFilter"}, []string{"hidden by an AutoFilter", "clear the filter"}},
		{"group", HiddenRows("S", xlsx.Row{Num: 7, Hidden: true, Outline: 1}, []int{7}, 1, holds, []string{"E7"}), "E7",
			[]string{"nhóm dòng đang thu gọn", "dấu +"}, []string{"collapsed group of rows", "expand"}},
		{"many rows", HiddenRows("S", xlsx.Row{Num: 7, Hidden: true}, []int{7, 9}, 14, holds, []string{"E7"}), "E7",
			[]string{"Các dòng 7, 9 … (+12) đang bị ẩn", "các dòng đó"}, []string{"Rows 7, 9 … (+12) are hidden", "does not see them"}},
		{"no cells", HiddenRows("S", xlsx.Row{Num: 7, Hidden: true}, []int{7}, 1, holds, nil), "", nil, nil},
		{"column", HiddenColumn("S", plain, 5, "2018", holds, []string{"E6", "E9"}), "E6",
			[]string{"Cột E (\"2018\") đang bị ẩn nên", "xóa hẳn cột đó"}, []string{"Column E (\"2018\") is hidden, so", "delete the column"}},
		{"column group", HiddenColumn("S", grouped, 6, "", holds, []string{"F6"}), "F6",
			[]string{"Cột F đang bị ẩn (nằm trong một nhóm cột đang thu gọn"}, []string{"collapsed group of columns"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.f
			if f.Code != finding.HiddenCell || f.Severity != finding.Error || f.Sheet != "S" || f.Cell != tt.cell {
				t.Errorf("finding %+v, want a hidden-cell error at S!%s", f, tt.cell)
			}
			for _, w := range tt.vi {
				if !strings.Contains(f.Text.VI, w) {
					t.Errorf("VI %q lacks %q", f.Text.VI, w)
				}
			}
			for _, w := range tt.en {
				if !strings.Contains(f.Text.EN, w) {
					t.Errorf("EN %q lacks %q", f.Text.EN, w)
				}
			}
			if strings.Contains(f.Text.VI+f.Text.EN, "%!") {
				t.Errorf("a verb without its argument: %+v", f.Text)
			}
		})
	}
}
