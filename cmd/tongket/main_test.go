package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/demo"
)

// run calls Main in-process with a database in dir.
func run(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(append([]string{"--db", filepath.Join(dir, "t.db")}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// TestUsage: misuse exits 2 with a message in the chosen language.
func TestUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate"}, "requires at least 1 arg"},
		{[]string{"validate", filepath.Join(dir, "khong-co")}, "không tìm thấy tệp hoặc thư mục"},
		{[]string{"--lang", "en", "validate", filepath.Join(dir, "nope")}, "no such file or folder"},
		{[]string{"summarize"}, "giai đoạn không hợp lệ"},
		{[]string{"summarize", "--period", "2023-2013"}, "giai đoạn không hợp lệ"},
		{[]string{"summarize", "--period", "2013-2023", "--format", "odt"}, "định dạng \"odt\" không hỗ trợ"},
		{[]string{"summarize", "--period", "2013-2023", "--format", "xlsx,text"}, "text chỉ in ra màn hình"},
		{[]string{"summarize", "--period", "2013-2023", "--chart", "XX", "-o", dir}, "không có chỉ tiêu mã \"XX\""},
		{[]string{"summarize", "--years", "10"}, "giai đoạn không hợp lệ"},
		{[]string{"--lang", "fr", "init"}, "--lang chỉ nhận vi hoặc en"},
		{[]string{"revert", "abc"}, "không phải số hiệu lần nộp"},
		{[]string{"revert", "99"}, "không có lần nộp số 99"},
		{[]string{"ingest", "--bogus", "x"}, "tham số không hợp lệ"},
		{[]string{"validate", filepath.Join(dir, "t.db", "x")}, "không chạy được lệnh. Hãy kiểm tra tệp, thư mục và quyền truy cập"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := run(t, dir, tt.args...)
			if code != exitFailed || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

func TestNotADatabase(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "t.db")
	os.WriteFile(p, []byte("đây là một bức thư, không phải cơ sở dữ liệu"), 0o644)
	code, _, stderr := run(t, dir, "init")
	if code != exitFailed || !strings.Contains(stderr, "không phải là cơ sở dữ liệu của tongket") {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(p); !bytes.HasPrefix(b, []byte("đây là")) {
		t.Fatal("the file was changed")
	}
}

// inbox writes the demo sample into dir/inbox and returns its files.
func inbox(t *testing.T, dir string) string {
	p, err := demo.WriteInbox(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWorkflow runs the real commands end to end on a temporary database:
// validate, ingest, re-ingest, history, revert, summarize, status.
func TestWorkflow(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	bad := filepath.Join(in, "kien-an-loi.xlsx")
	os.WriteFile(filepath.Join(in, "cong-van.pdf"), []byte("%PDF-1.4"), 0o644)
	os.WriteFile(filepath.Join(in, "~$01-hong-bang.xlsx"), []byte("lock"), 0o644)

	// validate: exit 1 because of the bad file; JSON per §7.
	code, out, _ := run(t, dir, "validate", "--format", "json", in)
	if code != exitRefused {
		t.Fatalf("validate exit %d", code)
	}
	var v struct {
		Valid bool
		Stats struct {
			Files, Errors, Warnings int
			ValidFiles              int `json:"valid_files"`
		}
		Files []struct {
			File     string
			Valid    bool
			Findings []struct{ Code, Cell, Message string }
		}
		Skipped []struct{ File string }
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Valid || v.Stats.Files != 12 || v.Stats.ValidFiles != 11 || v.Stats.Errors != 5 || len(v.Skipped) != 1 {
		t.Fatalf("validate stats %+v skipped %v", v.Stats, v.Skipped)
	}
	// The database was not touched by validate.
	code, out, _ = run(t, dir, "history")
	if code != 0 || !strings.Contains(out, "Chưa có lần nộp nào") {
		t.Fatalf("history after validate: %d %s", code, out)
	}

	// ingest: the bad file is refused whole, the good ones stored.
	code, out, _ = run(t, dir, "ingest", in)
	if code != exitRefused {
		t.Fatalf("ingest exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"Đã lưu 11 tệp, từ chối 1, bỏ qua 0 tệp đã nhập; số liệu: 3.234 thêm mới, 6 cập nhật, 298 không đổi.",
		"kien-an-loi.xlsx: Biểu số liệu!M10: Ô M10",
		"hong-bang-bo-sung.xlsx: đã lưu (lần nộp số 10): 0 thêm mới, 6 cập nhật, 298 không đổi",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest output lacks %q:\n%s", want, out)
		}
	}
	// again: the same bytes are skipped; only the bad file is refused again.
	os.Remove(bad)
	code, out, _ = run(t, dir, "ingest", "--format", "json", in)
	if code != 0 {
		t.Fatalf("re-ingest exit %d\n%s", code, out)
	}
	var ing struct {
		Ingest struct{ Inserted, Updated, Unchanged, Stored, Rejected, Skipped int }
	}
	json.Unmarshal([]byte(out), &ing)
	if ing.Ingest.Skipped != 11 || ing.Ingest.Stored != 0 || ing.Ingest.Inserted+ing.Ingest.Updated+ing.Ingest.Unchanged != 0 {
		t.Fatalf("re-ingest counts %+v", ing.Ingest)
	}

	before := summarize(t, dir)
	// revert the correction: the 6 figures it replaced come back.
	code, _, stderr := run(t, dir, "revert", "10")
	if code != 0 || !strings.Contains(stderr, "6 số liệu trở về giá trị của lần nộp trước") {
		t.Fatalf("revert: %d %s", code, stderr)
	}
	code, out, _ = run(t, dir, "history", "--unit", "HP-HONGBANG")
	if code != 0 || !strings.Contains(out, "đã rút") || strings.Count(out, "\n") != 3 {
		t.Fatalf("history:\n%s", out)
	}
	after := summarize(t, dir)
	if before == after {
		t.Fatal("revert changed no total")
	}
	// re-ingesting the correction restores the first summary exactly.
	if code, out, _ = run(t, dir, "ingest", filepath.Join(in, "hong-bang-bo-sung.xlsx")); code != 0 || !strings.Contains(out, "0 thêm mới, 6 cập nhật, 298 không đổi") {
		t.Fatalf("re-ingest correction: %d\n%s", code, out)
	}
	if summarize(t, dir) != before {
		t.Fatal("summary after revert and re-ingest differs")
	}

	code, out, _ = run(t, dir, "status", "--period", "2013-2023")
	if code != 0 || !strings.Contains(out, "Huyện Thủy Nguyên (HP-THUYNGUYEN)") || !strings.Contains(out, "✓") || !strings.Contains(out, "·") {
		t.Fatalf("status:\n%s", out)
	}
	code, out, _ = run(t, dir, "summarize", "--years", "5", "--to", "2024", "--format", "text")
	if code != 0 || !strings.Contains(out, "TỔNG KẾT 5 NĂM, GIAI ĐOẠN 2019–2024") {
		t.Fatalf("summarize text:\n%s", out)
	}
	outFile := filepath.Join(dir, "tk.json")
	if code, _, _ = run(t, dir, "summarize", "--from", "2013", "--to", "2023", "--format", "json", "-o", outFile); code != 0 {
		t.Fatal("summarize -o failed")
	}
	if b, _ := os.ReadFile(outFile); !json.Valid(b) || string(b) != before {
		t.Fatal("summarize -o wrote something else than stdout")
	}
}

func summarize(t *testing.T, dir string) string {
	code, out, stderr := run(t, dir, "summarize", "--period", "2013-2023", "--format", "json")
	if code != 0 {
		t.Fatalf("summarize: %d %s", code, stderr)
	}
	return out
}

func TestDryRun(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	os.Remove(filepath.Join(in, "kien-an-loi.xlsx"))
	code, out, _ := run(t, dir, "ingest", "--dry-run", in)
	if code != 0 || !strings.Contains(out, "Chạy thử (không lưu gì): sẽ lưu 11 tệp") || !strings.Contains(out, "3.234 thêm mới, 6 cập nhật, 298 không đổi") {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	if _, out, _ = run(t, dir, "history"); !strings.Contains(out, "Chưa có lần nộp nào") {
		t.Fatalf("dry run stored something:\n%s", out)
	}
}

func TestEnglishMessages(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	code, out, _ := run(t, dir, "--lang", "en", "validate", filepath.Join(in, "kien-an-loi.xlsx"))
	if code != exitRefused || !strings.Contains(out, `Cell M10 (Số tin có giá trị cung cấp cho lực lượng Công an, year 2016): "khoảng 200" is not a number.`) {
		t.Fatalf("%d\n%s", code, out)
	}
}

// TestBinary builds the real executable and runs it as a user would.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "tongket")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	build := exec.Command("go", "build", "-ldflags", "-X main.version=v0.0.0-test", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "--version").Output()
	if err != nil || !strings.Contains(string(out), "v0.0.0-test") {
		t.Fatalf("--version: %v %s", err, out)
	}
	start := time.Now()
	cmd := exec.Command(exe, "demo", "-o", filepath.Join(dir, "demo"))
	out, err = cmd.Output()
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	t.Logf("demo took %v", time.Since(start))
	if !strings.Contains(string(out), "TỔNG KẾT 5 NĂM, GIAI ĐOẠN 2019–2024") {
		t.Fatalf("demo output:\n%s", out)
	}
	// exit 1 from the real process for a refused file
	cmd = exec.Command(exe, "--db", filepath.Join(dir, "x.db"), "validate", filepath.Join(dir, "demo", "inbox", "kien-an-loi.xlsx"))
	if err := cmd.Run(); cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("validate of the bad file: %v, exit %d", err, cmd.ProcessState.ExitCode())
	}
	// TONGKET_DB is the default database
	cmd = exec.Command(exe, "init")
	cmd.Env = append(os.Environ(), "TONGKET_DB="+filepath.Join(dir, "env.db"))
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "env.db")); err != nil {
		t.Fatal("TONGKET_DB was not used")
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	if code, _, _ := run(t, dir, "config", "set", "agency", "CÔNG AN QUẬN HỒNG BÀNG"); code != 0 {
		t.Fatal("set agency")
	}
	if code, _, _ := run(t, dir, "config", "set", "recipients", "Công an thành phố (để b/c)", "Lưu: VT"); code != 0 {
		t.Fatal("set recipients")
	}
	code, out, _ := run(t, dir, "config")
	if code != 0 || !strings.Contains(out, "agency          CÔNG AN QUẬN HỒNG BÀNG") ||
		!strings.Contains(out, "Công an thành phố (để b/c)\n                Lưu: VT") || !strings.Contains(out, "place           ……") {
		t.Fatalf("config:\n%s", out)
	}
	run(t, dir, "config", "unset", "agency")
	if _, out, _ = run(t, dir, "config"); !strings.Contains(out, "agency          ……") {
		t.Fatalf("unset:\n%s", out)
	}
	if code, _, stderr := run(t, dir, "config", "set", "agencyy", "x"); code != exitFailed || !strings.Contains(stderr, "không có thiết lập") {
		t.Fatalf("unknown key: %d %s", code, stderr)
	}
}

// TestSummarizeFiles: the default run writes the workbook and the PDF into
// the folder, named after the period, with the settings of "config".
func TestSummarizeFiles(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	os.Remove(filepath.Join(in, "kien-an-loi.xlsx"))
	if code, _, _ := run(t, dir, "ingest", in); code != 0 {
		t.Fatal("ingest")
	}
	run(t, dir, "config", "set", "agency", "CÔNG AN QUẬN HỒNG BÀNG")
	out := filepath.Join(dir, "bao-cao")
	code, stdout, stderr := run(t, dir, "summarize", "--period", "2019-2024", "-o", out, "--doc-number", "125/BC-CAQ")
	if code != 0 {
		t.Fatalf("summarize: %d %s", code, stderr)
	}
	want := filepath.Join(out, "tong-ket-2019-2024.xlsx") + "\n" + filepath.Join(out, "tong-ket-2019-2024.pdf") + "\n" + filepath.Join(out, "tong-ket-2019-2024.docx") + "\n"
	if stdout != want {
		t.Fatalf("printed %q, want %q", stdout, want)
	}
	if !strings.Contains(stderr, "chưa đặt mã đơn vị tổng hợp") {
		t.Errorf("no advice about the missing unit-code: %s", stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing in CI")
		}
		t.Skip("pdftotext missing")
	}
	txt, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "tong-ket-2019-2024.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"CÔNG AN QUẬN HỒNG BÀNG", "Số: 125/BC-CAQ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "13.868"} {
		if !strings.Contains(string(txt), w) {
			t.Errorf("PDF lacks %q", w)
		}
	}
}

// TestAwards runs the roster commands end to end.
func TestAwards(t *testing.T) {
	dir := t.TempDir()
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(rosters, "khen-thuong-2019-2024.xlsx")
	if code, out, _ := run(t, dir, "awards", "validate", rosters); code != exitRefused || !strings.Contains(out, "khen-thuong-loi.xlsx: DS khen thưởng!G12:") {
		t.Fatalf("validate: %d\n%s", code, out)
	}
	if code, out, _ := run(t, dir, "awards", "import", rosters); code != exitRefused || !strings.Contains(out, "Đã lưu 1 danh sách (92 tập thể, cá nhân), từ chối 1") {
		t.Fatalf("import: %d\n%s", code, out)
	}
	if code, out, _ := run(t, dir, "awards", "import", good); code != 0 || !strings.Contains(out, "bỏ qua: đúng tệp này đã được nhập") {
		t.Fatalf("re-import: %d\n%s", code, out)
	}
	code, out, _ := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "json")
	if code != 0 {
		t.Fatal("export json")
	}
	var e struct {
		Groups []struct {
			Kind, Organisation string
			Entries            []struct{ STT int }
		}
		Counts struct{ Total int }
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	if e.Counts.Total != 92 || e.Groups[0].Kind != "Tập thể" || e.Groups[0].Organisation != "Công an" || e.Groups[len(e.Groups)-1].Kind != "Cá nhân" {
		t.Fatalf("export order: total %d, first %+v", e.Counts.Total, e.Groups[0])
	}
	_, out, _ = run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "json", "--form", "Bằng khen", "--organisation", "Hội Nông dân")
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.Counts.Total == 0 || e.Counts.Total >= 11 {
		t.Fatalf("filtered export: %d %v", e.Counts.Total, err)
	}
	if code, _, stderr := run(t, dir, "awards", "export", "--period", "2019-2024", "--form", "Huân chương"); code != exitFailed || !strings.Contains(stderr, "không có hình thức khen thưởng") {
		t.Fatalf("unknown form: %d %s", code, stderr)
	}
	outDir := filepath.Join(dir, "out")
	if code, stdout, _ := run(t, dir, "awards", "export", "--period", "2019-2024", "-o", outDir); code != 0 || !strings.Contains(stdout, "khen-thuong-2019-2024.pdf") {
		t.Fatalf("export files: %d %s", code, stdout)
	}
	// A corrected list of the same unit and period, sent again under the
	// same name, replaces the old one, and the counts say so.
	corrected := filepath.Join(dir, "sua", "khen-thuong-2019-2024.xlsx")
	os.MkdirAll(filepath.Dir(corrected), 0o755)
	b, _ := os.ReadFile(good)
	os.WriteFile(corrected, append(b[:len(b):len(b)], 0), 0o644) // other bytes, same content
	if code, out, _ := run(t, dir, "awards", "import", corrected); code != 0 || !strings.Contains(out, "trong đó 1 là bản sửa thay cho danh sách cũ của cùng đơn vị") {
		t.Fatalf("corrected roster: %d\n%s", code, out)
	}
	_, out, _ = run(t, dir, "summarize", "--period", "2019-2024", "--format", "json")
	if !strings.Contains(out, `"total": 92`) {
		t.Fatalf("awards counted twice or lost after the correction:\n%s", out[:min(len(out), 400)])
	}
}

// TestWelcome: the double-click page names the three commands and waits
// for Enter.
func TestWelcome(t *testing.T) {
	var out strings.Builder
	welcome(&out, strings.NewReader("\n"))
	for _, want := range []string{"tongket validate", "tongket ingest", "tongket summarize", "Nhấn Enter"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("welcome lacks %q:\n%s", want, out.String())
		}
	}
}

// TestValidateTouchesNoDisk: validate, awards validate and ingest --dry-run
// store nothing, and do not even create the database file.
func TestValidateTouchesNoDisk(t *testing.T) {
	inbox := filepath.Join("..", "..", "demo", "inbox")
	rosters := filepath.Join("..", "..", "demo", "rosters", "khen-thuong-2019-2024.xlsx")
	for _, args := range [][]string{
		{"validate", inbox},
		{"awards", "validate", rosters},
		{"ingest", "--dry-run", inbox},
	} {
		dir := t.TempDir()
		db := filepath.Join(dir, "tongket.db")
		var out, errOut strings.Builder
		code := Main(append([]string{"--db", db}, args...), &out, &errOut)
		if code == exitFailed {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut.String())
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%v left %v in the folder", args, entries)
		}
	}
}
