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
// testdata/pdf/summary.json is the demo's, with awards from a roster
// covering the period, a unit that never reported (and whose name looks
// like template text and markup), and one year of HG_VU not reported. Its
// previous period 2002–2012 has 41 of 143 unit-years: nothing compares.
func loadSummary(t testing.TB, path string) *summary.Summary {
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
			Coverage              float64
			Previous              struct {
				From, To   int
				Total      *jsonAmount
				Coverage   float64
				Comparable bool
			}
			Change  *float64
			Leading []struct {
				Unit  string
				Value jsonAmount
			}
			UnitsReporting int `json:"units_reporting"`
		} `json:"indicators"`
		Awards       summary.Awards        `json:"awards"`
		Completeness summary.Completeness  `json:"completeness"`
		Previous     summary.PeriodReports `json:"previous_completeness"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	s := &summary.Summary{Period: m.Period, Units: m.Units, Awards: m.Awards, Completeness: m.Completeness, PreviousCompleteness: m.Previous}
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
		var leading []summary.Leader
		for _, l := range i.Leading {
			leading = append(leading, summary.Leader{Unit: l.Unit, Value: summary.Amount(l.Value)})
		}
		s.Indicators = append(s.Indicators, summary.Indicator{
			Code: i.Code, Name: i.Name, Unit: i.Unit, Agg: i.Agg, Kind: kind,
			Total: ptr(i.Total), ByYear: conv(i.ByYear), ByUnit: conv(i.ByUnit), Coverage: i.Coverage,
			Previous: summary.Previous{From: i.Previous.From, To: i.Previous.To, Total: ptr(i.Previous.Total),
				Coverage: i.Previous.Coverage, Comparable: i.Previous.Comparable},
			Change: i.Change, Leading: leading, UnitsReporting: i.UnitsReporting,
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
	if want := "Số liệu kết quả thực hiện phong trào \"Toàn dân bảo vệ an ninh Tổ quốc\"\ntheo đơn vị, giai đoạn 2013–2023"; out.ByUnit != want {
		t.Errorf("by-unit appendix name = %q, want %q", out.ByUnit, want)
	}
	if want := "Biểu đồ: Số buổi tuyên truyền qua các năm (buổi)"; out.Chart != want {
		t.Errorf("chart caption = %q, want %q", out.Chart, want)
	}
	for _, want := range []string{
		"trên cơ sở số liệu báo cáo của 13 đơn vị (127/143 lượt đơn vị-năm có số liệu, đạt 88,8%)",
		// The one sentence instead of comparisons: both periods fall short.
		"Giai đoạn 2002–2012 mới có số liệu của 41/143 lượt đơn vị-năm (28,7%); giai đoạn 2013–2023 mới có số liệu của 127/143 lượt đơn vị-năm (88,8%) nên chưa so sánh được kết quả hai giai đoạn (kể cả với số liệu năm 2012).",
		"- Tổ chức 22.859 buổi tuyên truyền (gần 23 nghìn buổi); dẫn đầu là Huyện Thủy Nguyên với 2.803 buổi, tiếp đến là Quận Lê Chân (2.409) và Huyện Vĩnh Bảo (2.244).",
		"- Thu hút 1.577.960 lượt người tham dự (gần 1,6 triệu lượt người).",
		"- Đến năm 2023, có 954 mô hình đang hoạt động hiệu quả.",
		"- Tập huấn cho 56.896 lượt cán bộ (gần 57 nghìn lượt cán bộ);", // one unit within the sentence
		"Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa: 114.106,85 triệu đồng (hơn 114 tỷ đồng).",
		"Vận động quần chúng giao nộp 1.569 vũ khí, vật liệu nổ, công cụ hỗ trợ các loại; dẫn đầu là",
		"- Có 5.144 camera an ninh được lắp đặt, kết nối (hơn 5,1 nghìn camera);",
		"(Số liệu chi tiết từng năm tại Phụ lục I, theo từng đơn vị tại Phụ lục II kèm theo.)",
		"## Công tác thi đua, khen thưởng",
		// A roster covering the period; kinds and forms in the catalog's order.
		"Trong giai đoạn 2013–2023, có 118 tập thể, cá nhân được khen thưởng, trong đó: 31 tập thể, 87 cá nhân.",
		"Về hình thức: 100 Bằng khen, 18 Giấy khen.",
		"Theo tổ chức: Hội Cựu chiến binh: 54; Hội Liên hiệp Phụ nữ: 40; Đoàn Thanh niên: 24.",
		"@dac-diem ", "@lanh-dao ", "@uu-diem ", "@han-che ", "@nguyen-nhan ", "@bai-hoc ", "@phuong-huong ", "@kien-nghi ",
		`Trên đây là báo cáo tổng kết 10 năm thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" giai đoạn 2013–2023./.`,
	} {
		if !strings.Contains(out.Body, want) {
			t.Errorf("narrative lacks %q", want)
		}
	}
	for _, bad := range []string{"<no value>", "<nil>", "gấp", "tăng", "giảm", "so với", "tương đương", "đề nghị khen thưởng", "Tình hình báo cáo", "TÌNH HÌNH BÁO CÁO"} {
		if strings.Contains(out.Body, bad) {
			t.Errorf("narrative has %q:\n%s", bad, out.Body)
		}
	}
}

// TestNarrativeOutline: the body has every heading of FORMATS.md §8, in
// order, the officer's sections blank and listed, and the unit's name did
// not become a heading.
func TestNarrativeOutline(t *testing.T) {
	o, err := BuildOutline(loadSummary(t, filepath.Join("testdata", "pdf", "summary.json")), sampleDocument(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, b := range o.Body {
		if b.Kind == BlockHeading || b.Kind == BlockSubheading {
			heads = append(heads, b.Number+" "+b.Para.Text())
		}
	}
	want := []string{
		"I. ĐẶC ĐIỂM TÌNH HÌNH",
		"II. KẾT QUẢ THỰC HIỆN PHONG TRÀO",
		"1. Công tác lãnh đạo, chỉ đạo",
		"2. Công tác tuyên truyền, vận động quần chúng",
		"3. Xây dựng, nhân rộng mô hình, cách làm hay",
		"4. Phát hiện, cung cấp thông tin cho lực lượng Công an",
		"5. Tập huấn, bồi dưỡng nghiệp vụ",
		"6. Cảm hóa, giáo dục người có quá khứ lầm lỗi tại cộng đồng",
		"7. Chăm lo an sinh xã hội",
		"8. Vận động giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ",
		"9. Hòa giải mâu thuẫn, tranh chấp tại cơ sở",
		"10. Mô hình tự quản về an ninh, trật tự và camera an ninh",
		"11. Công tác thi đua, khen thưởng",
		"III. ĐÁNH GIÁ CHUNG",
		"1. Ưu điểm",
		"2. Hạn chế, tồn tại",
		"3. Nguyên nhân",
		"IV. BÀI HỌC KINH NGHIỆM",
		"V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI",
		"VI. ĐỀ XUẤT, KIẾN NGHỊ",
	}
	if !reflect.DeepEqual(heads, want) {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
	}
	blanks := []string{
		"I. ĐẶC ĐIỂM TÌNH HÌNH", "II.1. Công tác lãnh đạo, chỉ đạo", "III.1. Ưu điểm", "III.2. Hạn chế, tồn tại",
		"III.3. Nguyên nhân", "IV. BÀI HỌC KINH NGHIỆM", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI", "VI. ĐỀ XUẤT, KIẾN NGHỊ",
	}
	if got := o.Blanks(); !reflect.DeepEqual(got, blanks) {
		t.Errorf("blanks %q, want %q", got, blanks)
	}
	// Filling a section is handing it paragraphs: it is no longer blank.
	if !o.Fill("dac-diem", []Para{{Runs: []Run{{Text: "Địa bàn có "}, {Text: "12", Bold: true}, {Text: " quận, huyện."}}}}) || o.Fill("khong-co", nil) {
		t.Error("Fill does not find its section, or finds one that is not there")
	}
	if got := o.Blanks(); len(got) != len(blanks)-1 || got[0] != "II.1. Công tác lãnh đạo, chỉ đạo" {
		t.Errorf("blanks after filling I: %q", got)
	}
	if len(o.Appendices) != 2 || o.Appendices[0].Label != "Phụ lục I" || o.Appendices[1].Label != "Phụ lục II" {
		t.Errorf("appendices %+v", o.Appendices)
	}
}

// TestNarrativeComparable: a previous period as complete as this one
// states the change exactly, for flows against the period and for stocks
// against its last year; no sentence about incompleteness.
func TestNarrativeComparable(t *testing.T) {
	s := loadSummary(t, filepath.Join("testdata", "pdf", "summary.json"))
	for i := range s.Indicators {
		ind := &s.Indicators[i]
		ind.Coverage, ind.Previous.Coverage = 0.96, 0.95
		ind.SetComparison(true, true)
	}
	s.Completeness.Received, s.PreviousCompleteness.Received = 140, 138
	n, err := LoadNarrative("")
	if err != nil {
		t.Fatal(err)
	}
	out, err := n.Render(s, sampleDocument(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- Tổ chức 22.859 buổi tuyên truyền (gần 23 nghìn buổi), gấp 3,9 lần so với giai đoạn 2002–2012; dẫn đầu là",
		"- Đến năm 2023, có 954 mô hình đang hoạt động hiệu quả, gấp 6 lần so với năm 2012.",
		`- Đến năm 2023, có 160 xã, phường có mô hình "Tự quản về an ninh, trật tự", tăng 90,5% so với năm 2012.`,
	} {
		if !strings.Contains(out.Body, want) {
			t.Errorf("narrative lacks %q", want)
		}
	}
	if strings.Contains(out.Body, "chưa so sánh được") {
		t.Errorf("a comparable summary says it cannot compare:\n%s", out.Body)
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
				ByYear: map[string]summary.Amount{"2023": 1200}, ByUnit: map[string]summary.Amount{"A": 1200}, UnitsReporting: 1, Coverage: 1},
			{Code: "VK_GIAONOP", Name: "Số vũ khí", Unit: "khẩu, quả, chiếc", Agg: "sum", Kind: "count"},
			{Code: "X_MOI", Name: "Số buổi  sinh hoạt\nchuyên đề", Unit: "buổi", Agg: "sum", Kind: "count", Total: a(4500), Coverage: 1},
			{Code: "X_VK", Name: "Số vật liệu nổ", Unit: "quả, kg", Agg: "sum", Kind: "count", Total: a(156900), Coverage: 1},
		},
		Completeness:         summary.Completeness{Expected: 1, Received: 1},
		PreviousCompleteness: summary.PeriodReports{From: 2022, To: 2022, Expected: 1},
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
		"- Tổ chức 12 buổi tuyên truyền.", // no approximation, no comparison, no leader of one unit
		"## Các chỉ tiêu khác\n- Số buổi sinh hoạt chuyên đề: 45 buổi.",
		"- Số vật liệu nổ: 1.569 (quả, kg).", // a unit of several kinds is not rounded as one
		"Năm 2022 chưa có số liệu nên chưa so sánh được kết quả hai giai đoạn.",
		"@khen-thuong kết quả công tác thi đua, khen thưởng (chưa có danh sách khen thưởng nào được nhập cho năm 2023)",
	} {
		if !strings.Contains(out.Body, want) {
			t.Errorf("narrative lacks %q:\n%s", want, out.Body)
		}
	}
	for _, bad := range []string{"Thu hút", "vũ khí", "dẫn đầu", "so với", "có 0 tập thể"} {
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

func TestParseOutline(t *testing.T) {
	src := `
  Mở đầu dòng một
  dòng hai.

# Kết quả
## Tuyên truyền
- Một
  tiếp theo
- Hai
@?them-tuyen-truyen
@SUM(1) là tên đơn vị, không phải mục
# Đánh giá
@uu-diem những kết quả nổi bật


Đoạn cuối.
# Khác
## Lại từ một
`
	got := parseOutline(src)
	para := func(s string, bullet bool) Block { return Block{Kind: BlockPara, Para: plain(s, bullet)} }
	want := []Block{
		para("Mở đầu dòng một dòng hai.", false),
		{Kind: BlockHeading, Number: "I.", Para: plain("KẾT QUẢ", false)},
		{Kind: BlockSubheading, Number: "1.", Para: plain("Tuyên truyền", false)},
		para("Một tiếp theo", true),
		para("Hai", true),
		{Kind: BlockSection, Section: &Section{Key: "them-tuyen-truyen", Heading: "I.1. Tuyên truyền", Optional: true}},
		para("@SUM(1) là tên đơn vị, không phải mục", false),
		{Kind: BlockHeading, Number: "II.", Para: plain("ĐÁNH GIÁ", false)},
		{Kind: BlockSection, Section: &Section{Key: "uu-diem", Heading: "II. ĐÁNH GIÁ", Guide: "những kết quả nổi bật"}},
		para("Đoạn cuối.", false),
		{Kind: BlockHeading, Number: "III.", Para: plain("KHÁC", false)},
		{Kind: BlockSubheading, Number: "1.", Para: plain("Lại từ một", false)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseOutline:\n got %+v\nwant %+v", got, want)
	}
	if b := got[8].Section.Blank(); b != "[Đơn vị bổ sung: những kết quả nổi bật]" {
		t.Errorf("blank %q", b)
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
