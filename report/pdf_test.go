package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/summary"
)

// needTool finds a poppler tool: a test skips without it, except on CI
// (CI=true), where it must be installed.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required on CI (install poppler-utils): %v", name, err)
		}
		t.Skipf("%s not installed (poppler-utils)", name)
	}
	return p
}

// writePDF renders a report to a file in a temporary folder.
func writePDF(t *testing.T, s *summary.Summary, d Document, opt PDFOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := WritePDF(&b, s, d, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", b.Bytes()[:min(20, b.Len())])
	}
	path := filepath.Join(t.TempDir(), "bao-cao.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfRead is pdftotext's reading of the PDF, pages separated by \f.
func pdfRead(t *testing.T, path string, layout bool) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(needTool(t, "pdftotext"), append(args, path, "-")...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v\n%s", err, stderr.Bytes())
	}
	return string(out)
}

// flat is the text with all white space collapsed to single spaces, so
// phrases can be found whatever the line breaks and justification.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestWritePDFGolden renders the realistic 2013–2023 sample and compares
// what pdftotext reads back with testdata/pdf/report.txt (go test
// ./report -update rewrites it). PDF bytes are never compared.
func TestWritePDFGolden(t *testing.T) {
	s := loadSummary(t, filepath.Join("testdata", "pdf", "summary.json"))
	path := writePDF(t, s, sampleDocument(), PDFOptions{})
	got := pdfRead(t, path, true)
	golden(t, filepath.Join("testdata", "pdf", "report.txt"), got)

	text := flat(pdfRead(t, path, false))
	for _, want := range []string{
		"CÔNG AN THÀNH PHỐ HẢI PHÒNG",
		"CÔNG AN QUẬN HỒNG BÀNG",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Số: 125/BC-CAQ",
		"Hải Phòng, ngày 05 tháng 01 năm 2024",
		"BÁO CÁO",
		`Tổng kết 10 năm thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" giai đoạn 2013–2023`,
		"Giai đoạn 2002–2012 mới có số liệu của 41/143 lượt đơn vị-năm (28,7%); giai đoạn 2013–2023 mới có số liệu của 127/143 lượt đơn vị-năm (88,8%) nên chưa so sánh được kết quả hai giai đoạn",
		"I. ĐẶC ĐIỂM TÌNH HÌNH [Đơn vị bổ sung: đặc điểm địa bàn",
		"II. KẾT QUẢ THỰC HIỆN PHONG TRÀO 1. Công tác lãnh đạo, chỉ đạo [Đơn vị bổ sung:",
		"2. Công tác tuyên truyền, vận động quần chúng",
		"Tổ chức 22.859 buổi tuyên truyền (gần 23 nghìn buổi); dẫn đầu là Huyện Thủy Nguyên với 2.803 buổi",
		"114.106,85 triệu đồng (hơn 114 tỷ đồng)",
		"11. Công tác thi đua, khen thưởng",
		"Phụ lục III kèm theo",
		"TRƯỞNG CÔNG AN QUẬN",
		"Nguyễn Văn An",
		"Nơi nhận:",
		"- Công an thành phố (để b/c);",
		"- Lưu: VT, ĐCT.",
		"Phụ lục I SỐ LIỆU KẾT QUẢ THỰC HIỆN PHONG TRÀO",
		"(Kèm theo Báo cáo số 125/BC-CAQ ngày 05 tháng 01 năm 2024)",
		"2013 (*)", "2016 (*)", "2020 (*)", // years lacking a report are marked
		"1.577.960", // totals in Vietnamese format
		"22.859",
		"114.106,85", "7.253,90", // money with two decimals throughout
		"(*) Năm chưa đủ báo cáo của các đơn vị, tổng của năm đó thấp hơn thực tế: năm 2013, 2014 thiếu Huyện An Dương; năm 2016 thiếu Quận Đồ Sơn; năm 2017 thiếu Huyện An Lão; năm 2020 thiếu Huyện Thủy Nguyên; Huyện {{.Secret}} # Bạch Long Vĩ chưa gửi báo cáo năm nào",
		"Biểu đồ: Số buổi tuyên truyền qua các năm (buổi)",
		"Cột có dấu (*): năm chưa đủ báo cáo",
		"Phụ lục II SỐ LIỆU KẾT QUẢ THỰC HIỆN PHONG TRÀO \"TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC\" THEO ĐƠN VỊ, GIAI ĐOẠN 2013–2023",
		"Huyện Thủy Nguyên",
		"Tổng cộng",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, bad := range []string{"<nil>", "<no value>", "%!", "gấp", "so với giai đoạn", "Tăng/ giảm", "TÌNH HÌNH BÁO CÁO", "đề nghị khen thưởng"} {
		if strings.Contains(text, bad) {
			t.Errorf("PDF text has %q", bad)
		}
	}
	// Every heading of FORMATS.md §8's outline, in order.
	at := 0
	for _, h := range []string{"BÁO CÁO", "I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ THỰC HIỆN PHONG TRÀO", "1. Công tác lãnh đạo, chỉ đạo",
		"2. Công tác tuyên truyền", "11. Công tác thi đua, khen thưởng", "III. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Hạn chế, tồn tại",
		"3. Nguyên nhân", "IV. BÀI HỌC KINH NGHIỆM", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI", "VI. ĐỀ XUẤT, KIẾN NGHỊ",
		"Nơi nhận:", "Phụ lục I ", "Phụ lục II "} {
		i := strings.Index(text[at:], h)
		if i < 0 {
			t.Errorf("PDF lacks %q after position %d", h, at)
			continue
		}
		at += i + len(h)
	}

	// Every font is a subset of Liberation Serif, embedded, with a Unicode
	// map, in its four styles.
	out, err := exec.Command(needTool(t, "pdffonts"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	var names []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
		// name type… encoding emb sub uni object ID
		f := strings.Fields(l)
		if len(f) < 8 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded as a subset with a Unicode map: %s", l)
			continue
		}
		_, name, _ := strings.Cut(f[0], "+")
		names = append(names, name)
	}
	sort.Strings(names)
	if want := []string{"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-BoldItalic", "LiberationSerif-Italic"}; !reflect.DeepEqual(names, want) {
		t.Errorf("fonts = %q, want %q; pdffonts:\n%s", names, want, out)
	}
}

// TestWritePDFBlanks: a document with no settings prints dotted blanks,
// never "<nil>" or an empty number; a comparable figure shows its change.
func TestWritePDFBlanks(t *testing.T) {
	a := func(v int64) *summary.Amount { x := summary.Amount(v); return &x }
	s := &summary.Summary{
		Period: summary.Period{From: 2019, To: 2024},
		Units:  []summary.Unit{{Code: "A", Name: "Quận A", YearsReported: []int{2019, 2020, 2021, 2022, 2023, 2024}}},
		Indicators: []summary.Indicator{
			{Code: "TT_BUOI", Name: "Số buổi tuyên truyền", Unit: "buổi", Agg: "sum", Kind: "count", Total: a(1798000),
				ByYear:   map[string]summary.Amount{"2019": 300000, "2020": 290000, "2022": 400000, "2023": 408000, "2024": 400000},
				Previous: summary.Previous{From: 2013, To: 2018, Total: a(1598000)}},
			{Code: "NHA_TIEN", Name: "Kinh phí xây, sửa nhà", Unit: "triệu đồng", Agg: "sum", Kind: "money", Total: a(370050),
				ByYear: map[string]summary.Amount{"2024": 370050}},
		},
		Completeness: summary.Completeness{Expected: 6, Received: 6},
	}
	s.Indicators[0].SetComparison(true, true)
	path := writePDF(t, s, Document{}, PDFOptions{})
	text := flat(pdfRead(t, path, false))
	for _, want := range []string{
		"Số: ……/BC-……",
		"……, ngày …… tháng …… năm ……",
		"Tổng kết 5 năm thực hiện phong trào",
		"- ……; - Lưu: VT, …….",
		"(Kèm theo Báo cáo số ……/BC-…… ngày …… tháng …… năm ……)",
		"17.980", "3.700,5", "+12,5%",
		"tăng 12,5% so với giai đoạn 2013–2018",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<nil>") || strings.Contains(text, "<no value>") || strings.Contains(text, "Kính gửi") {
		t.Errorf("PDF shows a missing value:\n%s", text)
	}
}

// TestWritePDFDecree: the details of Nghị định 30 an inspector checks: a
// number below 10 with its leading zero, the date line from the setting,
// "Kính gửi" when set.
func TestWritePDFDecree(t *testing.T) {
	s := loadSummary(t, filepath.Join("testdata", "pdf", "summary.json"))
	d := NewDocument(map[string]string{
		"agency": "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "doc-number": "5/BC-CATP", "date": "15/01/2025", "place": "Hải Phòng",
		"addressee": "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc",
	}, nil, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	text := flat(pdfRead(t, writePDF(t, s, d, PDFOptions{}), false))
	for _, want := range []string{
		"Số: 05/BC-CATP",
		"Hải Phòng, ngày 15 tháng 01 năm 2025",
		"giai đoạn 2013–2023 Kính gửi: Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc",
		"(Kèm theo Báo cáo số 05/BC-CATP ngày 15 tháng 01 năm 2025)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	d.Date = time.Time{} // "trong": the date line is left to fill by hand
	d.Addressee = []string{"Cục A", "Cục B"}
	text = flat(pdfRead(t, writePDF(t, s, d, PDFOptions{}), false))
	for _, want := range []string{"Hải Phòng, ngày …… tháng …… năm ……", "Kính gửi: - Cục A; - Cục B."} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// TestWritePDFTableBreaks: a table longer than a page repeats its header
// row on every page, and the chart follows the chosen indicator.
func TestWritePDFTableBreaks(t *testing.T) {
	s := &summary.Summary{Period: summary.Period{From: 2013, To: 2023}}
	for i := 1; i <= 45; i++ {
		by := map[string]summary.Amount{}
		var tot summary.Amount
		for y := 2013; y <= 2023; y++ {
			v := summary.Amount(int64(i*100+y-2000) * 100)
			by[fmt.Sprint(y)] = v
			tot += v
		}
		s.Indicators = append(s.Indicators, summary.Indicator{
			Code: fmt.Sprintf("CT_%02d", i), Name: fmt.Sprintf("Chỉ tiêu thử số %d có tên khá dài để xuống dòng trong cột", i),
			Unit: "lượt người", Agg: "sum", Kind: "count", Total: &tot, ByYear: by,
		})
	}
	path := writePDF(t, s, sampleDocument(), PDFOptions{Chart: "ct_07"})
	pages := strings.Split(pdfRead(t, path, false), "\f")
	// Phụ lục I runs from the page with its label to the one of Phụ lục II.
	var appendix []string
	first, next := -1, len(pages)
	for i, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			switch strings.TrimSpace(l) {
			case "Phụ lục I":
				first = i
			case "Phụ lục II":
				next = i
			}
		}
	}
	if first >= 0 {
		appendix = pages[first:next]
	}
	if n := len(appendix); n > 0 && strings.TrimSpace(appendix[n-1]) == "" {
		appendix = appendix[:n-1]
	}
	if n := len(appendix); n > 0 && strings.Contains(appendix[n-1], "Biểu đồ") && !strings.Contains(appendix[n-1], "(15)") {
		appendix = appendix[:n-1] // the chart alone on the last page
	}
	if len(appendix) < 2 {
		t.Fatalf("the table fits one page; want it to break (pages: %d)", len(pages))
	}
	for i, p := range appendix {
		// No previous period: no columns to compare with, the last is the total (15).
		if f := flat(p); !strings.Contains(f, "STT") || !strings.Contains(f, "Chỉ tiêu") || !strings.Contains(f, "(15)") || strings.Contains(f, "(16)") {
			t.Errorf("appendix page %d has no header row:\n%s", i+1, p)
		}
	}
	all := flat(strings.Join(pages, " "))
	if !strings.Contains(all, "Biểu đồ: Chỉ tiêu thử số 7 có tên khá dài để xuống dòng trong cột qua các năm (lượt người)") {
		t.Error("the chart is not of the chosen indicator")
	}
	if !strings.Contains(all, "- Chỉ tiêu thử số 45 có tên khá dài để xuống dòng trong cột: 49.698 lượt người (gần 50 nghìn lượt người).") {
		t.Error("indicators outside the built-in catalog are not in the narrative")
	}
}

func TestWritePDFUnknownChart(t *testing.T) {
	s := &summary.Summary{Period: summary.Period{From: 2020, To: 2023}}
	err := WritePDF(&bytes.Buffer{}, s, Document{}, PDFOptions{Chart: "KHONG_CO"})
	if err == nil || !strings.Contains(err.Error(), "KHONG_CO") {
		t.Errorf("unknown chart indicator: err = %v", err)
	}
}
