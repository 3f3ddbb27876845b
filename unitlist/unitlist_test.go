package unitlist

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/table/tabletest"
	"github.com/tongket/tongket/xlsx"
)

// unit renders a unit as "code|name|parent|level|aliases@row".
func unit(u Unit) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s@%d", u.Code, u.Name, u.Parent, u.Level, strings.Join(u.Aliases, ";"), u.Row)
}

// codes lists findings as "code@Sheet!Cell".
func codes(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+"@"+f.Where())
	}
	return out
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFixtures reads lists as offices make them (testdata/gen.py).
func TestFixtures(t *testing.T) {
	tests := []struct {
		file  string
		n     int
		units []string // the first units, in order
		more  []string // other units anywhere in the list
	}{
		{"testdata/ds-don-vi.xlsx", 49, []string{
			"HP-01|Quận Ngô Quyền|HP|Quận|@5",
			"HP-02|Quận Lê Chân|HP|Quận|@6",
		}, []string{
			"HP-07|Quận Hồng Bàng|HP|Quận|Q. Hồng Bàng;Hồng Bàng@11",
			"HP-21|Thị trấn Núi Đèo|HP|Thị trấn|@25",
			"HP-49|Xã Số 49|HP|Xã|@53",
		}},
		{"testdata/hai-dong.xlsx", 3, []string{
			"HP-07|Quận Hồng Bàng|HP|Quận|Q. Hồng Bàng@5",
			"HP-02|Quận Lê Chân|HP|Quận|@6", // the parent merged down D5:D7 belongs to each row
			"HP-08|Huyện Thủy Nguyên|HP|Huyện|@7",
		}, nil},
		{"testdata/nfd.xlsx", 2, []string{
			"5|Xã Đông Xuân||Xã|@3",
			"HP-07|Quận Hồng Bàng||Quận|@4",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			l := Read(tt.file, readFile(t, tt.file))
			if !l.Valid() || len(l.Findings) != 0 {
				t.Fatalf("findings %v", codes(l.Findings))
			}
			if len(l.Units) != tt.n || len(l.SHA256) != 64 {
				t.Fatalf("%d units, want %d (sha %q)", len(l.Units), tt.n, l.SHA256)
			}
			var got []string
			for _, u := range l.Units {
				got = append(got, unit(u))
			}
			if !slices.Equal(got[:len(tt.units)], tt.units) {
				t.Errorf("units\n%q\nwant\n%q", got[:len(tt.units)], tt.units)
			}
			for _, w := range tt.more {
				if !slices.Contains(got, w) {
					t.Errorf("no unit %q", w)
				}
			}
		})
	}
}

// TestCutOff: a list whose sheet ends mid-row is refused whole, never
// imported short.
func TestCutOff(t *testing.T) {
	data := tabletest.CutSheet(t, readFile(t, "testdata/ds-don-vi.xlsx"), "xl/worksheets/sheet1.xml", `<row r="12"`)
	l := Read("ds-don-vi.xlsx", data)
	if got := codes(l.Findings); !slices.Equal(got, []string{"corrupt-file@Danh sách"}) {
		t.Fatalf("findings %v", got)
	}
	if l.Valid() || l.Units != nil {
		t.Errorf("valid %v with %d units: a cut list must import nothing", l.Valid(), len(l.Units))
	}
	if f := l.Findings[0]; !strings.Contains(f.Text.VI, `Trang "Danh sách" bị hỏng hoặc bị cắt cụt`) || f.Severity != finding.Error {
		t.Errorf("%+v", f)
	}
}

// book writes a one-sheet workbook with excelize, rows from A1 down.
func book(t *testing.T, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	header := []any{"Mã đơn vị", "Tên đơn vị", "Cấp trên", "Cấp", "Tên khác"}
	tests := []struct {
		name  string
		rows  [][]any
		units []string
		codes []string
	}{
		{"header on row 1, blank rows skipped", [][]any{header,
			{"HP-01", "Quận Ngô Quyền", "HP", "Quận"}, {}, {"HP-02", "Quận Lê Chân"},
		}, []string{"HP-01|Quận Ngô Quyền|HP|Quận|@2", "HP-02|Quận Lê Chân|||@4"}, nil},
		{"columns in another order, short labels", [][]any{{"Tên", "Cấp", "Mã"}, {"Quận Ngô Quyền", "Quận", "HP-01"}},
			[]string{"HP-01|Quận Ngô Quyền||Quận|@2"}, nil},
		{"a data row under the header is not a second header row", [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"HP-01", "Quận Ngô Quyền"}},
			[]string{"HP-01|Quận Ngô Quyền|||@2"}, nil},
		{"second header row of labels", [][]any{{"Đơn vị", "Đơn vị", "Cấp"}, {"Mã", "Tên"}, {"HP-01", "Quận Ngô Quyền", "Quận"}},
			[]string{"HP-01|Quận Ngô Quyền||Quận|@3"}, nil},
		{"missing code, name, duplicate code, other name twice", [][]any{header,
			{nil, "Quận Ngô Quyền"},
			{"HP-02"},
			{"HP-03", "Quận Hải An", nil, nil, "Hải An"},
			{"hp-03", "Quận Hải An mới"},
			{"HP-04", "Quận Kiến An", nil, nil, "Kiến An; hải  an"},
		}, []string{"HP-03|Quận Hải An|||Hải An@4", "HP-04|Quận Kiến An|||Kiến An@6"},
			[]string{"missing-unit@Sheet1!A2", "missing-label@Sheet1!B3", "duplicate-row@Sheet1!A5", "duplicate-label@Sheet1!E6"}},
		{"no header", [][]any{{"Danh sách"}, {"HP-01", "Quận Ngô Quyền"}}, nil, []string{"no-table@"}},
		{"header below row 30", append(make([][]any, 30), header, []any{"HP-01", "Quận Ngô Quyền"}), nil, []string{"no-table@"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Read("ds.xlsx", book(t, tt.rows...))
			var got []string
			for _, u := range l.Units {
				got = append(got, unit(u))
			}
			if !slices.Equal(got, tt.units) {
				t.Errorf("units\n%q\nwant\n%q", got, tt.units)
			}
			if c := codes(l.Findings); !slices.Equal(c, tt.codes) {
				t.Errorf("findings %v, want %v", c, tt.codes)
			}
			if l.Valid() != (len(tt.codes) == 0) {
				t.Errorf("valid %v", l.Valid())
			}
		})
	}
}

func TestNotAWorkbook(t *testing.T) {
	l := Read("ds.xlsx", []byte("Mã đơn vị;Tên đơn vị\nHP-01;Quận Ngô Quyền\n"))
	if got := codes(l.Findings); !slices.Equal(got, []string{"not-xlsx@"}) || l.Valid() {
		t.Errorf("findings %v", got)
	}
}

// TestCodeShownWithZeros: a code typed as the number 5 in a cell formatted
// "00000" is the code a person reads, 00005 (FORMATS.md §2).
func TestCodeShownWithZeros(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(book(t, []any{"Mã đơn vị", "Tên đơn vị"}, []any{5, "Xã Năm"}, []any{"00006", "Xã Sáu"})))
	if err != nil {
		t.Fatal(err)
	}
	zeros := "00000"
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &zeros})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "A2", "A2", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	l := Read("ds.xlsx", buf.Bytes())
	var got []string
	for _, u := range l.Units {
		got = append(got, u.Code)
	}
	if !slices.Equal(got, []string{"00005", "00006"}) || !l.Valid() {
		t.Errorf("codes %q, findings %v", got, codes(l.Findings))
	}
}

// TestReadFile: a workbook on disk reads as Read reads its bytes; a file
// that cannot be read is a finding on the list, not an error, and the list
// is refused.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "ds.csv")
	if err := os.WriteFile(text, []byte("Mã đơn vị,Tên đơn vị\nA,Xã A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fixture := "testdata/ds-don-vi.xlsx"
	tests := []struct {
		name  string
		path  string
		same  bool   // the list Read makes of the file's bytes
		codes string // the findings otherwise
	}{
		{"a workbook", fixture, true, ""},
		{"no such file", filepath.Join(dir, "khong-co.xlsx"), false, finding.CorruptFile + "@"},
		{"a folder", dir, false, finding.CorruptFile + "@"},
		{"not a workbook", text, false, finding.NotXLSX + "@"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ReadFile(tt.path)
			if l.File != tt.path {
				t.Errorf("file %q, want %q", l.File, tt.path)
			}
			if tt.same {
				want := Read(tt.path, readFile(t, tt.path))
				if !l.Valid() || len(l.Units) == 0 || !slices.Equal(unitsOf(l), unitsOf(want)) || l.SHA256 != want.SHA256 ||
					!slices.Equal(codes(l.Findings), codes(want.Findings)) || len(l.Successions) != len(want.Successions) {
					t.Errorf("read %v %v, want %v %v", unitsOf(l), codes(l.Findings), unitsOf(want), codes(want.Findings))
				}
				return
			}
			if got := strings.Join(codes(l.Findings), " "); got != tt.codes || l.Valid() || len(l.Units) != 0 {
				t.Errorf("findings %q (valid %v, %d units), want %q", got, l.Valid(), len(l.Units), tt.codes)
			}
		})
	}
}

func unitsOf(l *List) []string {
	var out []string
	for _, u := range l.Units {
		out = append(out, unit(u))
	}
	return out
}

// TestUnseenUnits: a unit in a hidden row, or struck through, is one a
// reader does not see on the list: refused, not listed (it would be
// expected to report).
func TestUnseenUnits(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"HP-A", "Quận A"}, {"HP-X", "Quận Đã Bỏ"}, {"HP-Y", "Quận Gạch"}}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SetRowVisible("Sheet1", 3, false); err != nil {
		t.Fatal(err)
	}
	struck, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Strike: true}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "B4", "B4", struck); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	l := Read("ds.xlsx", buf.Bytes())
	if got := strings.Join(codes(l.Findings), " "); got != "hidden-cell@Sheet1!A3 type-error@Sheet1!B4" || len(l.Units) != 1 {
		t.Errorf("findings %s, %d units; want hidden-cell at A3, type-error at B4, 1 unit", got, len(l.Units))
	}
}

// TestMonthFirstDateCell: a validity date cell shown month first reads, to
// a reader of dates day first, as another day: refused; the built-in short
// date (shown in the reader's own order) and a day the orders agree on are
// read.
func TestMonthFirstDateCell(t *testing.T) {
	for _, tt := range []struct {
		name   string
		numFmt int    // built-in, when custom is ""
		custom string // a custom format code
		day    int    // of July 2025
		want   string // findings
	}{
		{"month first, 1 July shown 07/01/2025", 0, "mm/dd/yyyy", 1, "type-error@Sheet1!C2"},
		{"month first, 15 July", 0, "mm/dd/yyyy", 15, ""},
		{"month first, 7 July", 0, "mm/dd/yyyy", 7, ""},
		{"the built-in short date", 14, "", 1, ""},
		{"year first", 0, "yyyy-mm-dd", 1, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			for ref, v := range map[string]any{"A1": "Mã đơn vị", "B1": "Tên đơn vị", "C1": "Hiệu lực từ", "A2": "HP-A", "B2": "Quận A"} {
				if err := f.SetCellValue("Sheet1", ref, v); err != nil {
					t.Fatal(err)
				}
			}
			st := &excelize.Style{NumFmt: tt.numFmt}
			if tt.custom != "" {
				st = &excelize.Style{CustomNumFmt: &tt.custom}
			}
			style, err := f.NewStyle(st)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue("Sheet1", "C2", time.Date(2025, 7, tt.day, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle("Sheet1", "C2", "C2", style); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			l := Read("ds.xlsx", buf.Bytes())
			if got := strings.Join(codes(l.Findings), " "); got != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCellShare: a share cell read as shown: in a column headed in
// percent 60 is 0,6; a share its format shows rounded is refused.
func TestCellShare(t *testing.T) {
	for _, tt := range []struct {
		value, format string
		percent       bool
		want          int64 // millionths; 0 refused
	}{
		{"0.6", "General", false, 600000},
		{"60", "General", true, 600000},
		{"0.6", "0%", true, 600000},
		{"0.55", "0", false, 0},
		{"0.55", "0.00", false, 550000},
		{"0.555", "0%", false, 0},
		{"0.5", "0%", false, 500000},
	} {
		c := xlsx.Cell{Kind: xlsx.Number, Value: tt.value}
		got, problem := cellShare(c, xlsx.ParseFormat(tt.format), tt.percent)
		if tt.want == 0 && problem == nil || tt.want != 0 && (problem != nil || got != tt.want) {
			t.Errorf("cellShare(%s, %q, percent %v) = %d, %v; want %d", tt.value, tt.format, tt.percent, got, problem, tt.want)
		}
	}
}

// TestUnseenSuccession: a succession row the list hides, or strikes
// through, is refused, not applied (it would move figures between units).
func TestUnseenSuccession(t *testing.T) {
	for _, tt := range []struct {
		name string
		mark func(f *excelize.File) error
		want string
	}{
		{"hidden row", func(f *excelize.File) error { return f.SetRowVisible("Sáp nhập", 2, false) }, "hidden-cell@Sáp nhập!A2"},
		{"struck through", func(f *excelize.File) error {
			st, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Strike: true}})
			if err != nil {
				return err
			}
			return f.SetCellStyle("Sáp nhập", "B2", "B2", st)
		}, "type-error@Sáp nhập!B2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			if _, err := f.NewSheet("Sáp nhập"); err != nil {
				t.Fatal(err)
			}
			for sheet, rows := range map[string][][]any{
				"Sheet1":   {{"Mã đơn vị", "Tên đơn vị", "Hiệu lực từ", "Hiệu lực đến"}, {"A", "Xã A", "", "30/06/2025"}, {"B", "Xã B", "01/07/2025", ""}},
				"Sáp nhập": {{"Mã đơn vị cũ", "Mã đơn vị mới", "Ngày hiệu lực", "Tỷ lệ"}, {"A", "B", "01/07/2025", 1}},
			} {
				for r, row := range rows {
					for c, v := range row {
						ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
						if err := f.SetCellValue(sheet, ref, v); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			if err := tt.mark(f); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			l := Read("ds.xlsx", buf.Bytes())
			if got := strings.Join(codes(l.Findings), " "); !strings.Contains(got, tt.want) || len(l.Successions) != 0 {
				t.Errorf("findings %s, %d successions; want %s and none applied", got, len(l.Successions), tt.want)
			}
		})
	}
}
