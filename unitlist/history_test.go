package unitlist

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
)

// sheet is one sheet of a test workbook.
type sheet struct {
	name   string
	hidden bool
	rows   [][]any
}

// books writes a workbook of several sheets with excelize; a time.Time is
// a date cell (dd/mm/yyyy).
func books(t *testing.T, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dmy := "dd/mm/yyyy"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.name)
		} else {
			_, err = f.NewSheet(s.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, ref, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					f.SetCellStyle(s.name, ref, ref, date)
				}
			}
		}
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
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

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// succ renders a succession as "old>new@date*share|basis#row".
func succ(s Succession) string {
	return fmt.Sprintf("%s>%s@%s*%s|%s#%d", s.Old, s.New, s.Date, ShowShare(s.Share), s.Basis, s.Row)
}

func validity(u Unit) string { return u.Code + ":" + u.ValidFrom + ".." + u.ValidTo }

// TestReorgList reads the sample list of testdata/reorg, saved by
// LibreOffice: date cells and a date typed as text, shares as number
// cells and left empty (1), the sheet "Sáp nhập" after the units.
func TestReorgList(t *testing.T) {
	l := Read("ds-don-vi-2025.xlsx", readFile(t, "../testdata/reorg/ds-don-vi-2025.xlsx"))
	if !l.Valid() || len(l.Findings) != 0 {
		t.Fatalf("findings %v", codes(l.Findings))
	}
	var vs []string
	for _, u := range l.Units {
		vs = append(vs, validity(u))
	}
	want := []string{
		"H-THUYNGUYEN:..2024-12-31", "TP-THUYNGUYEN:2025-01-01..2025-06-30",
		"TN-XA-DUONGQUAN:..2024-12-31", "TN-DUONGQUAN:2025-01-01..2025-06-30",
		"TN-THUYDUONG:..2025-06-30", "TN-HOADONG:..2025-06-30", "TN-THIENHUONG:..2025-06-30",
		"TN-HOANGLAM:..2025-06-30", "P-THUYNGUYEN:2025-07-01..", "P-THIENHUONG:2025-07-01..",
	}
	if !slices.Equal(vs, want) {
		t.Errorf("validity\n%q\nwant\n%q", vs, want)
	}
	var ss []string
	for _, s := range l.Successions {
		ss = append(ss, succ(s))
	}
	const nq32, nq69 = "Nghị quyết 1232/NQ-UBTVQH15", "Nghị quyết 1669/NQ-UBTVQH15"
	wantS := []string{
		"H-THUYNGUYEN>TP-THUYNGUYEN@2025-01-01*1|" + nq32 + "#2",
		"TN-XA-DUONGQUAN>TN-DUONGQUAN@2025-01-01*1|" + nq32 + "#3",
		"TN-DUONGQUAN>P-THUYNGUYEN@2025-07-01*1|" + nq69 + "#4",
		"TN-THUYDUONG>P-THUYNGUYEN@2025-07-01*1|" + nq69 + "#5",
		"TN-HOADONG>P-THUYNGUYEN@2025-07-01*0,6|" + nq69 + "#6",
		"TN-HOADONG>P-THIENHUONG@2025-07-01*0,4|" + nq69 + "#7",
		"TN-THIENHUONG>P-THIENHUONG@2025-07-01*1|" + nq69 + "#8",
		"TN-HOANGLAM>P-THIENHUONG@2025-07-01*1|" + nq69 + "#9",
	}
	if !slices.Equal(ss, wantS) {
		t.Errorf("successions\n%q\nwant\n%q", ss, wantS)
	}
}

// TestHistoryChecks: every check of FORMATS.md §10 on import, each
// finding at the cell to correct.
func TestHistoryChecks(t *testing.T) {
	units := func(extra ...[]any) sheet {
		rows := [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Hiệu lực từ", "Hiệu lực đến"},
			{"A", "Phường A", nil, day(2025, 6, 30)},
			{"B", "Phường B", nil, day(2025, 6, 30)},
			{"C", "Phường C", day(2025, 7, 1)},
			{"D", "Xã D", day(2025, 7, 1)},
		}
		return sheet{name: "Danh sách", rows: append(rows, extra...)}
	}
	head := []any{"Mã đơn vị cũ", "Mã đơn vị mới", "Ngày hiệu lực", "Tỷ lệ", "Căn cứ"}
	jul := day(2025, 7, 1)
	merge := func(rows ...[]any) sheet { return sheet{name: "Sáp nhập", rows: append([][]any{head}, rows...)} }
	tests := []struct {
		name   string
		sheets []sheet
		succ   []string
		codes  []string
		words  string // in the first finding's message
	}{
		{"a merge, a split 0,6/0,4 and shares written as text", []sheet{units(), merge(
			[]any{"A", "C", jul, nil, "NQ 1"},
			[]any{"b", "C", "01/07/2025", "0,6"},
			[]any{"B", "D", jul, "40%"},
		)}, []string{"A>C@2025-07-01*1|NQ 1#2", "B>C@2025-07-01*0,6|#3", "B>D@2025-07-01*0,4|#4"}, nil, ""},
		{"a chain of two changes", []sheet{units([]any{"E", "Phường E", nil, day(2024, 12, 31)}), merge(
			[]any{"E", "A", day(2025, 1, 1)},
			[]any{"A", "C", jul},
		)}, []string{"E>A@2025-01-01*1|#2", "A>C@2025-07-01*1|#3"}, nil, ""},
		{"shares adding up to 0,9", []sheet{units(), merge(
			[]any{"B", "C", jul, 0.5},
			[]any{"B", "D", jul, 0.4},
		)}, nil, []string{"constraint-error@Sáp nhập!D2"}, "Các tỷ lệ của đơn vị cũ B (dòng 2, 3) cộng lại được 0,9, phải bằng 1"},
		{"an unknown code", []sheet{units(), merge(
			[]any{"A", "X", jul},
		)}, nil, []string{"unknown-unit@Sáp nhập!B2"}, `Mã đơn vị "X" không có trong trang "Danh sách"`},
		{"a cycle", []sheet{{name: "Danh sách", rows: [][]any{{"Mã đơn vị", "Tên đơn vị"}, {"A", "Phường A"}, {"B", "Phường B"}, {"C", "Phường C"}}}, merge(
			[]any{"A", "B", jul},
			[]any{"B", "C", jul},
			[]any{"C", "A", jul},
		)}, nil, []string{"constraint-error@Sáp nhập!B4"}, "Dòng 4 khép một vòng: A → B → C → A"},
		{"a unit succeeding itself", []sheet{units(), merge([]any{"A", "a", jul})}, nil,
			[]string{"constraint-error@Sáp nhập!B2"}, "kế thừa chính nó"},
		{"a successor in force after the change", []sheet{units(), merge([]any{"A", "C", day(2025, 6, 1)})}, nil,
			[]string{"constraint-error@Sáp nhập!C2", "constraint-error@Sáp nhập!C2"},
			`Đơn vị mới C hiệu lực từ 01/07/2025 (trang "Danh sách", ô C4), sau ngày nhận đơn vị A (01/06/2025)`},
		{"a predecessor still in force on the day of the change", []sheet{units(), merge([]any{"A", "C", day(2025, 6, 30)})}, nil,
			[]string{"constraint-error@Sáp nhập!C2", "constraint-error@Sáp nhập!C2"}, ""},
		{"one old unit on two days", []sheet{units(), merge(
			[]any{"B", "C", jul, 0.5},
			[]any{"B", "D", day(2025, 8, 1), 0.5},
		)}, nil, []string{"constraint-error@Sáp nhập!C3"}, "Đơn vị cũ B sáp nhập ngày 01/07/2025 ở dòng 2 nhưng ngày 01/08/2025 ở dòng 3"},
		{"a pair twice", []sheet{units(), merge([]any{"A", "C", jul}, []any{"A", "C", jul})}, nil,
			[]string{"duplicate-row@Sáp nhập!A3"}, "đã có ở dòng 2"},
		{"missing codes and date", []sheet{units(), merge([]any{nil, "C", jul}, []any{"A", nil, jul}, []any{"B", "C"})}, nil,
			[]string{"missing-unit@Sáp nhập!A2", "missing-unit@Sáp nhập!B3", "constraint-error@Sáp nhập!C4"}, "Dòng 2 chưa có mã đơn vị cũ"},
		{"dates and shares that are not", []sheet{units(), merge(
			[]any{"A", "C", "7/1/25"},
			[]any{"B", "C", "31/06/2025"},
			[]any{"B", "D", jul, "1/3"},
			[]any{"B", "D", jul, 1.0 / 3},
			[]any{"B", "D", jul, 1.5},
		)}, nil, []string{"type-error@Sáp nhập!C2", "type-error@Sáp nhập!C3", "type-error@Sáp nhập!D4", "type-error@Sáp nhập!D5", "type-error@Sáp nhập!D6"},
			`Ô C2 (ngày hiệu lực): "7/1/25" ghi năm bằng 2 chữ số`},
		{"a validity that ends before it starts", []sheet{units([]any{"E", "Xã E", day(2025, 7, 1), day(2025, 6, 30)}, []any{"F", "Xã F", "hôm qua"})}, nil,
			[]string{"constraint-error@Danh sách!D6", "type-error@Danh sách!C7"}, "Đơn vị E hiệu lực từ 01/07/2025 đến 30/06/2025"},
		{"a hidden succession sheet", []sheet{units(), {name: "Sheet2", hidden: true, rows: [][]any{head, {"A", "C", jul}}}}, nil,
			[]string{"no-table@Sheet2"}, "đang bị ẩn"},
		{"a named sheet without its header", []sheet{units(), {name: "SÁP NHẬP", rows: [][]any{{"Cũ", "Mới"}, {"A", "C"}}}}, nil,
			[]string{"no-table@SÁP NHẬP"}, "không có dòng tiêu đề của bảng sáp nhập"},
		{"two succession sheets", []sheet{units(), merge([]any{"A", "C", jul}), {name: "Kế thừa", rows: [][]any{head, {"B", "C", jul}}}},
			[]string{"A>C@2025-07-01*1|#2"}, []string{"no-table@Kế thừa"}, "bảng sáp nhập thứ hai"},
		{"the succession sheet first, on another name", []sheet{{name: "Thay đổi", rows: [][]any{head, {"A", "C", jul}}}, units()},
			[]string{"A>C@2025-07-01*1|#2"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Read("ds.xlsx", books(t, tt.sheets...))
			if got := codes(l.Findings); !slices.Equal(got, tt.codes) {
				t.Fatalf("findings %v, want %v\n%v", got, tt.codes, messages(l.Findings))
			}
			if tt.words != "" && !strings.Contains(l.Findings[0].Text.VI, tt.words) {
				t.Errorf("message %q lacks %q", l.Findings[0].Text.VI, tt.words)
			}
			if len(tt.codes) > 0 {
				if l.Valid() {
					t.Error("a list with errors is valid")
				}
				return
			}
			var got []string
			for _, s := range l.Successions {
				got = append(got, succ(s))
			}
			if !slices.Equal(got, tt.succ) {
				t.Errorf("successions %q, want %q", got, tt.succ)
			}
		})
	}
}

func messages(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Where()+": "+f.Text.VI)
	}
	return out
}

// TestWriteReadsBack: a list written by Write reads back the same, history
// and all, and the sample list too.
func TestWriteReadsBack(t *testing.T) {
	lists := []*List{
		Read("ds-don-vi-2025.xlsx", readFile(t, "../testdata/reorg/ds-don-vi-2025.xlsx")),
		Read("ds-don-vi.xlsx", readFile(t, "testdata/ds-don-vi.xlsx")),
		{Units: []Unit{
			{Code: "00005", Name: "=HYPERLINK(\"x\")", Aliases: []string{"Năm", "Số 5"}, ValidFrom: "1999-02-28"},
			{Code: "B", Name: "Xã B", ValidTo: "2025-06-30"}, {Code: "C", Name: "Xã C", ValidFrom: "2025-07-01"},
			{Code: "D", Name: "Xã D", ValidFrom: "2025-07-01"},
		}, Successions: []Succession{
			{Old: "B", New: "C", Date: "2025-07-01", Share: 333334, Basis: "=1+1"},
			{Old: "B", New: "D", Date: "2025-07-01", Share: 666666},
		}},
	}
	for _, l := range lists {
		var buf bytes.Buffer
		if err := Write(&buf, l.Units, l.Successions); err != nil {
			t.Fatal(err)
		}
		back := Read("back.xlsx", buf.Bytes())
		if !back.Valid() {
			t.Fatalf("findings %v", messages(back.Findings))
		}
		if a, b := listText(l), listText(back); a != b {
			t.Errorf("read back\n%s\nwant\n%s", b, a)
		}
	}
}

// listText is a list without its row numbers, one line per entry.
func listText(l *List) string {
	var b strings.Builder
	for _, u := range l.Units {
		u.Row = 0
		fmt.Fprintf(&b, "%#v\n", u)
	}
	for _, s := range l.Successions {
		s.Row = 0
		fmt.Fprintf(&b, "%#v\n", s)
	}
	return b.String()
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want, problem string }{
		{"01/07/2025", "2025-07-01", ""},
		{" 1/7/2025 ", "2025-07-01", ""},
		{"01-07-2025", "2025-07-01", ""},
		{"01.07.2025", "2025-07-01", ""},
		{"2025-07-01", "2025-07-01", ""},
		{"29/02/2024", "2024-02-29", ""},
		{"29/02/2025", "", "tháng 2 năm 2025 có 28 ngày"},
		{"07/13/2025", "", "không có tháng 13"},
		{"1/7/25", "", "2 chữ số"},
		{"01/07-2025", "", "không phải là ngày"},
		{"", "", "không phải là ngày"},
		{"01/07/1800", "", "ngoài các năm"},
	}
	for _, tt := range tests {
		got, p := ParseDate(tt.in)
		if got != tt.want || (p == nil) != (tt.problem == "") || p != nil && !strings.Contains(p.VI, tt.problem) {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %q", tt.in, got, p, tt.want, tt.problem)
		}
	}
}

func TestParseShare(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		problem string
	}{
		{"0,6", 600000, ""}, {"0.4", 400000, ""}, {"1", Whole, ""}, {"60%", 600000, ""}, {"60 %", 600000, ""},
		{"0,333334", 333334, ""}, {"1,0", Whole, ""}, {".5", 500000, ""},
		{"0,3333333", 0, "quá 6 chữ số"}, {"0", 0, "lớn hơn 0"}, {"1,5", 0, "không quá 1"}, {"120%", 0, "không quá 1"},
		{"-0,5", 0, "lớn hơn 0"}, {"1/2", 500000, ""}, {"1/3", 0, "quá 6 chữ số"}, {"0,1,2", 0, "không phải là tỷ lệ"}, {"1e-1", 0, "không phải là tỷ lệ"},
		{"một nửa", 0, "không phải là tỷ lệ"},
	}
	for _, tt := range tests {
		got, p := ParseShare(tt.in)
		if got != tt.want || (p == nil) != (tt.problem == "") || p != nil && !strings.Contains(p.VI, tt.problem) {
			t.Errorf("ParseShare(%q) = %d, %v; want %d, %q", tt.in, got, p, tt.want, tt.problem)
		}
	}
}

// FuzzParseDate: any text is a valid ISO date that reads back the same,
// or a problem, never both and never a panic.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"01/07/2025", "2025-07-01", "31/02/2024", "1.1.25", "", "０１/07/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, p := ParseDate(s)
		if (iso == "") == (p == nil) {
			t.Fatalf("ParseDate(%q) = %q, %v", s, iso, p)
		}
		if p != nil {
			return
		}
		tm, err := time.Parse(isoDate, iso)
		if err != nil || tm.Format(isoDate) != iso {
			t.Fatalf("ParseDate(%q) = %q, not a date", s, iso)
		}
		if again, p := ParseDate(ShowDate(iso)); again != iso || p != nil {
			t.Fatalf("%q shown as %q reads %q", iso, ShowDate(iso), again)
		}
	})
}

// FuzzParseShare: a share read is in (0, 1] and reads back from how it is
// shown.
func FuzzParseShare(f *testing.F) {
	for _, s := range []string{"0,6", "0.4", "1", "60%", "0,333334", "1e3", "0x1p-1", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, p := ParseShare(s)
		if p != nil {
			if m != 0 {
				t.Fatalf("ParseShare(%q) = %d with a problem", s, m)
			}
			return
		}
		if m <= 0 || m > Whole {
			t.Fatalf("ParseShare(%q) = %d", s, m)
		}
		if again, p := ParseShare(ShowShare(m)); again != m || p != nil {
			t.Fatalf("%d shown as %q reads %d", m, ShowShare(m), again)
		}
	})
}

// FuzzRead: whatever the bytes, Read does not panic, and a list it finds
// valid keeps the promises of FORMATS.md §10: every succession joins two
// units of the list, the shares of each old unit add up to 1 on one day,
// no unit succeeds itself.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"../testdata/reorg/ds-don-vi-2025.xlsx", "testdata/ds-don-vi.xlsx", "testdata/hai-dong.xlsx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l := Read("f.xlsx", data)
		if !l.Valid() {
			return
		}
		known := map[string]bool{}
		for _, u := range l.Units {
			known[u.Code] = true
		}
		sums, days := map[string]int64{}, map[string]string{}
		next := map[string][]string{}
		for _, s := range l.Successions {
			if !known[s.Old] || !known[s.New] || s.Old == s.New {
				t.Fatalf("succession %+v outside the list", s)
			}
			if d, ok := days[s.Old]; ok && d != s.Date {
				t.Fatalf("%s goes on %s and %s", s.Old, d, s.Date)
			}
			days[s.Old] = s.Date
			sums[s.Old] += s.Share
			next[s.Old] = append(next[s.Old], s.New)
		}
		for old, sum := range sums {
			if sum != Whole {
				t.Fatalf("shares of %s add up to %d", old, sum)
			}
		}
		for start := range next {
			seen := map[string]bool{}
			var walk func(string)
			walk = func(c string) {
				for _, n := range next[c] {
					if n == start {
						t.Fatalf("%s succeeds itself", start)
					}
					if !seen[n] {
						seen[n] = true
						walk(n)
					}
				}
			}
			walk(start)
		}
	})
}

// TestExportSavedByLibreOffice: what "tongket units export" wrote of the
// sample list, opened and saved by LibreOffice Calc (testdata/gen.py),
// reads as the sample list.
func TestExportSavedByLibreOffice(t *testing.T) {
	want := Read("ds-don-vi-2025.xlsx", readFile(t, "../testdata/reorg/ds-don-vi-2025.xlsx"))
	got := Read("export-libreoffice.xlsx", readFile(t, "testdata/export-libreoffice.xlsx"))
	if !got.Valid() {
		t.Fatalf("findings %v", messages(got.Findings))
	}
	if a, b := listText(want), listText(got); a != b || len(got.Successions) != 8 {
		t.Errorf("read\n%s\nwant\n%s", b, a)
	}
}
