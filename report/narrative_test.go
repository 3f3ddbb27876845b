package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// jsonAmount reads a JSON number of FORMATS.md §5 exactly (summary.Amount
// only marshals).
type jsonAmount summary.Amount

func (a *jsonAmount) UnmarshalJSON(b []byte) error {
	n, err := vn.ParseRaw(string(b))
	if err != nil {
		return err
	}
	*a = jsonAmount(n.Hundredths)
	return nil
}

// loadSummary reads a summary JSON: the realistic 2013–2023 sample of
// testdata/pdf/summary.json is the demo's, with awards, a unit that never
// reported (and whose name looks like template text and markup), and one
// year of HG_VU not reported.
func loadSummary(t *testing.T, path string) *summary.Summary {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Period     summary.Period `json:"period"`
		Units      []summary.Unit `json:"units"`
		Indicators []struct {
			Code, Name, Unit, Agg string
			Total                 *jsonAmount
			ByYear                map[string]jsonAmount `json:"by_year"`
			ByUnit                map[string]jsonAmount `json:"by_unit"`
			Previous              struct {
				From, To int
				Total    *jsonAmount
			}
			UnitsReporting int `json:"units_reporting"`
		} `json:"indicators"`
		Awards       summary.Awards       `json:"awards"`
		Completeness summary.Completeness `json:"completeness"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	s := &summary.Summary{Period: m.Period, Units: m.Units, Awards: m.Awards, Completeness: m.Completeness}
	ptr := func(a *jsonAmount) *summary.Amount {
		if a == nil {
			return nil
		}
		v := summary.Amount(*a)
		return &v
	}
	conv := func(in map[string]jsonAmount) map[string]summary.Amount {
		out := map[string]summary.Amount{}
		for k, v := range in {
			out[k] = summary.Amount(v)
		}
		return out
	}
	for _, i := range m.Indicators {
		kind := "count"
		if i.Unit == "triệu đồng" {
			kind = "money"
		}
		s.Indicators = append(s.Indicators, summary.Indicator{
			Code: i.Code, Name: i.Name, Unit: i.Unit, Agg: i.Agg, Kind: kind,
			Total: ptr(i.Total), ByYear: conv(i.ByYear), ByUnit: conv(i.ByUnit),
			Previous:       summary.Previous{From: i.Previous.From, To: i.Previous.To, Total: ptr(i.Previous.Total)},
			UnitsReporting: i.UnitsReporting,
		})
	}
	return s
}

func sampleDocument() Document {
	return Document{
		ParentAgency: "CÔNG AN THÀNH PHỐ HẢI PHÒNG",
		Agency:       "CÔNG AN QUẬN HỒNG BÀNG",
		Place:        "Hải Phòng",
		DocNumber:    "125/BC-CAQ",
		SignerTitle:  "TRƯỞNG CÔNG AN QUẬN",
		SignerName:   "Nguyễn Văn An",
		Recipients:   []string{"Công an thành phố (để b/c)", "Thường trực Quận ủy (để b/c)", "Lưu: VT, ĐCT"},
		Date:         time.Date(2024, 1, 5, 9, 0, 0, 0, time.UTC),
	}
}

func renderSample(t *testing.T) NarrativeText {
	t.Helper()
	n, err := LoadNarrative("")
	if err != nil {
		t.Fatal(err)
	}
	out, err := n.Render(loadSummary(t, filepath.Join("testdata", "pdf", "summary.json")), sampleDocument(), "")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestNarrativeEmbedded(t *testing.T) {
	out := renderSample(t)
	if want := "Tổng kết 10 năm thực hiện phong trào\n\"Toàn dân bảo vệ an ninh Tổ quốc\" giai đoạn 2013–2023"; out.Title != want {
		t.Errorf("title = %q, want %q", out.Title, want)
	}
	if !strings.HasPrefix(out.Appendix, "Số liệu kết quả thực hiện phong trào\n") || !strings.HasSuffix(out.Appendix, "giai đoạn 2013–2023") {
		t.Errorf("appendix name = %q", out.Appendix)
	}
	if want := "Biểu đồ: Số buổi tuyên truyền qua các năm (buổi)"; out.Chart != want {
		t.Errorf("chart caption = %q, want %q", out.Chart, want)
	}
	for _, want := range []string{
		"- Tổ chức 22.859 buổi tuyên truyền (gần 23 nghìn buổi), gấp 3,9 lần so với giai đoạn 2002–2012.",
		"- Thu hút 1.577.960 lượt người tham dự (gần 1,6 triệu lượt người), gấp 3,7 lần so với giai đoạn 2002–2012.",
		"- Đến năm 2023, có 954 mô hình đang hoạt động hiệu quả, gấp 6 lần so với năm 2012.",
		"Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa: 114.106,85 triệu đồng (114,1 tỷ đồng), gấp 5,3 lần",
		"Vận động quần chúng giao nộp 1.569 vũ khí, vật liệu nổ, công cụ hỗ trợ (khẩu, quả, chiếc), gấp 2,1 lần so với giai đoạn 2002–2012.",
		"- Có 5.144 camera an ninh được lắp đặt, kết nối, gấp 10,5 lần so với năm 2012.",
		"# Tình hình báo cáo số liệu",
		"Đã nhận 127/143 báo cáo năm của 13 đơn vị (đạt 88,8%).",
		"- Huyện An Dương: chưa báo cáo năm 2013, 2014.",
		"- Huyện {{.Secret}} # Bạch Long Vĩ: chưa gửi báo cáo năm nào trong giai đoạn.", // data, never template text or markup
		"# Công tác thi đua, khen thưởng",
		"có 118 tập thể, cá nhân được đề nghị khen thưởng, trong đó: 87 cá nhân, 31 tập thể.",
		"- Bằng khen: 100.",
		"- Hội Cựu chiến binh: 54.",
		`Trên đây là báo cáo tổng kết 10 năm thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" giai đoạn 2013–2023./.`,
	} {
		if !strings.Contains(out.Body, want) {
			t.Errorf("narrative lacks %q", want)
		}
	}
	if strings.Contains(out.Body, "<no value>") || strings.Contains(out.Body, "<nil>") {
		t.Errorf("narrative shows a missing value:\n%s", out.Body)
	}
	// The parsed blocks number the sections and sub-sections, and the
	// unit's name did not become a heading.
	var heads []string
	for _, b := range parseMarkup(out.Body) {
		if b.kind == blockHeading || b.kind == blockSubheading {
			heads = append(heads, b.text)
		}
	}
	want := []string{
		"I. KẾT QUẢ THỰC HIỆN PHONG TRÀO",
		"1. Công tác tuyên truyền, vận động quần chúng",
		"2. Xây dựng, nhân rộng mô hình, cách làm hay",
		"3. Phát hiện, cung cấp thông tin cho lực lượng Công an",
		"4. Tập huấn, bồi dưỡng nghiệp vụ",
		"5. Cảm hóa, giáo dục người có quá khứ lầm lỗi tại cộng đồng",
		"6. Chăm lo an sinh xã hội",
		"7. Vận động giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ",
		"8. Hòa giải mâu thuẫn, tranh chấp tại cơ sở",
		"9. Mô hình tự quản về an ninh, trật tự và camera an ninh",
		"II. TÌNH HÌNH BÁO CÁO SỐ LIỆU",
		"III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG",
	}
	if !reflect.DeepEqual(heads, want) {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
	}
}

// TestNarrativeSparse: a short period with few figures, no previous
// period, every unit reporting and no awards.
func TestNarrativeSparse(t *testing.T) {
	a := func(v int64) *summary.Amount { x := summary.Amount(v); return &x }
	s := &summary.Summary{
		Period: summary.Period{From: 2023, To: 2023},
		Units:  []summary.Unit{{Code: "A", Name: "Quận A", YearsReported: []int{2023}}},
		Indicators: []summary.Indicator{
			{Code: "TT_BUOI", Name: "Số buổi tuyên truyền", Unit: "buổi", Agg: "sum", Kind: "count", Total: a(1200),
				ByYear: map[string]summary.Amount{"2023": 1200}},
			{Code: "VK_GIAONOP", Name: "Số vũ khí", Unit: "khẩu, quả, chiếc", Agg: "sum", Kind: "count"},
			{Code: "X_MOI", Name: "Số buổi  sinh hoạt\nchuyên đề", Unit: "buổi", Agg: "sum", Kind: "count", Total: a(4500)},
		},
		Completeness: summary.Completeness{Expected: 1, Received: 1},
	}
	n, err := LoadNarrative("")
	if err != nil {
		t.Fatal(err)
	}
	out, err := n.Render(s, Document{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Tổng kết thực hiện phong trào\n\"Toàn dân bảo vệ an ninh Tổ quốc\" năm 2023"; out.Title != want {
		t.Errorf("title = %q, want %q", out.Title, want)
	}
	for _, want := range []string{
		"- Tổ chức 12 buổi tuyên truyền.", // no approximation, no comparison
		"## Các chỉ tiêu khác\n- Số buổi sinh hoạt chuyên đề: 45 buổi.",
		"Tất cả các đơn vị đã gửi đủ báo cáo các năm trong giai đoạn.",
	} {
		if !strings.Contains(out.Body, want) {
			t.Errorf("narrative lacks %q:\n%s", want, out.Body)
		}
	}
	for _, bad := range []string{"Thu hút", "vũ khí", "khen thưởng", "so với"} {
		if strings.Contains(out.Body, bad) {
			t.Errorf("narrative has %q without a figure:\n%s", bad, out.Body)
		}
	}
}

func TestLoadNarrativeFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.tmpl")
	src := `{{define "trich-yeu"}}Báo cáo riêng {{period .Period}}{{end}}# Mục {{.Units}}
{{range .Missing}}- {{.Name}}{{end}}
Tổng {{with .I.TT_BUOI}}{{approx .Total}}{{end}}, {{docdate .Doc.Date}}.`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := LoadNarrative(path)
	if err != nil {
		t.Fatal(err)
	}
	s := &summary.Summary{
		Period:     summary.Period{From: 2019, To: 2024},
		Units:      []summary.Unit{{Code: "B", Name: "{{template \"x\"}}", YearsMissing: []int{2020}, YearsReported: []int{2019}}},
		Indicators: []summary.Indicator{{Code: "TT_BUOI", Total: func() *summary.Amount { a := summary.Amount(1798000); return &a }()}},
	}
	out, err := n.Render(s, Document{Date: time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)}, "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Title != "Báo cáo riêng 2019–2024" {
		t.Errorf("title = %q", out.Title)
	}
	if want := "# Mục 1\n- {{template \"x\"}}\nTổng gần 18 nghìn, ngày 03 tháng 02 năm 2025."; out.Body != want {
		t.Errorf("body = %q, want %q", out.Body, want)
	}
	if out.Appendix == "" {
		t.Error("missing appendix name has no default")
	}

	if _, err := LoadNarrative(filepath.Join(dir, "none.tmpl")); err == nil {
		t.Error("a missing template file loads")
	}
	bad := filepath.Join(dir, "bad.tmpl")
	os.WriteFile(bad, []byte("{{if}}"), 0o644)
	if _, err := LoadNarrative(bad); err == nil || !strings.Contains(err.Error(), "bad.tmpl") {
		t.Errorf("bad template: err = %v", err)
	}
}

func TestParseMarkup(t *testing.T) {
	src := `
  Mở đầu dòng một
  dòng hai.

# Kết quả
## Tuyên truyền
- Một
  tiếp theo
- Hai


Đoạn cuối.
# Khác
## Lại từ một
`
	got := parseMarkup(src)
	want := []mdBlock{
		{blockPara, "Mở đầu dòng một dòng hai."},
		{blockHeading, "I. KẾT QUẢ"},
		{blockSubheading, "1. Tuyên truyền"},
		{blockBullet, "- Một tiếp theo"},
		{blockBullet, "- Hai"},
		{blockPara, "Đoạn cuối."},
		{blockHeading, "II. KHÁC"},
		{blockSubheading, "1. Lại từ một"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseMarkup:\n got %v\nwant %v", got, want)
	}
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL"} {
		if got := roman(n); got != want {
			t.Errorf("roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRecipientLines(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{nil, []string{"- ……;", "- Lưu: VT, ……."}},
		{[]string{"Công an thành phố (để b/c);", "- Lưu: VT, ĐCT."}, []string{"- Công an thành phố (để b/c);", "- Lưu: VT, ĐCT."}},
		{[]string{"Như trên"}, []string{"- Như trên;", "- Lưu: VT, ……."}},
	}
	for _, tt := range tests {
		if got := recipientLines(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("recipientLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
