package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tongket/tongket/summary"
)

func amount(v int64) *summary.Amount { a := summary.Amount(v); return &a }

func sample() *summary.Summary {
	return &summary.Summary{
		Period: summary.Period{From: 2019, To: 2021},
		Units: []summary.Unit{
			{Code: "A", Name: "Quận A", YearsReported: []int{2019, 2020, 2021}, YearsMissing: []int{}},
			{Code: "B", Name: "Huyện B", YearsReported: []int{2019}, YearsMissing: []int{2020, 2021}},
			{Code: "C", Name: "Xã C", YearsReported: []int{}, YearsMissing: []int{2019, 2020, 2021}},
		},
		Indicators: []summary.Indicator{
			{Code: "TT_BUOI", Name: "Số buổi tuyên truyền", Total: amount(1798000), Previous: summary.Previous{From: 2016, To: 2018, Total: amount(1598000)}},
			{Code: "NHA_TIEN", Name: "Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa", Total: amount(370050)},
			{Code: "VK_GIAONOP", Name: "Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận động giao nộp"},
		},
		Completeness: summary.Completeness{Expected: 9, Received: 4},
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"TỔNG KẾT GIAI ĐOẠN 2019–2021\n",
		"đã nhận 4/9 báo cáo năm (44,4%)",
		"17.980           15.980     +12,5%", // Vietnamese digits, change vs previous
		"3.700,5",                            // money keeps its decimal comma
		"Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận độn…", // long names are clipped
		"Huyện B (B): 2020, 2021",
		"Xã C (C): chưa gửi năm nào",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestWriteStatus(t *testing.T) {
	var b bytes.Buffer
	if err := WriteStatus(&b, sample()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	want := map[int]string{
		2: "Đơn vị       19  20  21  Đã gửi",
		3: "Quận A (A)    ✓   ✓   ✓  3/3",
		4: "Huyện B (B)   ✓   ·   ·  1/3",
		6: "Tỷ lệ (%)    66  33  33",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tt := range []struct {
		p    float64
		sign bool
		want string
	}{{12.5, true, "+12,5%"}, {-32.47, true, "-32,5%"}, {96.21, false, "96,2%"}, {0, true, "0,0%"}} {
		if got := Percent(tt.p, tt.sign); got != tt.want {
			t.Errorf("Percent(%v) = %s, want %s", tt.p, got, tt.want)
		}
	}
}
