package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/vn"
)

// rosterOrgs are the organisations in print order.
var rosterOrgs = []string{"Công an", "Mặt trận Tổ quốc", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "Khác"}

// rosterEntry is a test entry: kind, organisation and the printed fields.
type rosterEntry struct {
	kind, org, name, position, unit, form, authority, number, date, achievement string
}

// rosterExport builds an Export the way roster.Build lays it out: groups of
// consecutive entries of one kind and organisation, STT restarting for each
// kind, the counts, the table and the counts line.
func rosterExport(from, to int, entries []rosterEntry, line bool) roster.Export {
	var e roster.Export
	e.Period.From, e.Period.To = from, to
	e.Counts = roster.Counts{ByKind: map[string]int{}, ByOrganisation: map[string]int{}, ByForm: map[string]int{}}
	table := map[string]*roster.TableRow{}
	stt := 0
	for i, x := range entries {
		if i == 0 || x.kind != entries[i-1].kind {
			stt = 0
		}
		if i == 0 || x.kind != entries[i-1].kind || x.org != entries[i-1].org {
			e.Groups = append(e.Groups, roster.Group{Kind: x.kind, Organisation: x.org})
		}
		stt++
		n := roster.Numbered{STT: stt, Date: x.date, Entry: roster.Entry{
			Name: x.name, Kind: x.kind, Position: x.position, Unit: x.unit, Organisation: x.org,
			Form: x.form, Authority: x.authority, DecisionNumber: x.number, Achievement: x.achievement,
		}}
		if d, err := time.Parse("2006-01-02", x.date); err == nil && i%2 == 0 {
			n.DecisionDate = d // the reader fills both; some tests only one
		}
		g := &e.Groups[len(e.Groups)-1]
		g.Entries = append(g.Entries, n)
		e.Counts.Total++
		e.Counts.ByKind[x.kind]++
		e.Counts.ByOrganisation[x.org]++
		e.Counts.ByForm[x.form]++
		r := table[x.org]
		if r == nil {
			r = &roster.TableRow{Organisation: x.org, ByKindForm: map[string]map[string]int{}}
			table[x.org] = r
		}
		if r.ByKindForm[x.kind] == nil {
			r.ByKindForm[x.kind] = map[string]int{}
		}
		r.ByKindForm[x.kind][x.form]++
		r.Total++
	}
	for _, o := range rosterOrgs {
		if r := table[o]; r != nil {
			e.Table = append(e.Table, *r)
			delete(table, o)
		}
	}
	for _, g := range e.Groups {
		if r := table[g.Organisation]; r != nil {
			e.Table = append(e.Table, *r)
			delete(table, g.Organisation)
		}
	}
	if line {
		var parts []string
		for _, o := range rosterOrgs {
			if n := e.Counts.ByOrganisation[o]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, o))
			}
		}
		e.Line = fmt.Sprintf("%s gương điển hình tiên tiến (%d tập thể, %d cá nhân): %s.",
			vn.FormatInt(int64(e.Counts.Total)), e.Counts.ByKind[roster.Collective], e.Counts.ByKind[roster.Individual], strings.Join(parts, ", "))
	}
	return e
}

const (
	tapThe = roster.Collective
	caNhan = roster.Individual

	ubndTP = "Chủ tịch UBND thành phố"
	gdCA   = "Giám đốc Công an thành phố"
	btBCA  = "Bộ trưởng Bộ Công an"
)

// rosterSample is a city's 2019–2024 roster, in print order.
func rosterSample() (roster.Export, Document) {
	entries := []rosterEntry{
		{tapThe, "Công an", "Công an phường Hoàng Văn Thụ", "", "Quận Hồng Bàng", "Bằng khen", btBCA, "4786/QĐ-BCA", "2023-06-12",
			"Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2019–2024, xây dựng mô hình \"Camera an ninh\" trên 12 tuyến phố"},
		{tapThe, "Công an", "Công an xã An Đồng", "", "Huyện An Dương", "Bằng khen", gdCA, "1025/QĐ-CAHP", "2024-02-05",
			"Phối hợp giải quyết dứt điểm 18 vụ mâu thuẫn tại cơ sở"},
		{tapThe, "Hội Cựu chiến binh", "Chi hội Cựu chiến binh thôn Trung Hành 5", "", "Phường Đằng Lâm, Quận Hải An", "Giấy khen", "Chủ tịch UBND quận Hải An", "312/QĐ-UBND", "2022-11-20",
			"Duy trì mô hình tự quản về an ninh, trật tự ở khu dân cư"},
		{tapThe, "Hội Liên hiệp Phụ nữ", "Chi hội Phụ nữ tổ dân phố số 3", "", "Phường Lạch Tray, Quận Ngô Quyền", "Giấy khen", "Chủ tịch UBND quận Ngô Quyền", "207/QĐ-UBND", "2021-03-08",
			"Vận động 45 hộ gia đình ký cam kết không có người vi phạm pháp luật"},
		{tapThe, "Đoàn Thanh niên", "Chi đoàn thanh niên phường Cát Dài", "", "Quận Lê Chân", "Biểu dương", "Chủ tịch UBND quận Lê Chân", "98/QĐ-UBND", "2024-01-15",
			"Ra quân tuần tra, bảo vệ an ninh trật tự đêm"},
		{caNhan, "Công an", "Nguyễn Văn An", "Trưởng Công an xã", "Xã Đông Sơn, Huyện Thủy Nguyên", "Bằng khen", ubndTP, "2315/QĐ-UBND", "2024-08-01",
			"Chỉ đạo xây dựng 3 mô hình tự quản, phát hiện 12 tin có giá trị"},
		{caNhan, "Công an", "Trần Minh Đức", "Đội trưởng Đội Xây dựng phong trào", "Công an quận Kiến An", "Bằng khen", gdCA, "1025/QĐ-CAHP", "2024-02-05",
			"Tham mưu tổ chức 240 buổi tuyên truyền"},
		{caNhan, "Công an", "Phạm Thị Hạnh", "Cán bộ", "Công an phường Máy Chai", "Giấy khen", "Trưởng Công an quận Ngô Quyền", "56/QĐ-CAQ", "2020-09-30",
			"Vận động quần chúng giao nộp 7 vũ khí, vật liệu nổ"},
		{caNhan, "Mặt trận Tổ quốc", "Lê Thị Bích", "Chủ tịch Ủy ban MTTQ phường", "Phường Trần Nguyên Hãn, Quận Lê Chân", "Bằng khen", ubndTP, "2315/QĐ-UBND", "2024-08-01",
			"Vận động xây 14 nhà đại đoàn kết"},
		{caNhan, "Mặt trận Tổ quốc", "Vũ Văn Thắng", "Trưởng ban công tác Mặt trận", "Tổ dân phố số 7, Phường Ngọc Xuyên, Quận Đồ Sơn", "Giấy khen", "Chủ tịch UBND quận Đồ Sơn", "140/QĐ-UBND", "2019-12-26",
			"Hòa giải thành 9 vụ tranh chấp đất đai"},
		{caNhan, "Hội Cựu chiến binh", "Đỗ Văn Hùng", "Chi hội trưởng", "Thôn Trung Hành 5, Phường Đằng Lâm", "Bằng khen", ubndTP, "2315/QĐ-UBND", "2024-08-01",
			"Cảm hóa, giáo dục 4 người có quá khứ lầm lỗi"},
		{caNhan, "Hội Cựu chiến binh", "Hoàng Văn Long", "Hội viên", "Xã Tân Tiến, Huyện An Dương", "Giấy khen", "Chủ tịch UBND huyện An Dương", "88/QĐ-UBND", "2023-01-09",
			"Phát hiện, tố giác 2 vụ trộm cắp tài sản"},
		{caNhan, "Hội Cựu chiến binh", "Bùi Đức Tâm", "Hội viên", "Xã Quang Trung, Huyện An Lão", "Biểu dương", "Chủ tịch UBND huyện An Lão", "301/QĐ-UBND", "2022-10-14",
			"Gương mẫu tham gia tuần tra đêm"},
		{caNhan, "Hội Liên hiệp Phụ nữ", "Nguyễn Thị Lan", "Chi hội trưởng Phụ nữ", "Tổ dân phố số 3, Phường Lạch Tray", "Bằng khen", ubndTP, "2315/QĐ-UBND", "2024-08-01",
			"Xây dựng mô hình \"Phụ nữ không có người thân vi phạm pháp luật\""},
		{caNhan, "Hội Liên hiệp Phụ nữ", "Đào Thị Mai", "Hội viên", "Xã Kiến Quốc, Huyện Kiến Thụy", "Giấy khen", "Chủ tịch UBND huyện Kiến Thụy", "77/QĐ-UBND", "2021-04-02",
			"Vận động 20 hộ ký cam kết"},
		{caNhan, "Hội Liên hiệp Phụ nữ", "Phạm Thị Thu Trang", "Phó Chủ tịch Hội LHPN xã", "Xã Đại Hợp, Huyện Kiến Thụy", "Biểu dương", "Chủ tịch UBND huyện Kiến Thụy", "77/QĐ-UBND", "2021-04-02",
			"Tuyên truyền phòng, chống ma túy"},
		{caNhan, "Hội Nông dân", "Vũ Văn Khải", "Chi hội trưởng Nông dân", "Xã Tiên Cường, Huyện Tiên Lãng", "Giấy khen", "Chủ tịch UBND huyện Tiên Lãng", "415/QĐ-UBND", "2020-07-21",
			"Vận động nông dân giữ gìn an ninh nông thôn"},
		{caNhan, "Đoàn Thanh niên", "Ngô Quang Huy", "Bí thư Đoàn phường", "Phường Cát Dài, Quận Lê Chân", "Bằng khen", ubndTP, "2315/QĐ-UBND", "2024-08-01",
			"Thành lập đội thanh niên xung kích an ninh"},
		{caNhan, "Khác", "Trương Văn Sơn", "Trưởng thôn", "Thôn Mỹ Cụ, Xã Chính Mỹ, Huyện Thủy Nguyên", "Biểu dương", "Chủ tịch UBND huyện Thủy Nguyên", "", "",
			"Tích cực tham gia phong trào ở khu dân cư"},
	}
	return rosterExport(2019, 2024, entries, true), sampleDocument()
}

// rosterEdge has no document settings, text that looks like formulas, a
// form the user added, missing decision data, individuals only and no
// counts line.
func rosterEdge() (roster.Export, Document) {
	entries := []rosterEntry{
		{caNhan, "Công an", `=HYPERLINK("http://evil","x")`, "+84 912 345 678", "@SUM(1)", "Bằng khen", gdCA, "", "2023-02-05", "=1+1"},
		{caNhan, "Công an", "-Trần Văn Bình", "", "", "Kỷ niệm chương", "", "12/QĐ-CAHP", "", ""},
		{caNhan, "Khác", "Lò Văn Páo", "Người có uy tín", "Bản Khe Mạ", "Giấy khen", "Chủ tịch UBND huyện", "", "", "Giữ gìn an ninh  \n vùng cao"},
	}
	return rosterExport(2024, 2024, entries, false), Document{}
}

// rosterNames are the names of an export in print order.
func rosterNames(e roster.Export) []string {
	var out []string
	for _, g := range e.Groups {
		for _, n := range g.Entries {
			out = append(out, n.Name)
		}
	}
	return out
}

func rosterWorkbook(t *testing.T, e roster.Export, d Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteRosterWorkbook(&b, e, d); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TONGKET_KEEP_XLSX"); dir != "" {
		name := strings.ReplaceAll(t.Name(), "/", "-") + ".xlsx"
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// rosterGolden compares got with testdata/roster/name (-update rewrites it).
func rosterGolden(t *testing.T, name, got string) {
	t.Helper()
	golden(t, filepath.Join("testdata", "roster", name), got)
}

func TestRosterWorkbookGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		make func() (roster.Export, Document)
	}{
		{"danh-sach-2019-2024", rosterSample},
		{"edge", rosterEdge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, d := tt.make()
			got := wbDump(t, rosterWorkbook(t, e, d))
			rosterGolden(t, tt.name+".xlsx.txt", got)
			if again := wbDump(t, rosterWorkbook(t, e, d)); again != got {
				t.Error("a second write of the same roster differs")
			}
		})
	}
}

// TestRosterWorkbook reads the workbook back: the sheets, the header, the
// names in print order under their section and organisation rows, the
// counts line and every count of the counts table.
func TestRosterWorkbook(t *testing.T) {
	e, d := rosterSample()
	f, err := excelize.OpenReader(bytes.NewReader(rosterWorkbook(t, e, d)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != SheetRoster+"|"+SheetRosterCounts {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows(SheetRoster)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rows[0][0], "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG") || !strings.HasSuffix(rows[0][0], "GIAI ĐOẠN 2019–2024") {
		t.Errorf("title %q", rows[0][0])
	}
	if got, want := strings.Join(rows[3], "|"), strings.Join(rosterHeads, "|"); got != want {
		t.Errorf("header %q, want %q", got, want)
	}

	// The list: section, organisation and entry rows in print order.
	var got, want []string
	for _, r := range rows[5:] {
		if len(r) == 0 {
			break
		}
		if len(r) == 1 {
			got = append(got, "# "+r[0])
			continue
		}
		r = append(r, make([]string, 8)...) // GetRows drops empty cells at the end
		got = append(got, r[0]+" "+r[1]+" | "+r[7])
	}
	kind := ""
	sec := 0
	for _, g := range e.Groups {
		if g.Kind != kind {
			kind = g.Kind
			sec++
			want = append(want, "# "+roman(sec)+". "+strings.ToUpper(kind))
		}
		want = append(want, "# "+g.Organisation)
		for _, n := range g.Entries {
			want = append(want, strconv.Itoa(n.STT)+" "+n.Name+" | "+rosterDecision(n))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("list rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Join(got, "\n"), "1 Nguyễn Văn An | 2315/QĐ-UBND ngày 01/8/2024") ||
		!strings.Contains(strings.Join(got, "\n"), "2 Trần Minh Đức | 1025/QĐ-CAHP ngày 05/02/2024") {
		t.Error("decision number and date not as officers write them")
	}
	last := rows[len(rows)-1]
	if len(last) != 1 || last[0] != e.Line {
		t.Errorf("counts line %q, want %q", last, e.Line)
	}

	// The counts table: every organisation's count by kind and form, the
	// sums and the totals, as numbers with their cached values.
	crows, err := f.GetRows(SheetRosterCounts, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	kinds, forms := crows[3], crows[4]
	col := map[string]int{} // "kind/form" → column
	k := ""
	for c := 2; c < len(forms); c++ {
		if c < len(kinds) && kinds[c] != "" {
			k = kinds[c]
		}
		col[k+"/"+forms[c]] = c
	}
	totalCol := len(kinds) - 1
	if kinds[totalCol] != "Tổng cộng" {
		t.Fatalf("header rows %q %q", kinds, forms)
	}
	for i, r := range e.Table {
		row := crows[5+i]
		if row[1] != r.Organisation {
			t.Errorf("row %d: %q, want %q", 6+i, row[1], r.Organisation)
		}
		for _, kind := range roster.Kinds {
			sum := 0
			for form, n := range r.ByKindForm[kind] {
				c, ok := col[kind+"/"+form]
				if !ok {
					t.Fatalf("no column for %s/%s", kind, form)
				}
				if row[c] != strconv.Itoa(n) {
					t.Errorf("%s %s %s: %q, want %d", r.Organisation, kind, form, row[c], n)
				}
				sum += n
			}
			if c := col[kind+"/Cộng"]; row[c] != strconv.Itoa(sum) {
				t.Errorf("%s %s: sum %q, want %d", r.Organisation, kind, row[c], sum)
			}
		}
		if row[totalCol] != strconv.Itoa(r.Total) {
			t.Errorf("%s: total %q, want %d", r.Organisation, row[totalCol], r.Total)
		}
	}
	tot := crows[5+len(e.Table)]
	if tot[0] != "Tổng cộng" || tot[totalCol] != strconv.Itoa(e.Counts.Total) {
		t.Errorf("total row %q, want total %d", tot, e.Counts.Total)
	}
	for _, kind := range roster.Kinds {
		if c := col[kind+"/Cộng"]; tot[c] != strconv.Itoa(e.Counts.ByKind[kind]) {
			t.Errorf("total %s %q, want %d", kind, tot[c], e.Counts.ByKind[kind])
		}
		for form, n := range e.Counts.ByForm {
			sum := 0
			for _, r := range e.Table {
				sum += r.ByKindForm[kind][form]
			}
			if c, ok := col[kind+"/"+form]; ok && tot[c] != strconv.Itoa(sum) || !ok && sum > 0 {
				t.Errorf("total %s %s: %q, want %d (of %d)", kind, form, tot, sum, n)
			}
		}
	}
	if fm, _ := f.GetCellFormula(SheetRosterCounts, "C"+strconv.Itoa(6+len(e.Table))); !strings.HasPrefix(fm, "SUM(") {
		t.Errorf("total row is not a live sum: %q", fm)
	}
}

// TestRosterWorkbookTextStaysText: names and other submitted text that
// look like formulas are string cells.
func TestRosterWorkbookTextStaysText(t *testing.T) {
	e, d := rosterEdge()
	f, err := excelize.OpenReader(bytes.NewReader(rosterWorkbook(t, e, d)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetRoster)
	found := map[string]bool{}
	for r, cells := range rows {
		for c, v := range cells {
			ref := wbCol(c+1) + strconv.Itoa(r+1)
			if fm, _ := f.GetCellFormula(SheetRoster, ref); fm != "" {
				t.Errorf("%s is a formula %q", ref, fm)
			}
			if typ, _ := f.GetCellType(SheetRoster, ref); v != "" && c > 0 && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s %q is not a string cell (%v)", ref, v, typ)
			}
			found[v] = true
		}
	}
	for _, s := range []string{`=HYPERLINK("http://evil","x")`, "+84 912 345 678", "@SUM(1)", "=1+1", "-Trần Văn Bình"} {
		if !found[s] {
			t.Errorf("%q not written back as text", s)
		}
	}
}

func rosterPDF(t *testing.T, e roster.Export, d Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteRosterPDF(&b, e, d); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteRosterPDF(&again, e, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two writes of the same roster differ")
	}
	path := filepath.Join(t.TempDir(), "danh-sach.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TONGKET_KEEP_PDF"); dir != "" {
		// A development aid: keep the PDFs to look at.
		if err := os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "-")+".pdf"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// pdfRaw is pdftotext's reading in the order the text was drawn: cell by
// cell, so that a cell's lines come together, white space collapsed.
func pdfRaw(t *testing.T, path string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(needTool(t, "pdftotext"), "-enc", "UTF-8", "-raw", path, "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v\n%s", err, stderr.Bytes())
	}
	return string(out)
}

// inOrder reports the first of wants not found in text after the previous.
func inOrder(text string, wants []string) (string, bool) {
	at := 0
	for _, w := range wants {
		k := strings.Index(text[at:], w)
		if k < 0 {
			return w, false
		}
		at += k + len(w)
	}
	return "", true
}

func TestRosterPDFGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		make func() (roster.Export, Document)
	}{
		{"danh-sach-2019-2024", rosterSample},
		{"edge", rosterEdge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, d := tt.make()
			path := rosterPDF(t, e, d)
			rosterGolden(t, tt.name+".pdf.txt", pdfRead(t, path, true))

			text := flat(pdfRaw(t, path))
			heads := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phụ lục II", "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"}
			if d.DocNumber != "" {
				heads = append(heads, "(Kèm theo Báo cáo số 125/BC-CAQ ngày 05 tháng 01 năm 2024)")
			} else {
				heads = append(heads, "(Kèm theo Báo cáo số ……/BC-…… ngày …… tháng …… năm ……)")
			}
			heads = append(heads, "STT", "Họ và tên / Tên tập thể", "Số và ngày quyết định")
			if bad, ok := inOrder(text, heads); !ok {
				t.Errorf("PDF lacks %q in its heading:\n%s", bad, text)
			}
			var names []string
			for _, n := range rosterNames(e) {
				names = append(names, oneLine(n))
			}
			if bad, ok := inOrder(text, append(names, rosterLine(e), "TỔNG HỢP SỐ LƯỢNG", "Tổng cộng")); !ok {
				t.Errorf("PDF lacks %q in print order:\n%s", bad, text)
			}
		})
	}
}

// TestRosterPDF checks the sample's sections and counts table.
func TestRosterPDF(t *testing.T) {
	e, d := rosterSample()
	text := flat(pdfRaw(t, rosterPDF(t, e, d)))
	for _, want := range []string{
		"CÔNG AN THÀNH PHỐ HẢI PHÒNG",
		"CÔNG AN QUẬN HỒNG BÀNG",
		`DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG TRONG PHONG TRÀO "TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC" GIAI ĐOẠN 2019–2024`,
		"I. TẬP THỂ", "II. CÁ NHÂN",
		"19 gương điển hình tiên tiến (5 tập thể, 14 cá nhân): 5 Công an, 2 Mặt trận Tổ quốc, 4 Hội Cựu chiến binh, 4 Hội Liên hiệp Phụ nữ, 1 Hội Nông dân, 2 Đoàn Thanh niên, 1 Khác.",
		// Counts table: Công an has 2 collectives (Bằng khen), 3 people
		// (2 Bằng khen, 1 Giấy khen): the Bằng khen, Giấy khen, Biểu
		// dương and Cộng of each kind, then the total.
		"Công an 2 0 0 2 2 1 0 3 5",
		"Tổng cộng 2 2 1 5 6 5 3 14 19",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "<nil>") || strings.Contains(text, "%!") {
		t.Errorf("PDF shows a missing value:\n%s", text)
	}
	if bad, ok := inOrder(text, []string{"I. TẬP THỂ", "Công an", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên",
		"II. CÁ NHÂN", "Công an", "Mặt trận Tổ quốc", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên", "Khác"}); !ok {
		t.Errorf("sections out of order at %q", bad)
	}
}

// rosterLarge is 150 individuals of seven organisations, more than a page
// holds.
func rosterLarge() roster.Export {
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"}
	middle := []string{"Văn", "Thị", "Minh", "Đức", "Thu", "Quang"}
	given := []string{"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phong", "Quỳnh", "Sơn", "Tâm", "Thảo", "Tuấn", "Yến"}
	units := []string{"Phường Hoàng Văn Thụ, Quận Hồng Bàng", "Phường Lạch Tray, Quận Ngô Quyền", "Xã An Đồng, Huyện An Dương", "Phường Đằng Lâm, Quận Hải An", "Xã Tân Tiến, Huyện An Dương"}
	forms := []string{"Bằng khen", "Giấy khen", "Biểu dương"}
	var entries []rosterEntry
	i := 0
	for o, org := range rosterOrgs {
		n := 21 + o%2 // 21, 22, 21, … = 150
		if o == len(rosterOrgs)-1 {
			n = 150 - i
		}
		for k := 0; k < n; k++ {
			entries = append(entries, rosterEntry{
				kind: caNhan, org: org,
				name:      fmt.Sprintf("%s %s %s", family[i%len(family)], middle[i%len(middle)], given[(i*7)%len(given)]),
				position:  "Hội viên",
				unit:      units[i%len(units)],
				form:      forms[i%3],
				authority: ubndTP,
				number:    fmt.Sprintf("%d/QĐ-UBND", 1000+i),
				date:      fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
				achievement: fmt.Sprintf("Người thứ %d: tích cực tham gia phong trào, phát hiện %d tin có giá trị", i+1, i%5+1) +
					strings.Repeat(", tham gia tuần tra đêm", i%3),
			})
			i++
		}
	}
	return rosterExport(2019, 2024, entries, true)
}

// TestRosterPDFPages: a roster longer than a page repeats the table
// header on every page and numbers the pages; every name is there, in
// order.
func TestRosterPDFPages(t *testing.T) {
	e := rosterLarge()
	if e.Counts.Total != 150 {
		t.Fatalf("large roster has %d entries", e.Counts.Total)
	}
	path := rosterPDF(t, e, sampleDocument())
	pages := strings.Split(strings.TrimRight(pdfRaw(t, path), "\f\n"), "\f")
	if len(pages) < 4 {
		t.Fatalf("%d pages; want the list to span several", len(pages))
	}
	listPages := 0
	for i, p := range pages {
		f := flat(p)
		if i > 0 && !strings.HasPrefix(f, strconv.Itoa(i+1)+" ") {
			t.Errorf("page %d does not start with its number: %.60q", i+1, f)
		}
		if !strings.Contains(f, "Người thứ") {
			continue // the counts table alone
		}
		listPages++
		if bad, ok := inOrder(f, []string{"STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Thành tích tóm tắt", "Hình thức", "Cấp khen", "Số và ngày quyết định", "(1)", "(8)"}); !ok {
			t.Errorf("page %d has no table header (%q):\n%s", i+1, bad, p)
		}
	}
	if listPages < 4 {
		t.Errorf("the list spans %d pages", listPages)
	}
	text := flat(strings.Join(pages, " "))
	var wants []string
	for k, n := range rosterNames(e) {
		wants = append(wants, n, fmt.Sprintf("Người thứ %d:", k+1))
	}
	if bad, ok := inOrder(text, wants); !ok {
		t.Errorf("%q missing or out of order", bad)
	}
	if !strings.Contains(text, e.Line) || !strings.Contains(text, "Tổng cộng 0 50 50 50 150 150") {
		t.Errorf("counts line or table missing:\n%s", text[len(text)-800:])
	}
}

// TestRosterPDFTallRow: an entry taller than a page goes on over the next
// page under the header, nothing lost.
func TestRosterPDFTallRow(t *testing.T) {
	var long []string
	for i := 1; i <= 300; i++ {
		long = append(long, fmt.Sprintf("việc-%d", i)) // one word each: lines break between them
	}
	e := rosterExport(2019, 2024, []rosterEntry{
		{caNhan, "Công an", "Nguyễn Văn An", "Trưởng Công an xã", "Xã Đông Sơn", "Bằng khen", ubndTP, "2315/QĐ-UBND", "2024-08-01", strings.Join(long, ", ")},
		{caNhan, "Công an", "Trần Văn Bình", "", "", "Giấy khen", "", "", "", "Ngắn"},
	}, true)
	pages := strings.Split(strings.TrimRight(pdfRaw(t, rosterPDF(t, e, sampleDocument())), "\f\n"), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	if !strings.Contains(flat(pages[1]), "Họ và tên / Tên tập thể") {
		t.Error("no header on the page the row goes on to")
	}
	if bad, ok := inOrder(flat(strings.Join(pages, " ")), append(long, "Trần Văn Bình", e.Line)); !ok {
		t.Errorf("%q lost", bad)
	}
}

// TestRosterPDFFonts: every font is Liberation Serif, embedded as a subset
// with a Unicode map.
func TestRosterPDFFonts(t *testing.T) {
	e, d := rosterSample()
	path := rosterPDF(t, e, d)
	out, err := exec.Command(needTool(t, "pdffonts"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 8 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not embedded as a subset with a Unicode map: %s", l)
		}
		if _, name, _ := strings.Cut(f[0], "+"); !strings.HasPrefix(name, "LiberationSerif") {
			t.Errorf("font %s", f[0])
		}
	}
}

// TestRosterEmpty: a period without awards still gives a workbook and a
// PDF that say so.
func TestRosterEmpty(t *testing.T) {
	e := rosterExport(2019, 2024, nil, false)
	f, err := excelize.OpenReader(bytes.NewReader(rosterWorkbook(t, e, Document{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(SheetRoster, "A6"); v != "Không có tập thể, cá nhân nào được khen thưởng trong giai đoạn 2019–2024." {
		t.Errorf("A6 %q", v)
	}
	text := flat(pdfRaw(t, rosterPDF(t, e, Document{})))
	for _, want := range []string{"Không có tập thể, cá nhân nào được khen thưởng", "Tổng cộng: 0 tập thể, cá nhân."} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}
