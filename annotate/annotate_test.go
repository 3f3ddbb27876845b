package annotate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"inbox/kien-an.xlsx": "kien-an-loi.xlsx",
		"a.b.xlsm":           "a.b-loi.xlsm",
		"khong-duoi":         "khong-duoi-loi",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

func fd(sev finding.Severity, code, sheet, cell string, row int, vi string) finding.Finding {
	f := finding.New(sev, code, lang.Text{VI: vi, EN: "EN " + vi})
	f.Sheet, f.Cell, f.Row = sheet, cell, row
	return f
}

// book is a small workbook: a data sheet with a styled cell and a comment,
// a sheet already named "Lỗi", and a hidden sheet.
func book(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Số liệu")
	f.SetCellValue("Số liệu", "B2", 12)
	f.SetCellValue("Số liệu", "C3", "khoảng 200")
	id, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}}, Protection: &excelize.Protection{Locked: false}})
	f.SetCellStyle("Số liệu", "B2", "B2", id)
	f.AddComment("Số liệu", excelize.Comment{Cell: "B2", Author: "Chị Lan", Text: "số ước tính"})
	f.AddComment("Số liệu", excelize.Comment{Cell: "D4", Author: "Chị Lan", Text: "để nguyên"})
	f.NewSheet("Lỗi")
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'Lỗi'!$1:$1", Scope: "Lỗi"})
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'Số liệu'!$2:$2", Scope: "Số liệu"})
	f.SetDefinedName(&excelize.DefinedName{Name: "SoLieu", RefersTo: "'Số liệu'!$B$2"})
	f.NewSheet("_tongket")
	f.SetCellStr("_tongket", "B1", "9")
	f.SetSheetVisible("_tongket", false)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestNew(t *testing.T) {
	src := book(t)
	orig := append([]byte(nil), src...)
	fs := []finding.Finding{
		fd(finding.Error, finding.TemplateVersion, "_tongket", "B1", 1, "phiên bản 9"),
		fd(finding.Error, finding.TypeError, "Số liệu", "C3", 3, "không phải số"),
		fd(finding.Warning, finding.Outlier, "Số liệu", "B2", 2, "lớn bất thường"),
		fd(finding.Warning, finding.Outlier, "Số liệu", "C3", 3, "cũng bất thường"),
		fd(finding.Error, finding.NoYears, "Số liệu", "", 7, "dòng không có năm"),
		fd(finding.Error, finding.MissingUnit, "", "", 0, "không ghi đơn vị"),
	}
	c, err := New(src, "x.xlsx", fs, lang.VI)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if !bytes.Equal(src, orig) {
		t.Fatal("source bytes changed")
	}
	if c.Sheet != "Lỗi 2" {
		t.Errorf("list sheet %q", c.Sheet)
	}
	if want := "_tongket!B1 Số liệu!C3 Số liệu!B2"; strings.Join(c.Marked, " ") != want {
		t.Errorf("marked %v", c.Marked)
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.GetSheetList()[0] != "Lỗi 2" {
		t.Errorf("sheets %v", f.GetSheetList())
	}
	// Names scoped to a sheet still belong to it.
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	if want := map[string]string{
		"Lỗi _xlnm.Print_Titles":     "'Lỗi'!$1:$1",
		"Số liệu _xlnm.Print_Titles": "'Số liệu'!$2:$2",
		"Workbook SoLieu":            "'Số liệu'!$B$2",
	}; !reflect.DeepEqual(names, want) {
		t.Errorf("defined names %v", names)
	}
	if vis, _ := f.GetSheetVisible("_tongket"); !vis {
		t.Error("the hidden sheet with a finding stays hidden")
	}
	fill := func(sheet, cell string) string {
		id, _ := f.GetCellStyle(sheet, cell)
		st, _ := f.GetStyle(id)
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	// An error and a warning on one cell: red.
	for cell, want := range map[string]string{"C3": FillError, "B2": FillWarning, "A7": "", "D4": ""} {
		if got := fill("Số liệu", cell); got != want {
			t.Errorf("%s fill %q, want %q", cell, got, want)
		}
	}
	id, _ := f.GetCellStyle("Số liệu", "B2")
	if st, _ := f.GetStyle(id); !st.Font.Bold || st.Font.Family != "Times New Roman" || len(st.Border) != 1 || st.Protection == nil || st.Protection.Locked {
		t.Errorf("B2 lost its style: %+v %+v", st, st.Font)
	}
	comments := map[string]string{}
	cms, _ := f.GetComments("Số liệu")
	for _, cm := range cms {
		text := cm.Text
		for _, r := range cm.Paragraph {
			text += r.Text
		}
		comments[cm.Cell] = text
	}
	for cell, want := range map[string][]string{
		"B2": {"Cảnh báo: lớn bất thường", "số ước tính"},
		"C3": {"Lỗi: không phải số", "Cảnh báo: cũng bất thường"},
		"D4": {"để nguyên"},
	} {
		for _, w := range want {
			if !strings.Contains(comments[cell], w) {
				t.Errorf("comment %s = %q, lacks %q", cell, comments[cell], w)
			}
		}
	}
	if len(comments) != 3 {
		t.Errorf("comments on %v", comments)
	}
	// The list: the row-only finding links to its row, the file-level one
	// has no link.
	rows, _ := f.GetRows("Lỗi 2")
	if len(rows) != ListHeaderRow+len(fs) {
		t.Fatalf("list rows %d", len(rows))
	}
	wantLinks := []string{"'_tongket'!B1", "'Số liệu'!C3", "'Số liệu'!B2", "'Số liệu'!C3", "'Số liệu'!A7", ""}
	for i, want := range wantLinks {
		cell := "D" + strconv.Itoa(ListHeaderRow+1+i)
		ok, link, _ := f.GetCellHyperLink("Lỗi 2", cell)
		if (want == "") == ok || link != want {
			t.Errorf("%s link %v %q, want %q", cell, ok, link, want)
		}
	}
	if rows[ListHeaderRow+4][3] != "dòng 7" || rows[ListHeaderRow+5][2] != "—" {
		t.Errorf("places: %q %q", rows[ListHeaderRow+4], rows[ListHeaderRow+5])
	}
}

func TestNewEnglish(t *testing.T) {
	c, err := New(book(t), "x.xlsx", []finding.Finding{fd(finding.Error, finding.TypeError, "Số liệu", "C3", 3, "không phải số")}, lang.EN)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var buf bytes.Buffer
	c.WriteTo(&buf)
	f, _ := excelize.OpenReader(&buf)
	defer f.Close()
	if v, _ := f.GetCellValue(c.Sheet, "E6"); v != "EN không phải số" {
		t.Errorf("message %q", v)
	}
	if v, _ := f.GetCellValue(c.Sheet, "B6"); v != "Error" {
		t.Errorf("severity %q", v)
	}
}

func TestUnopenable(t *testing.T) {
	for _, code := range []string{finding.NotXLSX, finding.Encrypted, finding.CorruptFile, finding.TooLarge} {
		fs := []finding.Finding{fd(finding.Error, code, "", "", 0, "x")}
		if _, ok := Unopenable(fs); !ok {
			t.Errorf("%s is openable", code)
		}
		if _, err := New(book(t), "x.xlsx", fs, lang.VI); err == nil {
			t.Errorf("%s: copy made", code)
		}
	}
	if _, err := New([]byte("không phải xlsx"), "x.xlsx", nil, lang.VI); err == nil {
		t.Error("garbage opened")
	}
}

// TestWriteDir: no copy overwrites another or an original; a changed file
// gets no copy; files without findings get none.
func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	src := book(t)
	sum := sha256.Sum256(src)
	sha := hex.EncodeToString(sum[:])
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.xlsx", src)
	aLoi := write("a-loi.xlsx", src) // an original that happens to be named like a copy
	sub := filepath.Join(dir, "sub")
	os.MkdirAll(sub, 0o755)
	a2 := filepath.Join(sub, "a.xlsx")
	os.WriteFile(a2, src, 0o644)
	changed := write("doi.xlsx", src)
	big := write("lon.xlsx", src)
	clean := write("sach.xlsx", src)
	fs := []finding.Finding{fd(finding.Error, finding.TypeError, "Số liệu", "C3", 3, "không phải số")}
	files := []File{
		{Path: a, SHA256: sha, Findings: fs},
		{Path: aLoi, SHA256: sha, Findings: fs},
		{Path: a2, SHA256: sha, Findings: fs},
		{Path: changed, SHA256: "khac", Findings: fs},
		{Path: clean, SHA256: sha},
		{Path: big, SHA256: sha, Findings: fs},
	}
	defer func(n int64) { MaxBytes = n }(MaxBytes)
	MaxBytes = int64(len(src)) // lon.xlsx is one byte over
	os.WriteFile(big, append(src, 0), 0o644)
	outs, err := WriteDir(dir, files, lang.VI)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a-loi-2.xlsx"), filepath.Join(dir, "a-loi-loi.xlsx"), filepath.Join(dir, "a-loi-3.xlsx"), "", ""}
	if len(outs) != len(want) {
		t.Fatalf("outcomes %+v", outs)
	}
	for i, o := range outs {
		if o.Copy != want[i] {
			t.Errorf("%s → %q, want %q (%s)", o.File, o.Copy, want[i], o.Why.VI)
		}
	}
	if !strings.Contains(outs[3].Why.VI, "đã thay đổi") {
		t.Errorf("changed file: %q", outs[3].Why.VI)
	}
	if !strings.Contains(outs[4].Why.VI, "quá giới hạn") {
		t.Errorf("big file: %q", outs[4].Why.VI)
	}
	if b, _ := os.ReadFile(aLoi); !bytes.Equal(b, src) {
		t.Error("an original was overwritten")
	}
}
