package roster

import (
	"fmt"
	"testing"
)

// BenchmarkRead reads a roster of 10,000 nominees in the standard layout,
// with section titles and a total line.
func BenchmarkRead(b *testing.B) {
	rows := [][]any{{"DANH SÁCH KHEN THƯỞNG GIAI ĐOẠN 2019 - 2024"}, headerRow, {"II. CÁ NHÂN"}}
	for i := range 10000 {
		rows = append(rows, []any{i + 1, fmt.Sprintf("Nguyễn Văn %d", i), "Cá nhân", "Hội viên", fmt.Sprintf("Xã %d", i%300),
			lists.Organisations[i%7], lists.Forms[i%3], "Chủ tịch UBND huyện", fmt.Sprintf("%d/QĐ-UBND", i),
			fmt.Sprintf("%02d/%02d/%d", 1+i%28, 1+i%12, 2019+i%6), "Tích cực"})
	}
	rows = append(rows, []any{nil, "Tổng cộng: 10.000"})
	data := book(b, "DS", rows)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		ro := ReadBytes("ds.xlsx", data, lists, now)
		if len(ro.Entries) != 10000 {
			b.Fatalf("%d entries: %v", len(ro.Entries), messages(ro.Findings)[:1])
		}
	}
}
