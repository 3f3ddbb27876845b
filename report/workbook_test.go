package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/check"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/xlsx"
)

// wbUnit is a reporting unit of the test summary and the years it sent.
type wbUnit struct {
	code, name string
	years      []int
}

// wbFigures is what the units reported: unit → indicator → year → hundredths.
type wbFigures map[string]map[string]map[int]int64

// wbRealistic is a city summary over 2019–2024: six districts, one never
// reporting, one stopping after 2020, nobody reporting 2021 (a gap year),
// money with decimals, a unit code with leading zeros, one indicator nobody
// reported, previous totals known for most indicators.
func wbRealistic() (*summary.Summary, Document) {
	units := []wbUnit{
		{"HP-HONGBANG", "Quận Hồng Bàng", []int{2019, 2020, 2022, 2023, 2024}},
		{"HP-NGOQUYEN", "Quận Ngô Quyền", []int{2019, 2020, 2022, 2023, 2024}},
		{"HP-LECHAN", "Quận Lê Chân", []int{2019, 2020, 2023, 2024}},
		{"HP-KIENAN", "Quận Kiến An", []int{2019, 2020}},
		{"00312", "Huyện Thủy Nguyên", []int{2019, 2020, 2022, 2023, 2024}},
		{"HP-DOSON", "Quận Đồ Sơn", nil},
	}
	figs := wbFigures{}
	for u, unit := range units {
		figs[unit.code] = map[string]map[int]int64{}
		cum := int64(0)
		for _, y := range unit.years {
			k := int64(y - 2019)
			uu := int64(u)
			set := func(code string, v int64) {
				if figs[unit.code][code] == nil {
					figs[unit.code][code] = map[int]int64{}
				}
				figs[unit.code][code][y] = v
			}
			tk := 3 + uu + k
			cum += tk
			buoi := 40 + 7*uu + 3*k
			lop := 3 + uu%3
			nha := 2 + uu%4
			ho := 5 + uu
			set("MH_TRIENKHAI", tk*100)
			set("MH_HIEUQUA", (cum*6/10+1)*100)
			set("TT_BUOI", buoi*100)
			set("TT_LUOT", buoi*(55+uu)*100)
			set("TIN_GIATRI", (20+3*uu+int64(y%7))*100)
			set("TH_LOP", lop*100)
			set("TH_LUOT", lop*38*100)
			set("CH_NGUOI", (10+2*uu+int64(y%4))*100)
			set("NHA_SO", nha*100)
			set("NHA_TIEN", nha*6000+(uu*1237+int64(y)*71)%1000)
			set("VON_HO", ho*100)
			set("VON_TIEN", ho*2000+((uu*55+int64(y))%100)*10)
			set("QUA_LUOT", (150+20*uu+5*k)*100)
			set("HG_VU", (25+4*uu-k)*100)
			set("XA_TUQUAN", (3+uu+k/2)*100)
			set("XA_CAMERA", (1+k)*100)
			set("CAMERA_SO", (40+10*uu+30*k*k)*100)
		}
	}
	s := wbAggregate(summary.Period{From: 2019, To: 2024}, units, figs)
	prev := map[string]int64{} // previous period totals, hundredths; absent: not reported
	for i, ind := range s.Indicators {
		if ind.Total != nil {
			prev[ind.Code] = int64(*ind.Total) * int64(60+7*i) / 100 / 100 * 100 // whole
		}
	}
	delete(prev, "CAMERA_SO") // a new movement: nothing to compare with
	prev["XA_CAMERA"] = 0     // reported as zero: no percentage
	prev["VK_GIAONOP"] = 3100 // reported before, nothing now
	prev["NHA_TIEN"] += 89    // decimals
	for i := range s.Indicators {
		ind := &s.Indicators[i]
		if v, ok := prev[ind.Code]; ok {
			a := summary.Amount(v)
			ind.Previous.Total = &a
			ind.Previous.Coverage = 0.95
		}
		// Nobody reported 2021: this period falls short, nothing compares.
		ind.SetComparison(ind.Coverage >= 0.9, ind.Previous.Coverage >= 0.9)
	}
	s.PreviousCompleteness = summary.PeriodReports{From: 2013, To: 2018, Expected: 36, Received: 35}
	d := Document{
		Agency: "CÔNG AN THÀNH PHỐ HẢI PHÒNG", Place: "Hải Phòng",
		UnitCode: "HP", UnitName: "Thành phố Hải Phòng",
		Date: time.Date(2025, 1, 15, 9, 30, 0, 0, time.UTC),
	}
	return s, d
}

// wbAggregate computes a Summary from reported figures the way FORMATS.md
// §5 defines it, independently of the store's SQL.
func wbAggregate(p summary.Period, units []wbUnit, figs wbFigures) *summary.Summary {
	cat := catalog.Builtin()
	s := &summary.Summary{Period: p}
	for _, ind := range cat.Indicators {
		prev := p.Previous()
		si := summary.Indicator{
			Code: ind.Code, Name: ind.Name, Unit: ind.Unit, Agg: string(ind.Agg), Kind: string(ind.Kind),
			ByYear: map[string]summary.Amount{}, ByUnit: map[string]summary.Amount{},
			Previous: summary.Previous{From: prev.From, To: prev.To},
		}
		for _, u := range units {
			vals := figs[u.code][ind.Code]
			latest, have := int64(0), false
			for y := p.From; y <= p.To; y++ {
				v, ok := vals[y]
				key := strconv.Itoa(y)
				if ind.Agg == catalog.Last {
					if ok {
						latest, have = v, true
					}
					if have {
						si.ByYear[key] += summary.Amount(latest)
					}
					continue
				}
				if ok {
					si.ByYear[key] += summary.Amount(v)
					si.ByUnit[u.code] += summary.Amount(v)
				}
			}
			if ind.Agg == catalog.Last && have {
				si.ByUnit[u.code] = summary.Amount(latest)
			}
		}
		si.UnitsReporting = len(si.ByUnit)
		if len(si.ByYear) > 0 {
			var t summary.Amount
			if ind.Agg == catalog.Last {
				t = si.ByYear[strconv.Itoa(p.To)]
			} else {
				for _, v := range si.ByYear {
					t += v
				}
			}
			si.Total = &t
		}
		s.Indicators = append(s.Indicators, si)
	}
	// Coverage as the store counts it: unit-years with a value of those
	// expected; the previous period is given by the caller.
	for i := range s.Indicators {
		n := 0
		for _, u := range units {
			for y := range figs[u.code][s.Indicators[i].Code] {
				if p.Contains(y) {
					n++
				}
			}
		}
		s.Indicators[i].Coverage = summary.Coverage(n, len(units)*p.Years())
	}
	for _, u := range units {
		su := summary.Unit{Code: u.code, Name: u.name, YearsReported: []int{}, YearsMissing: []int{}}
		got := map[int]bool{}
		for _, y := range u.years {
			got[y] = true
		}
		for y := p.From; y <= p.To; y++ {
			s.Completeness.Expected++
			if got[y] {
				su.YearsReported = append(su.YearsReported, y)
				s.Completeness.Received++
			} else {
				su.YearsMissing = append(su.YearsMissing, y)
				s.Completeness.Missing = append(s.Completeness.Missing, summary.Missing{Unit: u.code, Year: y})
			}
		}
		s.Units = append(s.Units, su)
	}
	s.Awards = summary.Awards{Total: 118,
		ByKind:         map[string]int{"Tập thể": 31, "Cá nhân": 87},
		ByOrganisation: map[string]int{"Hội Cựu chiến binh": 54, "Hội Liên hiệp Phụ nữ": 28, "Hội Nông dân": 36},
		ByForm:         map[string]int{"Biểu dương": 100, "Giấy khen": 18}}
	return s
}

// wbEdge is a small summary with everything a careless input could bring:
// no document settings at all, names that look like formulas, an
// indicator without a kind whose figures have decimals, a stock whose last
// year is unknown.
func wbEdge() (*summary.Summary, Document) {
	amt := func(v int64) *summary.Amount { a := summary.Amount(v); return &a }
	s := &summary.Summary{
		Period: summary.Period{From: 2023, To: 2024},
		Units: []summary.Unit{
			{Code: "+1", Name: `=HYPERLINK("http://evil","x")`, YearsReported: []int{2023, 2024}, YearsMissing: []int{}},
			{Code: "00005", Name: "@SUM(1)", YearsReported: []int{2024}, YearsMissing: []int{2023}},
		},
		Indicators: []summary.Indicator{
			{Code: "TT_BUOI", Name: "Số buổi tuyên truyền", Unit: "buổi", Agg: "sum",
				Total: amt(25050), ByYear: map[string]summary.Amount{"2023": 10000, "2024": 15050},
				ByUnit: map[string]summary.Amount{"+1": 20000, "00005": 5050}, UnitsReporting: 2, Coverage: 0.75},
			{Code: "CAMERA_SO", Name: "Số camera an ninh được lắp đặt, kết nối", Unit: "camera", Agg: "last", Kind: "count",
				Total: amt(700), ByYear: map[string]summary.Amount{"2023": 700},
				ByUnit: map[string]summary.Amount{"+1": 700}, UnitsReporting: 1, Coverage: 1,
				Previous: summary.Previous{From: 2021, To: 2022, Total: amt(500), Coverage: 1}},
		},
		Completeness:         summary.Completeness{Expected: 4, Received: 3, Missing: []summary.Missing{{Unit: "00005", Year: 2023}}},
		PreviousCompleteness: summary.PeriodReports{From: 2021, To: 2022, Expected: 4, Received: 4},
	}
	// The stock compares with the previous period's last year (+40%).
	s.Indicators[1].SetComparison(true, true)
	return s, Document{}
}

func wbWrite(t testing.TB, s *summary.Summary, d Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteWorkbook(&b, s, d); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TONGKET_KEEP_XLSX"); dir != "" {
		// A development aid: keep the workbooks to open by hand.
		name := strings.ReplaceAll(t.Name(), "/", "-") + ".xlsx"
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func TestWorkbookGolden(t *testing.T) {
	tests := []struct {
		name string
		make func() (*summary.Summary, Document)
	}{
		{"tong-ket-2019-2024", wbRealistic},
		{"edge", wbEdge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d := tt.make()
			data := wbWrite(t, s, d)
			got := wbDump(t, data)
			golden(t, filepath.Join("testdata", "xlsx", tt.name+".txt"), got)
			// Same input, same workbook text: the dates come from the document.
			if again := wbDump(t, wbWrite(t, s, d)); again != got {
				t.Error("a second write of the same summary differs")
			}
		})
	}
}

// wbDump reads a workbook back with excelize and writes it as text: the
// document properties, then per sheet its layout, print setup and every
// non-empty cell (formulas as "=formula [cached]", strings quoted, numbers
// with their format), then the charts.
func wbDump(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	font, _ := f.GetDefaultFont()
	fmt.Fprintf(&b, "properties: title=%q creator=%q created=%s modified=%s language=%s\n", p.Title, p.Creator, p.Created, p.Modified, p.Language)
	fmt.Fprintf(&b, "default font: %s\n", font)
	fmt.Fprintf(&b, "sheets: %q, active %d\n", f.GetSheetList(), f.GetActiveSheetIndex())
	names := f.GetDefinedName()
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sheet)
		dim, _ := f.GetSheetDimension(sheet)
		fmt.Fprintf(&b, "dimension: %s\n", dim)
		panes, _ := f.GetPanes(sheet)
		fmt.Fprintf(&b, "panes: freeze=%v x=%d y=%d top-left=%s\n", panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell)
		merged, _ := f.GetMergeCells(sheet)
		var ms []string
		for _, m := range merged {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		fmt.Fprintf(&b, "merged: %s\n", strings.Join(ms, " "))
		layout, _ := f.GetPageLayout(sheet)
		props, _ := f.GetSheetProps(sheet)
		fmt.Fprintf(&b, "page: size=%d %s fit-to-page=%v width=%d height=%d\n", *layout.Size, *layout.Orientation, *props.FitToPage, *layout.FitToWidth, *layout.FitToHeight)
		hf, _ := f.GetHeaderFooter(sheet)
		if hf != nil {
			fmt.Fprintf(&b, "footer: %s\n", hf.OddFooter)
		}
		for _, n := range names {
			if n.Scope == sheet {
				fmt.Fprintf(&b, "name: %s = %s\n", n.Name, n.RefersTo)
			}
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		maxCol := 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		var widths []string
		for c := 1; c <= maxCol; c++ {
			w, _ := f.GetColWidth(sheet, wbCol(c))
			widths = append(widths, fmt.Sprintf("%s=%g", wbCol(c), w))
		}
		fmt.Fprintf(&b, "widths: %s\n", strings.Join(widths, " "))
		for r := range rows {
			if h, _ := f.GetRowHeight(sheet, r+1); h != 15 {
				fmt.Fprintf(&b, "height %d: %g\n", r+1, h)
			}
		}
		for r, cells := range rows {
			for c, v := range cells {
				ref := wbCol(c+1) + strconv.Itoa(r+1)
				fm, _ := f.GetCellFormula(sheet, ref)
				if v == "" && fm == "" {
					continue
				}
				typ, _ := f.GetCellType(sheet, ref)
				shown := v
				switch {
				case fm != "":
					shown = "=" + fm + " [" + v + "]"
				case typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString:
					shown = strconv.Quote(v)
				}
				if nf := wbNumFmt(t, f, sheet, ref); nf != "" && (fm != "" || typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
					shown += "  {" + nf + "}"
				}
				fmt.Fprintf(&b, "%s %s\n", ref, shown)
			}
		}
	}
	b.WriteString(wbCharts(t, data))
	return b.String()
}

func wbCol(c int) string {
	n, _ := excelize.ColumnNumberToName(c)
	return n
}

func wbNumFmt(t testing.TB, f *excelize.File, sheet, ref string) string {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return ""
}

// wbCharts lists each sheet's charts from the package parts: type, title
// and the cell ranges they plot (excelize cannot read charts back).
func wbCharts(t testing.TB, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	type relsXML struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	rels := func(part string) map[string]string {
		dir, file := path.Split(part)
		var r relsXML
		_ = xml.Unmarshal(parts[dir+"_rels/"+file+".rels"], &r)
		out := map[string]string{}
		for _, x := range r.Rel {
			target := x.Target
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Clean(dir + target)
			}
			out[x.ID] = target
		}
		return out
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(parts["xl/workbook.xml"], &wb); err != nil {
		t.Fatal(err)
	}
	wbRels := rels("xl/workbook.xml")
	drawingRe := regexp.MustCompile(`<drawing [^>]*r:id="([^"]+)"`)
	titleRe := regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	refRe := regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	typeRe := regexp.MustCompile(`<(?:c:)?(barChart|lineChart|pieChart|areaChart)>`)
	dirRe := regexp.MustCompile(`<(?:c:)?barDir val="(\w+)"`)
	varyRe := regexp.MustCompile(`<(?:c:)?varyColors val="(\w+)"`)
	var b strings.Builder
	for _, s := range wb.Sheets {
		sheetPart := wbRels[s.RID]
		m := drawingRe.FindSubmatch(parts[sheetPart])
		if m == nil {
			continue
		}
		drawing := rels(sheetPart)[string(m[1])]
		dr := rels(drawing)
		var charts []string
		for _, target := range dr {
			if strings.Contains(target, "charts/") {
				charts = append(charts, target)
			}
		}
		sort.Slice(charts, func(i, j int) bool {
			return len(charts[i]) < len(charts[j]) || len(charts[i]) == len(charts[j]) && charts[i] < charts[j]
		})
		fmt.Fprintf(&b, "\n== charts of %s\n", s.Name)
		for _, c := range charts {
			x := string(parts[c])
			typ := ""
			if m := typeRe.FindStringSubmatch(x); m != nil {
				typ = m[1]
			}
			if m := dirRe.FindStringSubmatch(x); m != nil {
				typ += "/" + m[1]
			}
			if m := varyRe.FindStringSubmatch(x); m != nil {
				typ += " varyColors=" + m[1]
			}
			var title []string
			for _, m := range titleRe.FindAllStringSubmatch(x, -1) {
				title = append(title, html.UnescapeString(m[1]))
			}
			var refs []string
			for _, m := range refRe.FindAllStringSubmatch(x, -1) {
				refs = append(refs, html.UnescapeString(m[1]))
			}
			fmt.Fprintf(&b, "%s %s %q %s\n", path.Base(c), typ, strings.Join(title, ""), strings.Join(refs, " "))
		}
	}
	return b.String()
}

// TestWorkbookEmpty: a period with nothing in it still makes a workbook.
func TestWorkbookEmpty(t *testing.T) {
	data := wbWrite(t, &summary.Summary{Period: summary.Period{From: 2024, To: 2024}}, Document{})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 5 || got[3] != SheetAwards {
		t.Errorf("sheets %q", got)
	}
}

// TestWorkbookFonts: every cell is Times New Roman.
func TestWorkbookFonts(t *testing.T) {
	s, d := wbRealistic()
	f, err := excelize.OpenReader(bytes.NewReader(wbWrite(t, s, d)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, cells := range rows {
			for c := range cells {
				ref := wbCol(c+1) + strconv.Itoa(r+1)
				id, _ := f.GetCellStyle(sheet, ref)
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				if st.Font == nil || st.Font.Family != "Times New Roman" {
					t.Fatalf("%s!%s font %+v, want Times New Roman", sheet, ref, st.Font)
				}
			}
		}
	}
}

// TestWorkbookIsSubmission is the promise of FORMATS.md §6: the Tổng hợp
// sheet, read as a wide submission, is the compiling unit's and gives the
// period's figures back, so every total comes out the same.
func TestWorkbookIsSubmission(t *testing.T) {
	cat := catalog.Builtin()
	s, d := wbRealistic()
	data := wbWrite(t, s, d)
	sub := submission.ReadBytes("tong-ket-2019-2024.xlsx", data, submission.Options{Catalog: cat})
	if len(sub.Units) != 1 {
		t.Fatalf("units %+v, findings %v", sub.Units, sub.Findings)
	}
	sub.Resolve(submission.NewDirectory(nil, false))
	if err := check.Run(sub, cat, check.NoHistory{}); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, f := range sub.Findings {
		if f.Severity == finding.Error {
			t.Errorf("error %s at %s: %s", f.Code, f.Cell, f.Message)
		} else {
			warnings = append(warnings, f.Code+"@"+f.Cell)
		}
	}
	// Warnings do not block an ingest; this summary has none.
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	u := sub.Units[0]
	if sub.Sheet != SheetSummary || sub.Layout != submission.Wide || u.Code != d.UnitCode || u.Name != d.UnitName || u.Resolved != d.UnitCode {
		t.Fatalf("sheet %q layout %s unit %+v, want %s's wide table of %s %s", sub.Sheet, sub.Layout, u, SheetSummary, d.UnitCode, d.UnitName)
	}
	got := map[string]map[int]int64{}
	for _, fg := range sub.Figures {
		if got[fg.Indicator] == nil {
			got[fg.Indicator] = map[int]int64{}
		}
		got[fg.Indicator][int(fg.Year)] = fg.Value
	}
	for _, ind := range s.Indicators {
		t.Run(ind.Code, func(t *testing.T) {
			years := got[ind.Code]
			for y := s.Period.From; y <= s.Period.To; y++ {
				want, ok := ind.Year(y)
				v, read := years[y]
				if ok != read || int64(want) != v {
					t.Errorf("%d: read %d (%v), want %d (%v)", y, v, read, want, ok)
				}
			}
			if ind.Total == nil {
				if len(years) != 0 {
					t.Errorf("nothing reported, but read %v", years)
				}
				return
			}
			var total int64
			if ind.Agg == "last" {
				total = years[s.Period.To]
			} else {
				for _, v := range years {
					total += v
				}
			}
			if total != int64(*ind.Total) {
				t.Errorf("total read back %d, want %d", total, *ind.Total)
			}
		})
	}
}

// TestWorkbookTextStaysText: names that look like formulas are written as
// strings and read back unchanged, by excelize and by our reader.
func TestWorkbookTextStaysText(t *testing.T) {
	names := []string{
		`=HYPERLINK("http://evil","x")`,
		"+1",
		"@SUM(1)",
		"-2+3",
		"=1+1",
		" Xã  Đông Xuân ",
		"00005",
	}
	s, _ := wbEdge()
	s.Units = nil
	for i, n := range names {
		code := fmt.Sprintf("%05d", i)
		if i == 0 {
			code = "=A1"
		}
		s.Units = append(s.Units, summary.Unit{Code: code, Name: n, YearsReported: []int{2023}, YearsMissing: []int{2024}})
	}
	d := Document{UnitCode: "=1+2", UnitName: `=HYPERLINK("http://evil","x")`}
	data := wbWrite(t, s, d)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), "t.xlsx", xlsx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	read := map[string]map[string]xlsx.Cell{} // sheet → ref → cell
	for _, sh := range book.Sheets() {
		read[sh.Name] = map[string]xlsx.Cell{}
		if err := book.Rows(sh, func(r xlsx.Row) error {
			for _, c := range r.Cells {
				read[sh.Name][c.Ref] = c
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	type want struct{ sheet, ref, text string }
	var cases []want
	for i, u := range s.Units {
		cases = append(cases,
			want{SheetByUnit, "B" + strconv.Itoa(6+i), u.Code},
			want{SheetByUnit, "C" + strconv.Itoa(6+i), u.Name},
			want{SheetCompleteness, "B" + strconv.Itoa(5+i), u.Code},
			want{SheetCompleteness, "C" + strconv.Itoa(5+i), u.Name})
	}
	cases = append(cases,
		want{SheetSummary, "A2", "Đơn vị: " + d.UnitName},
		want{SheetSummary, "A3", "Mã đơn vị: " + d.UnitCode})
	for _, c := range cases {
		t.Run(c.sheet+"!"+c.ref, func(t *testing.T) {
			if fm, _ := f.GetCellFormula(c.sheet, c.ref); fm != "" {
				t.Errorf("excelize sees the formula %q", fm)
			}
			if v, _ := f.GetCellValue(c.sheet, c.ref); v != c.text {
				t.Errorf("excelize reads %q, want %q", v, c.text)
			}
			cell := read[c.sheet][c.ref]
			if cell.Kind != xlsx.Text || cell.Formula || cell.Value != c.text {
				t.Errorf("xlsx reads %+v, want text %q", cell, c.text)
			}
		})
	}
	// The compiling unit's code comes back as written, as text.
	sub := submission.ReadBytes("t.xlsx", data, submission.Options{Catalog: catalog.Builtin()})
	if len(sub.Units) != 1 || sub.Units[0].Code != d.UnitCode || sub.Units[0].Name != d.UnitName {
		t.Errorf("submission unit %+v, want %q %q", sub.Units, d.UnitCode, d.UnitName)
	}
}

// TestWorkbookLibreOffice opens the workbook in LibreOffice and checks that
// the totals are numbers there too. CI does not install LibreOffice, so the
// test is skipped wherever soffice is missing, CI included.
func TestWorkbookLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	if testing.Short() {
		t.Skip("slow: starts LibreOffice")
	}
	s, d := wbRealistic()
	dir := t.TempDir()
	in := filepath.Join(dir, "tong-ket.xlsx")
	if err := os.WriteFile(in, wbWrite(t, s, d), 0o644); err != nil {
		t.Fatal(err)
	}
	// CSV of the first sheet, values as stored rather than as formatted
	// (filter token 9 "save cell contents as shown" = false).
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false",
		"--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "tong-ket.csv"))
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	nYears := s.Period.Years()
	totalCol := 4 + nYears
	byCode := map[string][]string{}
	for _, r := range records {
		if len(r) > totalCol {
			byCode[r[1]] = r
		}
	}
	if h := byCode["Mã chỉ tiêu"]; h == nil || h[totalCol] != "Tổng giai đoạn" {
		t.Fatalf("no header row with Tổng giai đoạn in column %d:\n%s", totalCol+1, raw)
	}
	for _, ind := range s.Indicators {
		r := byCode[ind.Code]
		if r == nil {
			t.Errorf("%s: no row", ind.Code)
			continue
		}
		want := ""
		if ind.Total != nil {
			want = ind.Total.String()
		}
		if got := r[totalCol]; got != want {
			t.Errorf("%s: LibreOffice shows total %q, want %q", ind.Code, got, want)
		}
		if c, ok := changePercent(ind); ok {
			// A percent cell keeps its % sign even unformatted.
			got, err := strconv.ParseFloat(strings.TrimSuffix(r[totalCol+2], "%"), 64)
			if err != nil || got < c-1e-9 || got > c+1e-9 {
				t.Errorf("%s: change %q, want %g%%", ind.Code, r[totalCol+2], c)
			}
		}
	}
}

// TestWorkbookComparison: Tổng hợp shows the previous period and the
// change only where the two compare (FORMATS.md §5.1), coverage of both
// always, and marks the years lacking a unit's report; Theo năm writes
// them "2021 (*)" and names the units under the table.
func TestWorkbookComparison(t *testing.T) {
	s, d := wbRealistic()
	// Make one indicator comparable: every other row stays without.
	s.Indicators[2].Coverage, s.Indicators[2].Previous.Coverage = 0.92, 0.95
	s.Indicators[2].SetComparison(true, true)
	f, err := excelize.OpenReader(bytes.NewReader(wbWrite(t, s, d)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	head := rows[4]
	col := func(label string) int {
		for i, h := range head {
			if strings.HasPrefix(h, label) {
				return i
			}
		}
		t.Fatalf("no column %q in %q", label, head)
		return -1
	}
	prev, change, cov, covPrev := col("Giai đoạn trước"), col("Tăng/giảm"), col("Tỷ lệ có số liệu 2019"), col("Tỷ lệ có số liệu 2013")
	cell := func(r []string, c int) string {
		if c < len(r) {
			return r[c]
		}
		return ""
	}
	for i, ind := range s.Indicators {
		r := rows[5+i]
		if ind.Change != nil {
			if cell(r, prev) == "" || cell(r, change) == "" {
				t.Errorf("%s compares but shows previous %q, change %q", ind.Code, cell(r, prev), cell(r, change))
			}
		} else if cell(r, prev) != "" || cell(r, change) != "" {
			t.Errorf("%s does not compare but shows previous %q, change %q", ind.Code, cell(r, prev), cell(r, change))
		}
		if cell(r, cov) == "" || cell(r, covPrev) == "" {
			t.Errorf("%s: no coverage", ind.Code)
		}
	}
	// 2021: nobody reported; its heading is coloured and the note names the units.
	st, err := f.GetCellStyle(SheetSummary, "G5")
	if err != nil {
		t.Fatal(err)
	}
	if style, _ := f.GetStyle(st); style == nil || len(style.Fill.Color) == 0 || style.Fill.Color[0] != "F8CBAD" {
		t.Errorf("2021's heading is not marked: %+v", style)
	}
	all := strings.Join(func() []string {
		var out []string
		for _, r := range rows {
			out = append(out, strings.Join(r, "|"))
		}
		return out
	}(), "\n")
	if !strings.Contains(all, "Năm tô màu cam: năm chưa đủ báo cáo của các đơn vị") || !strings.Contains(all, "thiếu Quận Hồng Bàng, Quận Ngô Quyền, Quận Lê Chân, Quận Kiến An, Huyện Thủy Nguyên") {
		t.Errorf("Tổng hợp does not name the missing units:\n%s", all)
	}
	years, err := f.GetRows(SheetByYear)
	if err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, r := range years {
		if len(r) > 0 && strings.HasSuffix(r[0], "(*)") {
			marked = append(marked, r[0])
		}
	}
	if strings.Join(marked, ",") != "2019 (*),2020 (*),2021 (*),2022 (*),2023 (*),2024 (*)" {
		t.Errorf("Theo năm marks %v (Quận Đồ Sơn never reported: every year lacks it)", marked)
	}
}
