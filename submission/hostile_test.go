package submission_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestHostileShapes: workbooks at Excel's limits are read with the table
// found and nothing lost (the time is logged, not asserted): a 32,767-character cell, a sheet 16,384
// columns wide, thousands of sheets before the data.
func TestHostileShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large workbooks")
	}
	tests := []struct {
		name  string
		build func(t *testing.T) []byte
		check func(t *testing.T, codes []string, figures int)
	}{
		{"32,767-character cells", func(t *testing.T) []byte {
			rows := standard()
			rows[1] = []any{"Đơn vị: " + strings.Repeat("Quận Hồng Bàng ", 2183)[:32767-9]}
			rows[5] = append(rows[5], strings.Repeat("ghi chú rất dài ", 2047))
			return book(t, sheet{name: "S", rows: rows})
		}, func(t *testing.T, codes []string, n int) {
			if len(codes) != 0 || n != 12 {
				t.Errorf("findings %v, %d figures", codes, n)
			}
		}},
		{"16,384 columns", func(t *testing.T) []byte {
			f := excelize.NewFile()
			defer f.Close()
			sw, _ := f.NewStreamWriter("Sheet1")
			sw.SetRow("A1", []any{"Mã đơn vị: HP-X"})
			head := []any{"Mã chỉ tiêu", 2022}
			row := []any{"TT_BUOI", 5}
			for len(head) < 16384 {
				head = append(head, "cột "+strconv.Itoa(len(head)))
				row = append(row, "x")
			}
			sw.SetRow("A2", head)
			sw.SetRow("A3", row)
			sw.Flush()
			var b bytes.Buffer
			f.Write(&b)
			return b.Bytes()
		}, func(t *testing.T, codes []string, n int) {
			if len(codes) != 0 || n != 1 {
				t.Errorf("findings %v, %d figures", codes, n)
			}
		}},
		{"2,000 sheets before the data", func(t *testing.T) []byte {
			var sheets []sheet
			for i := 0; i < 2000; i++ {
				sheets = append(sheets, sheet{name: "Trang " + strconv.Itoa(i), rows: [][]any{{"ghi chú"}}})
			}
			return book(t, append(sheets, sheet{name: "Số liệu", rows: standard()})...)
		}, func(t *testing.T, codes []string, n int) {
			if len(codes) != 0 || n != 12 {
				t.Errorf("findings %v, %d figures", codes, n)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.build(t)
			start := time.Now()
			sub := pipeline(t, "t.xlsx", data)
			t.Logf("read in %v", time.Since(start))
			tt.check(t, got(sub), len(sub.Figures))
		})
	}
}
