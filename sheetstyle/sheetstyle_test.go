package sheetstyle

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		style Style
		want  int
	}{
		{"Số buổi tuyên truyền", 40, Style{}, 1},
		{"Số người có quá khứ lầm lỗi được cảm hóa, giáo dục tại cộng đồng", 20, Style{}, 4},
		{"Số người có quá khứ lầm lỗi được cảm hóa, giáo dục tại cộng đồng", 20, Style{Bold: true}, 4},
		{"một\nhai\nba", 40, Style{}, 3},
		{"HP-XAPHUONGRATDAIKHONGCOKHOANGTRANG", 10, Style{}, 4}, // a long word breaks anywhere
		{"Tổng cộng", 5, Style{Size: 24}, 4},                    // 2 letters a line at 24 pt
	}
	for _, tt := range tests {
		if got := tt.style.Lines(tt.text, tt.width); got != tt.want {
			t.Errorf("Lines(%q, %v, %+v) = %d, want %d", tt.text, tt.width, tt.style, got, tt.want)
		}
	}
}

func TestCache(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	c := NewCache(f)
	a, _ := c.ID(Style{Bold: true, Border: true, NumFmt: "#,##0"})
	b, _ := c.ID(Style{Bold: true, Border: true, NumFmt: "#,##0"})
	d, _ := c.ID(Style{Unlocked: true})
	if a != b || a == d {
		t.Fatalf("ids %d %d %d: one per distinct style", a, b, d)
	}
	st, err := f.GetStyle(d)
	if err != nil || st.Font.Family != Font || st.Font.Size != 12 || st.Protection == nil || st.Protection.Locked {
		t.Fatalf("style %d: %+v %v", d, st, err)
	}
}
