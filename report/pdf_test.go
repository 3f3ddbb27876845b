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
		"I. KẾT QUẢ THỰC HIỆN PHONG TRÀO",
		"1. Công tác tuyên truyền, vận động quần chúng",
		"Tổ chức 22.859 buổi tuyên truyền (gần 23 nghìn buổi), gấp 3,9 lần so với giai đoạn 2002–2012",
		"114.106,85 triệu đồng (114,1 tỷ đồng)",
		"Huyện {{.Secret}} # Bạch Long Vĩ",
		"III. CÔNG TÁC THI ĐUA, KHEN THƯỞNG",
		"TRƯỞNG CÔNG AN QUẬN",
		"Nguyễn Văn An",
		"Nơi nhận:",
		"- Công an thành phố (để b/c);",
		"- Lưu: VT, ĐCT.",
		"Phụ lục I",
		"SỐ LIỆU KẾT QUẢ THỰC HIỆN PHONG TRÀO",
		"(Kèm theo Báo cáo số 125/BC-CAQ ngày 05 tháng 01 năm 2024)",
		"1.577.960", // totals in Vietnamese format
		"22.859",
		"Biểu đồ: Số buổi tuyên truyền qua các năm (buổi)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, bad := range []string{"<nil>", "<no value>", "%!"} {
		if strings.Contains(text, bad) {
			t.Errorf("PDF text has %q", bad)
		}
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
// never "<nil>" or an empty number.
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
	path := writePDF(t, s, Document{}, PDFOptions{})
	text := flat(pdfRead(t, path, false))
	for _, want := range []string{
		"Số: ……/BC-……",
		"……, ngày …… tháng …… năm ……",
		"Tổng kết 5 năm thực hiện phong trào",
		"- ……; - Lưu: VT, …….",
		"(Kèm theo Báo cáo số ……/BC-…… ngày …… tháng …… năm ……)",
		"17.980", "3.700,5", "+12,5%",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<nil>") || strings.Contains(text, "<no value>") {
		t.Errorf("PDF shows a missing value:\n%s", text)
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
	var appendix []string
	for i, p := range pages {
		if strings.Contains(p, "Phụ lục I") {
			appendix = pages[i:]
		}
	}
	if n := len(appendix); n > 0 && strings.TrimSpace(appendix[n-1]) == "" {
		appendix = appendix[:n-1]
	}
	if n := len(appendix); n > 0 && strings.Contains(appendix[n-1], "Biểu đồ") && !strings.Contains(appendix[n-1], "(17)") {
		appendix = appendix[:n-1] // the chart alone on the last page
	}
	if len(appendix) < 2 {
		t.Fatalf("the table fits one page; want it to break (pages: %d)", len(pages))
	}
	for i, p := range appendix {
		if f := flat(p); !strings.Contains(f, "STT") || !strings.Contains(f, "Chỉ tiêu") || !strings.Contains(f, "(17)") {
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
