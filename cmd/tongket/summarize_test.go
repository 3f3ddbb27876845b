package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongket/tongket/docx/docxtest"
)

// ingestDemo fills the database in dir with the demo inbox (the refused
// file left out).
func ingestDemo(t *testing.T, dir string) {
	t.Helper()
	in := inbox(t, dir)
	os.Remove(filepath.Join(in, "kien-an-loi.xlsx"))
	if code, _, stderr := run(t, dir, "ingest", in); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
}

// pdfFlat is pdftotext's reading of a PDF, white space collapsed. The
// test is skipped without pdftotext (never on CI), so an empty text is a
// PDF with nothing to read, which the callers' checks catch.
func pdfFlat(t *testing.T, path string) string {
	t.Helper()
	tool := docxtest.Need(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestSummarizePeriodNames: FORMATS.md §5.2. "--years 5 --to 2024" is
// 2019–2024, the same report as "--period 2019-2024": file names, title,
// figures and sentences.
func TestSummarizePeriodNames(t *testing.T) {
	dir := t.TempDir()
	ingestDemo(t, dir)
	var texts, jsons []string
	for i, args := range [][]string{{"--years", "5", "--to", "2024"}, {"--period", "2019-2024"}} {
		out := filepath.Join(dir, "out", string(rune('a'+i)))
		code, stdout, stderr := run(t, dir, append([]string{"summarize", "--date", "15/01/2025", "-o", out, "--format", "xlsx,pdf,json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
		for _, ext := range []string{"xlsx", "pdf", "json"} {
			if !strings.Contains(stdout, filepath.Join(out, "tong-ket-2019-2024."+ext)) {
				t.Errorf("%v wrote %q, want tong-ket-2019-2024.%s", args, stdout, ext)
			}
		}
		b, err := os.ReadFile(filepath.Join(out, "tong-ket-2019-2024.json"))
		if err != nil {
			t.Fatal(err)
		}
		jsons = append(jsons, string(b))
		_, text, _ := run(t, dir, append([]string{"summarize", "--format", "text"}, args...)...)
		texts = append(texts, text)
		pdf := pdfFlat(t, filepath.Join(out, "tong-ket-2019-2024.pdf"))
		texts = append(texts, pdf)
		if !strings.Contains(pdf, `Tổng kết 5 năm thực hiện phong trào "Toàn dân bảo vệ an ninh Tổ quốc" giai đoạn 2019–2024`) {
			t.Errorf("%v: the PDF's title is not of 5 years 2019–2024", args)
		}
	}
	if jsons[0] != jsons[1] {
		t.Error("--years 5 --to 2024 and --period 2019-2024 give different JSON")
	}
	for i := 0; i+len(texts)/2 < len(texts); i++ {
		if texts[i] != texts[i+len(texts)/2] {
			t.Errorf("--years 5 --to 2024 and --period 2019-2024 give different text (%d)", i)
		}
	}
	if !strings.Contains(texts[0], "TỔNG KẾT 5 NĂM, GIAI ĐOẠN 2019–2024") || !strings.Contains(texts[0], "Tổng kết 5 năm thực hiện phong trào") {
		t.Errorf("text summary:\n%s", texts[0])
	}
}

// TestSummarizeHonestAndBlanks: the demo's 10-year report cannot compare
// with its thin previous period and says so; the officer's sections are
// marked blank in the report and listed on stderr.
func TestSummarizeHonestAndBlanks(t *testing.T) {
	dir := t.TempDir()
	ingestDemo(t, dir)
	out := filepath.Join(dir, "bao-cao")
	code, _, stderr := run(t, dir, "summarize", "--period", "2013-2023", "-o", out, "--format", "pdf")
	if code != 0 {
		t.Fatalf("summarize: %d %s", code, stderr)
	}
	at := 0
	for _, want := range []string{"Các mục đơn vị tự viết còn để trống", "- I. ĐẶC ĐIỂM TÌNH HÌNH", "- II.1. Công tác lãnh đạo, chỉ đạo",
		"- II.11. Công tác thi đua, khen thưởng", // no roster imported: the office writes it
		"- III.1. Ưu điểm", "- III.2. Hạn chế, tồn tại", "- III.3. Nguyên nhân", "- IV. BÀI HỌC KINH NGHIỆM",
		"- V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI", "- VI. ĐỀ XUẤT, KIẾN NGHỊ"} {
		i := strings.Index(stderr[at:], want)
		if i < 0 {
			t.Errorf("stderr lacks %q after %d:\n%s", want, at, stderr)
			continue
		}
		at += i + len(want)
	}
	pdf := pdfFlat(t, filepath.Join(out, "tong-ket-2013-2023.pdf"))
	for _, want := range []string{
		"Giai đoạn 2002–2012 mới có số liệu của 41/132 lượt đơn vị-năm (31,1%) nên chưa so sánh được kết quả hai giai đoạn",
		"I. ĐẶC ĐIỂM TÌNH HÌNH [Đơn vị bổ sung:",
		"[Đơn vị bổ sung: kết quả công tác thi đua, khen thưởng (chưa có danh sách khen thưởng nào được nhập cho giai đoạn 2013–2023)]",
	} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, bad := range []string{"gấp", "so với giai đoạn 2002–2012", "so với năm 2012"} {
		if strings.Contains(pdf, bad) {
			t.Errorf("PDF claims a comparison: %q", bad)
		}
	}
}

// TestSummarizeDocumentSettings: the date line, the number and "Kính gửi"
// from config or flags; a date that is not one is refused.
func TestSummarizeDocumentSettings(t *testing.T) {
	dir := t.TempDir()
	ingestDemo(t, dir)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"config", "set", "date", "31/02/2025"}, exitFailed, "không hợp lệ"},
		{[]string{"config", "set", "date", "hôm nay"}, 0, "Đã lưu date"},
		{[]string{"config", "set", "addressee", "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc"}, 0, "Đã lưu addressee"},
		{[]string{"config", "set", "doc-number", "5/BC-CATP"}, 0, "Đã lưu doc-number"},
		{[]string{"summarize", "--period", "2019-2024", "--date", "hôm qua", "-o", dir}, exitFailed, "--date"},
	} {
		code, _, stderr := run(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
	if _, out, _ := run(t, dir, "config"); !strings.Contains(out, "addressee       Cục Xây dựng") || !strings.Contains(out, "date            hôm nay") {
		t.Errorf("config lists:\n%s", out)
	}
	out := filepath.Join(dir, "bc")
	if code, _, stderr := run(t, dir, "summarize", "--period", "2019-2024", "--date", "trong", "-o", out, "--format", "pdf"); code != 0 {
		t.Fatalf("summarize: %d %s", code, stderr)
	}
	pdf := pdfFlat(t, filepath.Join(out, "tong-ket-2019-2024.pdf"))
	for _, want := range []string{"Số: 05/BC-CATP", "ngày …… tháng …… năm ……", "Kính gửi: Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc", "Phụ lục I", "Phụ lục II"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}
