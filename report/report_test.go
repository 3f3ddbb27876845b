package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

func amount(v int64) *summary.Amount { a := summary.Amount(v); return &a }

// sample is a small summary; TT_BUOI compares with its previous period,
// NHA_TIEN has none.
func sample() *summary.Summary {
	s := &summary.Summary{
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
		Completeness:         summary.Completeness{Expected: 9, Received: 4},
		PreviousCompleteness: summary.PeriodReports{From: 2016, To: 2018, Expected: 9, Received: 9},
	}
	s.Indicators[0].Coverage, s.Indicators[0].Previous.Coverage = 0.9, 1
	s.Indicators[0].SetComparison(true, true)
	return s
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, sample(), nil, lang.VI); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"TỔNG KẾT 2 NĂM, GIAI ĐOẠN 2019–2021\n",
		"đã nhận 4/9 báo cáo năm (44,4%); 2016–2018: 9/9 (100,0%)",
		"17.980           15.980     +12,5%       90,0%    100,0%", // Vietnamese digits, change vs previous, coverage
		"3.700,5", // money keeps its decimal comma
		"Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận độn…", // long names are clipped
		"Huyện B (B): 2020, 2021",
		"Xã C (C): chưa gửi năm nào",
		"(*) Năm chưa đủ báo cáo của các đơn vị, tổng của năm đó thấp hơn thực tế: năm 2020, 2021 thiếu\nHuyện B; Xã C chưa gửi báo cáo năm nào trong giai đoạn 2019–2021.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}

	// Not comparable: neither the previous total nor a change.
	s := sample()
	s.Indicators[0].SetComparison(true, false)
	b.Reset()
	if err := WriteText(&b, s, nil, lang.VI); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "15.980") || strings.Contains(out, "+12,5%") {
		t.Errorf("text states a comparison that change does not allow:\n%s", out)
	}
}

// TestWriteTextOutline: the text summary carries the report's outline,
// with the officer's sections as marked blanks.
func TestWriteTextOutline(t *testing.T) {
	s := loadSummary(t, filepath.Join("testdata", "pdf", "summary.json"))
	o, err := BuildOutline(s, sampleDocument(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteText(&b, s, o, lang.VI); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	prev := -1
	for _, want := range []string{
		"TỔNG KẾT 10 NĂM, GIAI ĐOẠN 2013–2023",
		"nên chưa so sánh được kết quả hai giai đoạn",
		"BÁO CÁO",
		"I. ĐẶC ĐIỂM TÌNH HÌNH\n    [Đơn vị bổ sung: đặc điểm địa bàn,",
		"II. KẾT QUẢ THỰC HIỆN PHONG TRÀO",
		"1. Công tác lãnh đạo, chỉ đạo\n    [Đơn vị bổ sung:",
		"11. Công tác thi đua, khen thưởng",
		"III. ĐÁNH GIÁ CHUNG",
		"IV. BÀI HỌC KINH NGHIỆM",
		"V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI",
		"VI. ĐỀ XUẤT, KIẾN NGHỊ\n    [Đơn vị bổ sung: đề xuất, kiến nghị với cấp trên]",
		"Phụ lục II:",
	} {
		i := strings.Index(out, want)
		if i < 0 {
			t.Errorf("text lacks %q", want)
			continue
		}
		if i < prev {
			t.Errorf("%q is out of order", want)
		}
		prev = i
	}
	for _, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > 130 {
			t.Errorf("line of %d characters: %q", n, l)
		}
	}
}

func TestWriteStatus(t *testing.T) {
	var b bytes.Buffer
	if err := WriteStatus(&b, sample(), lang.VI); err != nil {
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
