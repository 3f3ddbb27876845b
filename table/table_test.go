package table

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/table/tabletest"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

var yearRe = regexp.MustCompile(`^(?:năm\s*)?(\d{4})$`)

// matchIndicators is a header of the wide layout, simplified: a "Mã chỉ
// tiêu" column and years, on the row itself (1) or in the row below (2).
func matchIndicators(c Candidate) int {
	code, top, sub := false, false, false
	for _, l := range c.Labels() {
		code = code || vn.Key(l.Top) == vn.Key("Mã chỉ tiêu")
		top = top || yearRe.MatchString(vn.Key(l.Top))
		sub = sub || yearRe.MatchString(vn.Key(l.Sub))
	}
	switch {
	case code && top:
		return 1
	case code && sub:
		return 2
	}
	return 0
}

// result is what a Scan reported, for comparing.
type result struct {
	found    bool
	row, end int
	labels   string
	before   []string
	data     []string
	problem  string // code@sheet
}

// scan runs Scan recording every callback; stopAt > 0 makes Data return
// Stop on that row.
func scan(t *testing.T, data []byte, maxRows, stopAt int) result {
	t.Helper()
	book, s := open(t, data)
	var res result
	found, problem, err := Scan(book, s, Options{
		MaxRows: maxRows,
		Match:   matchIndicators,
		Before:  func(r xlsx.Row) { res.before = append(res.before, texts(r)) },
		Data: func(h Header, r xlsx.Row) error {
			res.row, res.end, res.labels = h.Row, h.End, labelsString(h.Labels)
			res.data = append(res.data, texts(r))
			if r.Num == stopAt {
				return Stop
			}
			return nil
		},
	})
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	res.found = found
	if problem != nil {
		res.problem = problem.Code + "@" + problem.Sheet
	}
	return res
}

func TestScan(t *testing.T) {
	title := row(1, "BIỂU SỐ LIỆU TỔNG KẾT")
	unit := row(2, "Đơn vị: Quận Hồng Bàng")
	oneRow := row(4, "STT", "Mã chỉ tiêu", "Chỉ tiêu", 2021, "Năm 2022")
	full := sheetXML(title, unit, oneRow,
		row(5, 1, "TT_BUOI", "Số buổi", 120, 135),
		row(6, 2, "TT_LUOT", "Số lượt", 1500, 1620),
		row(8, nil, nil, "Tổng cộng", 1620, 1755))
	tests := []struct {
		name    string
		xml     string
		maxRows int
		stopAt  int
		want    result
	}{
		{"one-row header under a title", full, 0, 0, result{
			found: true, row: 4, end: 4,
			labels: "A:STT/ B:Mã chỉ tiêu/ C:Chỉ tiêu/ D:2021/ E:Năm 2022/",
			before: []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT", "2: A=Đơn vị: Quận Hồng Bàng"},
			data:   []string{"5: A=1|B=TT_BUOI|C=Số buổi|D=120|E=135", "6: A=2|B=TT_LUOT|C=Số lượt|D=1500|E=1620", "8: C=Tổng cộng|D=1620|E=1755"},
		}},
		{"two-row header: years under a group label", sheetXML(title,
			row(4, "STT", "Mã chỉ tiêu", "Chỉ tiêu", "Năm"),
			row(5, nil, nil, nil, 2021, 2022),
			row(6, 1, "TT_BUOI", "Số buổi", 120, 135)), 0, 0, result{
			found: true, row: 4, end: 5,
			labels: "A:STT/ B:Mã chỉ tiêu/ C:Chỉ tiêu/ D:Năm/2021 E:/2022",
			before: []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT"},
			data:   []string{"6: A=1|B=TT_BUOI|C=Số buổi|D=120|E=135"},
		}},
		{"a blank row is not the row below", sheetXML(
			row(4, "Mã chỉ tiêu", "Năm"),
			row(6, nil, 2021)), 0, 0, result{
			before: []string{"4: A=Mã chỉ tiêu|B=Năm", "6: B=2021"},
		}},
		{"rejected rows go to Before in order", sheetXML(
			row(1, "Mã chỉ tiêu"),
			row(2, "ghi chú"),
			row(3, "Mã chỉ tiêu", 2021),
			row(4, "X", 7)), 0, 0, result{
			found: true, row: 3, end: 3, labels: "A:Mã chỉ tiêu/ B:2021/",
			before: []string{"1: A=Mã chỉ tiêu", "2: A=ghi chú"},
			data:   []string{"4: A=X|B=7"},
		}},
		{"header on the last row", sheetXML(title, row(2, "Mã chỉ tiêu", 2021)), 0, 0, result{
			found: true, before: []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT"},
		}},
		{"header below row 30", sheetXML(title, row(30, "x"), row(31, "Mã chỉ tiêu", 2021), row(32, "TT_BUOI", 5)), 0, 0, result{
			before: []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT", "30: A=x"},
		}},
		{"MaxRows 40 finds it", sheetXML(title, row(31, "Mã chỉ tiêu", 2021), row(32, "TT_BUOI", 5)), 40, 0, result{
			found: true, row: 31, end: 31, labels: "A:Mã chỉ tiêu/ B:2021/",
			before: []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT"},
			data:   []string{"32: A=TT_BUOI|B=5"},
		}},
		{"a two-row header may start on MaxRows", sheetXML(row(5, "Mã chỉ tiêu", "Năm"), row(6, nil, 2021), row(7, "TT_BUOI", 5)), 5, 0, result{
			found: true, row: 5, end: 6, labels: "A:Mã chỉ tiêu/ B:Năm/2021",
			data: []string{"7: A=TT_BUOI|B=5"},
		}},
		{"Stop ends the scan", full, 0, 5, result{
			found: true, row: 4, end: 4,
			labels: "A:STT/ B:Mã chỉ tiêu/ C:Chỉ tiêu/ D:2021/ E:Năm 2022/",
			before: []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT", "2: A=Đơn vị: Quận Hồng Bàng"},
			data:   []string{"5: A=1|B=TT_BUOI|C=Số buổi|D=120|E=135"},
		}},
		{"cut off under the header", full[:strings.Index(full, `<row r="6"`)+20], 0, 0, result{
			found: true, row: 4, end: 4,
			labels:  "A:STT/ B:Mã chỉ tiêu/ C:Chỉ tiêu/ D:2021/ E:Năm 2022/",
			before:  []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT", "2: A=Đơn vị: Quận Hồng Bàng"},
			data:    []string{"5: A=1|B=TT_BUOI|C=Số buổi|D=120|E=135"},
			problem: "corrupt-file@S",
		}},
		{"cut off above the header", full[:strings.Index(full, `<row r="4"`)], 0, 0, result{
			before:  []string{"1: A=BIỂU SỐ LIỆU TỔNG KẾT"},
			problem: "corrupt-file@S",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scan(t, workbook(t, tt.xml), tt.maxRows, tt.stopAt)
			if got.found != tt.want.found || got.row != tt.want.row || got.end != tt.want.end || got.labels != tt.want.labels || got.problem != tt.want.problem {
				t.Errorf("found %v rows %d–%d labels %q problem %q\nwant %v rows %d–%d labels %q problem %q",
					got.found, got.row, got.end, got.labels, got.problem,
					tt.want.found, tt.want.row, tt.want.end, tt.want.labels, tt.want.problem)
			}
			if !slices.Equal(got.before, tt.want.before) {
				t.Errorf("Before\n%q\nwant\n%q", got.before, tt.want.before)
			}
			if !slices.Equal(got.data, tt.want.data) {
				t.Errorf("Data\n%q\nwant\n%q", got.data, tt.want.data)
			}
		})
	}
}

// TestScanHeader checks the Header of a one-row header found on the last
// row, which no Data call shows.
func TestScanHeader(t *testing.T) {
	book, s := open(t, workbook(t, sheetXML(row(3, "Mã chỉ tiêu", nil, 2021))))
	var h Header
	found, problem, err := Scan(book, s, Options{
		Match: func(c Candidate) int {
			if n := matchIndicators(c); n != 0 {
				h = Header{Sheet: c.Sheet, Row: c.Row.Num, End: c.Row.Num, Labels: c.Labels()}
				return n
			}
			return 0
		},
	})
	if !found || problem != nil || err != nil {
		t.Fatalf("found %v problem %v err %v", found, problem, err)
	}
	if h.Sheet != "S" || h.Row != 3 || labelsString(h.Labels) != "A:Mã chỉ tiêu/ C:2021/" {
		t.Errorf("header %+v", h)
	}
	if l := h.Labels[1]; l.TopCell.Kind != xlsx.Number || l.TopCell.Ref != "C3" || l.SubCell.Ref != "" {
		t.Errorf("label cells %+v", l)
	}
}

// TestHeldRowKept: xlsx reuses a row's cells for the next row, so the row
// Scan holds back must be its own copy when Match and Before see it.
func TestHeldRowKept(t *testing.T) {
	rows := []string{"1: A=một|B=hai", "2: A=ba|C=bốn", "3: B=năm", "4: A=sáu|B=bảy|C=tám"}
	book, s := open(t, workbook(t, sheetXML(row(1, "một", "hai"), row(2, "ba", nil, "bốn"), row(3, nil, "năm"), row(4, "sáu", "bảy", "tám"))))
	var offered, before []string
	_, _, err := Scan(book, s, Options{
		Match: func(c Candidate) int {
			offered = append(offered, texts(c.Row))
			if c.Next != nil {
				offered = append(offered, "next "+texts(*c.Next))
			}
			return 0
		},
		Before: func(r xlsx.Row) { before = append(before, texts(r)) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{rows[0], "next " + rows[1], rows[1], "next " + rows[2], rows[2], "next " + rows[3], rows[3]}
	if !slices.Equal(offered, want) {
		t.Errorf("Match saw\n%q\nwant\n%q", offered, want)
	}
	if !slices.Equal(before, rows) {
		t.Errorf("Before saw\n%q\nwant\n%q", before, rows)
	}
}

func TestScanErrors(t *testing.T) {
	boom := errors.New("boom")
	xml := sheetXML(row(1, "Mã chỉ tiêu", 2021), row(2, "TT_BUOI", 5), row(3, "TT_LUOT", 6))
	tests := []struct {
		name  string
		xml   string
		opt   Options
		want  error // errors.Is target, nil for any
		found bool
		text  string // in the error
	}{
		{"Data's error is returned, wrapped", xml, Options{Match: matchIndicators, Data: func(h Header, r xlsx.Row) error {
			if r.Num == 3 {
				return boom
			}
			return nil
		}}, boom, true, `sheet "S" row 3: boom`},
		{"Match without a next row cannot take two", sheetXML(row(1, "x")), Options{Match: func(c Candidate) int { return 2 }}, nil, false, "Match returned 2"},
		{"Match out of range", xml, Options{Match: func(c Candidate) int { return 3 }}, nil, false, "Match returned 3"},
		{"no Match", xml, Options{}, nil, false, "Match is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			book, s := open(t, workbook(t, tt.xml))
			found, problem, err := Scan(book, s, tt.opt)
			if err == nil || problem != nil || found != tt.found {
				t.Fatalf("found %v problem %v err %v", found, problem, err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err %v does not wrap %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("err %q lacks %q", err, tt.text)
			}
		})
	}
}

// TestNoDataStopsAtHeader: without Data nothing under the header is read,
// so damage there is not the caller's concern.
func TestNoDataStopsAtHeader(t *testing.T) {
	xml := sheetXML(row(1, "Mã chỉ tiêu", 2021), row(2, "TT_BUOI", 5), row(3, "TT_LUOT", 6))
	book, s := open(t, workbook(t, xml[:strings.Index(xml, `<row r="3"`)+8]))
	found, problem, err := Scan(book, s, Options{Match: matchIndicators})
	if !found || problem != nil || err != nil {
		t.Errorf("found %v problem %v err %v", found, problem, err)
	}
}

func TestLabels(t *testing.T) {
	cell := func(col int, v string) xlsx.Cell { return xlsx.Cell{Col: col, Kind: xlsx.Text, Value: v} }
	formula := xlsx.Cell{Col: 5, Formula: true}
	tests := []struct {
		name string
		c    Candidate
		want string
	}{
		{"one row, text trimmed and NFC", Candidate{Row: xlsx.Row{Cells: []xlsx.Cell{cell(1, "  Mã  "), cell(3, "Ho\u0300a")}}}, "A:Mã/ C:Hòa/"},
		{"empty and blank cells left out", Candidate{Row: xlsx.Row{Cells: []xlsx.Cell{cell(1, " "), cell(2, "x")}}}, "B:x/"},
		{"a formula without a value stays", Candidate{Row: xlsx.Row{Cells: []xlsx.Cell{cell(1, "Năm"), formula}}}, "A:Năm/ E:/"},
		{"two rows interleaved by column", Candidate{
			Row:  xlsx.Row{Cells: []xlsx.Cell{cell(1, "STT"), cell(4, "Năm")}},
			Next: &xlsx.Row{Cells: []xlsx.Cell{cell(2, "b"), cell(4, "2021"), cell(6, "2022")}},
		}, "A:STT/ B:/b D:Năm/2021 F:/2022"},
		{"nothing", Candidate{}, ""},
	}
	for _, tt := range tests {
		if got := labelsString(tt.c.Labels()); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestFixtures reads headers drawn the way offices draw them: by openpyxl,
// by LibreOffice, merged over two rows, in decomposed Unicode (see
// testdata/gen.py).
func TestFixtures(t *testing.T) {
	merged := result{
		found: true, row: 4, end: 5,
		labels: "A:STT/STT B:Mã chỉ tiêu/Mã chỉ tiêu C:Chỉ tiêu/Chỉ tiêu D:Năm/2021 E:Năm/2022 F:Năm/2023 G:Ghi chú/Ghi chú",
	}
	tests := []struct {
		file   string
		match  func(Candidate) int
		want   result
		before int   // rows given to Before
		data   []int // data row numbers
	}{
		{"testdata/hai-dong.xlsx", matchIndicators, merged, 2, []int{6, 7, 8, 10}},
		{"testdata/hai-dong-lo.xlsx", matchIndicators, merged, 2, []int{6, 7, 8, 10}},
		{"testdata/mot-dong-lo.xlsx", func(c Candidate) int {
			for _, l := range c.Labels() {
				if vn.Key(l.Top) == vn.Key("Tên đơn vị") {
					return 1
				}
			}
			return 0
		}, result{found: true, row: 3, end: 3, labels: "A:MÃ ĐƠN VỊ/ B:tên  đơn vị/ C:Cấp/"}, 2, []int{4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			book, s := open(t, data)
			var h Header
			var before, rows []int
			found, problem, err := Scan(book, s, Options{
				Match:  tt.match,
				Before: func(r xlsx.Row) { before = append(before, r.Num) },
				Data: func(hh Header, r xlsx.Row) error {
					h = hh
					rows = append(rows, r.Num)
					return nil
				},
			})
			if err != nil || problem != nil || found != tt.want.found {
				t.Fatalf("found %v problem %v err %v", found, problem, err)
			}
			if h.Row != tt.want.row || h.End != tt.want.end || labelsString(h.Labels) != tt.want.labels {
				t.Errorf("header %d–%d %q\nwant %d–%d %q", h.Row, h.End, labelsString(h.Labels), tt.want.row, tt.want.end, tt.want.labels)
			}
			if len(before) != tt.before || !slices.Equal(rows, tt.data) {
				t.Errorf("before %v data %v, want %d before, data %v", before, rows, tt.before, tt.data)
			}
			if !norm.NFC.IsNormalString(h.Labels[0].Top) {
				t.Errorf("label %q is not NFC", h.Labels[0].Top)
			}
		})
	}
}

// TestCutFixture cuts a LibreOffice sheet mid-row: the rows above are
// read, then the damage is a corrupt-file finding at the sheet.
func TestCutFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/hai-dong-lo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	book, s := open(t, tabletest.CutSheet(t, data, "xl/worksheets/sheet1.xml", `<row r="8"`))
	var rows []int
	found, problem, err := Scan(book, s, Options{Match: matchIndicators, Data: func(h Header, r xlsx.Row) error {
		rows = append(rows, r.Num)
		return nil
	}})
	if err != nil || !found || problem == nil {
		t.Fatalf("found %v problem %v err %v", found, problem, err)
	}
	if problem.Code != finding.CorruptFile || problem.Severity != finding.Error || problem.Sheet != "Biểu 1" || !slices.Equal(rows, []int{6, 7}) {
		t.Errorf("problem %+v rows %v", problem, rows)
	}
	if !strings.Contains(problem.Text.VI, `Trang "Biểu 1" bị hỏng hoặc bị cắt cụt`) || !strings.Contains(problem.Text.EN, `Sheet "Biểu 1" is damaged`) {
		t.Errorf("message %q / %q", problem.Text.VI, problem.Text.EN)
	}
}

// TestScanAllocs: rows under the header are streamed, not copied; a long
// sheet costs Scan no more allocations than a short one.
func TestScanAllocs(t *testing.T) {
	allocs := func(n int) float64 {
		rows := []string{row(1, "Mã chỉ tiêu", 2021)}
		for i := 2; i <= n; i++ {
			rows = append(rows, row(i, "TT_BUOI", i))
		}
		book, s := open(t, workbook(t, sheetXML(rows...)))
		opt := Options{Match: matchIndicators, Data: func(Header, xlsx.Row) error { return nil }}
		plain := testing.AllocsPerRun(5, func() { _ = book.MergedRows(s, func(xlsx.Row) error { return nil }) })
		scanned := testing.AllocsPerRun(5, func() { _, _, _ = Scan(book, s, opt) })
		return scanned - plain
	}
	short, long := allocs(10), allocs(5000)
	if long > short+2 {
		t.Errorf("Scan allocates %.0f more on 5000 rows than on 10 (%.0f): rows under the header must not be copied", long-short, short)
	}
}

// TestMergeHelpers reads the merged header of hai-dong.xlsx: "STT" merged
// over both rows is MergedDown, the years under the merged "Năm" are not;
// the title merged across A1:G1 is FromLeft in every column but A.
func TestMergeHelpers(t *testing.T) {
	data, err := os.ReadFile("testdata/hai-dong.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	book, s := open(t, data)
	var down, left []string
	_, _, err = Scan(book, s, Options{
		Match: func(c Candidate) int {
			n := matchIndicators(c)
			if n == 2 {
				for _, l := range c.Labels() {
					if l.MergedDown() {
						down = append(down, xlsx.ColumnName(l.Col))
					}
				}
			}
			return n
		},
		Before: func(r xlsx.Row) {
			for _, c := range r.Cells {
				if FromLeft(c) {
					left = append(left, c.Ref)
				}
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A", "B", "C", "G"}; !slices.Equal(down, want) {
		t.Errorf("MergedDown %v, want %v", down, want)
	}
	if want := []string{"B1", "C1", "D1", "E1", "F1", "G1"}; !slices.Equal(left, want) {
		t.Errorf("FromLeft %v, want %v", left, want)
	}
}

// TestConvert: every callback sees the converted row, the held one too.
func TestConvert(t *testing.T) {
	book, s := open(t, workbook(t, sheetXML(row(1, "tiêu đề"), row(2, "mã chỉ tiêu", "năm"), row(3, nil, 2021), row(4, "tt_buoi", 5))))
	var buf []xlsx.Cell // shared between calls, as a decoder's buffer would be
	upper := func(r xlsx.Row) xlsx.Row {
		buf = append(buf[:0], r.Cells...)
		for i := range buf {
			buf[i].Value = strings.ToUpper(buf[i].Value)
		}
		r.Cells = buf
		return r
	}
	var seen []string
	found, problem, err := Scan(book, s, Options{
		Convert: upper,
		Match: func(c Candidate) int {
			if c.Next != nil {
				seen = append(seen, "match "+texts(c.Row)+" / "+texts(*c.Next))
			}
			return matchIndicators(c)
		},
		Before: func(r xlsx.Row) { seen = append(seen, "before "+texts(r)) },
		Data: func(h Header, r xlsx.Row) error {
			seen = append(seen, "data "+texts(r)+" under "+labelsString(h.Labels))
			return nil
		},
	})
	want := []string{
		"match 1: A=TIÊU ĐỀ / 2: A=MÃ CHỈ TIÊU|B=NĂM",
		"before 1: A=TIÊU ĐỀ",
		"match 2: A=MÃ CHỈ TIÊU|B=NĂM / 3: B=2021",
		"data 4: A=TT_BUOI|B=5 under A:MÃ CHỈ TIÊU/ B:NĂM/2021",
	}
	if !found || problem != nil || err != nil || !slices.Equal(seen, want) {
		t.Errorf("found %v problem %v err %v\n%q\nwant\n%q", found, problem, err, seen, want)
	}
}

// TestScanOptimistic: with Restart set, a sheet whose merges stay above the
// table is read once; one whose merges reach the table is read again with
// them applied, after Restart, and gives what a merged read gives.
func TestScanOptimistic(t *testing.T) {
	header := func(c Candidate) int {
		for _, l := range c.Labels() {
			if l.Top == "Mã chỉ tiêu" {
				if c.Next != nil && len(c.Next.Cells) > 0 && c.Next.Cells[len(c.Next.Cells)-1].Value == "2022" {
					return 2
				}
				return 1
			}
		}
		return 0
	}
	withMerges := func(rows string, merges ...string) string {
		x := sheetXML(rows)
		if len(merges) == 0 {
			return x
		}
		var m strings.Builder
		fmt.Fprintf(&m, `<mergeCells count="%d">`, len(merges))
		for _, r := range merges {
			fmt.Fprintf(&m, `<mergeCell ref="%s"/>`, r)
		}
		m.WriteString(`</mergeCells>`)
		return strings.Replace(x, "</sheetData>", "</sheetData>"+m.String(), 1)
	}
	rows := row(1, "BIỂU SỐ LIỆU") + row(3, "Mã chỉ tiêu", "Năm") + row(4, nil, 2021, "2022") + row(5, "TT_BUOI", 120, 135)
	tests := []struct {
		name     string
		xml      string
		restarts int
		data     string // the row under the header, as Data saw it last
	}{
		{"no merges", withMerges(rows), 0, "5: A=TT_BUOI|B=120|C=135"},
		{"a title merged above the table", withMerges(rows, "A1:C1"), 0, "5: A=TT_BUOI|B=120|C=135"},
		{"a group label merged over the years", withMerges(rows, "B3:C3"), 1, "5: A=TT_BUOI|B=120|C=135"},
		{"a figure merged in the table", withMerges(rows, "B5:C5"), 1, "5: A=TT_BUOI|B=120|C=120"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, s := open(t, workbook(t, tt.xml))
			restarts, seen := 0, ""
			found, problem, err := Scan(b, s, Options{
				Match:   header,
				Restart: func() { restarts++; seen = "" },
				Data: func(_ Header, r xlsx.Row) error {
					seen = texts(r)
					return nil
				},
			})
			if !found || problem != nil || err != nil {
				t.Fatalf("Scan = %v, %v, %v", found, problem, err)
			}
			if restarts != tt.restarts || seen != tt.data {
				t.Errorf("restarts %d (want %d), data %q (want %q)", restarts, tt.restarts, seen, tt.data)
			}
		})
	}
}
