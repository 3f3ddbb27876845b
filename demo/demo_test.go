package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/internal/goldenfile"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/store"
)

var clock = func() time.Time { return time.Date(2025, 1, 5, 8, 0, 0, 0, time.UTC) }

// TestDemoSummaries runs the demo and compares its §5 JSON with golden files
// and, independently, with totals computed from the generator's own record
// of the figures (expected.json) using the §5 rules.
func TestDemoSummaries(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := Run(context.Background(), &out, Options{Dir: dir, Lang: lang.VI, Now: clock}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3.234 thêm mới, 6 cập nhật, 298 không đổi", "kien-an-loi.xlsx: bị từ chối", "TỔNG KẾT 10 NĂM, GIAI ĐOẠN 2013–2023", "TỔNG KẾT 5 NĂM, GIAI ĐOẠN 2019–2024",
		// The 10-year report's previous period is thin: it says so instead of claiming growth.
		"Giai đoạn 2002–2012 mới có số liệu của 41/132 lượt đơn vị-năm (31,1%) nên chưa so sánh được kết quả hai giai đoạn",
		// The 5-year one's is complete enough: it compares.
		"- Tổ chức 13.868 buổi tuyên truyền (gần 14 nghìn buổi), tăng 20,7% so với giai đoạn 2013–2018;",
		"Số liệu khen thưởng lấy từ các danh sách khen thưởng đã nhập (2019–2024), chưa đủ cả giai đoạn 2013–2023.",
		"(*) Năm chưa đủ báo cáo của các đơn vị, tổng của năm đó thấp hơn thực tế: năm 2020 thiếu Huyện Thủy Nguyên.",
		// The office's sections file, its placeholders filled.
		"I. ĐẶC ĐIỂM TÌNH HÌNH Hải Phòng là thành phố cảng",
		"giai đoạn 2013–2023 được triển khai đồng bộ ở 12 quận, huyện.",
		"(0 mục đơn vị tự viết còn để trống",
	} {
		// Whatever the line breaks of the text summary.
		if flat := strings.Join(strings.Fields(out.String()), " "); !strings.Contains(flat, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	for _, want := range []string{"khen-thuong-2019-2024.xlsx: đã lưu", "khen-thuong-loi.xlsx: bị từ chối", "92 gương điển hình tiên tiến, trong đó: 23 tập thể, 69 cá nhân"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	for _, f := range []string{"khen-thuong-2019-2024.xlsx", "khen-thuong-2019-2024.pdf", "khen-thuong-2019-2024.json", "khen-thuong-2019-2024.docx",
		"tong-ket-2013-2023.pdf", "tong-ket-2013-2023.docx", "tong-ket-2013-2023-noi-dung.docx", "tong-ket-2019-2024.xlsx"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("demo did not write %s: %v", f, err)
		}
	}
	expected := loadExpected(t)
	for _, p := range Periods {
		name := "tong-ket-" + p.String() + ".json"
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		goldenfile.Check(t, filepath.Join("testdata", name), got)
		checkAgainstExpected(t, p.From, p.To, got, expected)
	}
}

type figures map[string]map[string]map[string]float64 // unit → indicator → year → value

func loadExpected(t *testing.T) figures {
	b, err := os.ReadFile("expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var f figures
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

var stocks = map[string]bool{"MH_HIEUQUA": true, "XA_TUQUAN": true, "XA_CAMERA": true, "CAMERA_SO": true}

// total computes an indicator's period total the plain way: flows add
// every value, stocks add each unit's latest value in the period.
func total(f figures, ind string, from, to int) (float64, bool) {
	sum, any := 0.0, false
	for _, inds := range f {
		latest, ly := 0.0, 0
		for ys, v := range inds[ind] {
			y, _ := strconv.Atoi(ys)
			if y < from || y > to {
				continue
			}
			any = true
			if !stocks[ind] {
				sum += v
			} else if y > ly {
				latest, ly = v, y
			}
		}
		sum += latest
	}
	return sum, any
}

// coverage is the share of unit-years of [from, to] with a value for ind.
func coverage(f figures, ind string, from, to int) float64 {
	n := 0
	for _, inds := range f {
		for ys := range inds[ind] {
			if y, _ := strconv.Atoi(ys); y >= from && y <= to {
				n++
			}
		}
	}
	return float64(n) / float64(len(f)*(to-from+1))
}

func checkAgainstExpected(t *testing.T, from, to int, got []byte, exp figures) {
	t.Helper()
	var s struct {
		Indicators []struct {
			Code     string
			Total    *float64
			Coverage float64
			Previous struct {
				Total      *float64
				Coverage   float64
				Comparable bool
			}
			Change *float64
		}
		Completeness struct{ Expected, Received int }
		Awards       struct {
			Total  int
			ByKind map[string]int `json:"by_kind"`
			ByForm map[string]int `json:"by_form"`
		}
	}
	if err := json.Unmarshal(got, &s); err != nil {
		t.Fatal(err)
	}
	n := to - from + 1
	for _, ind := range s.Indicators {
		// §5.1, counted the plain way: unit-years with a value of those
		// expected (every unit that has figures, every year).
		cov, prevCov := coverage(exp, ind.Code, from, to), coverage(exp, ind.Code, from-n, from-1)
		if math.Abs(ind.Coverage-cov) > 1e-9 || math.Abs(ind.Previous.Coverage-prevCov) > 1e-9 {
			t.Errorf("%d-%d %s: coverage %v and %v, want %v and %v", from, to, ind.Code, ind.Coverage, ind.Previous.Coverage, cov, prevCov)
		}
		comparable := cov >= 0.9 && prevCov >= 0.9
		if ind.Previous.Comparable != comparable {
			t.Errorf("%d-%d %s: comparable %v, want %v", from, to, ind.Code, ind.Previous.Comparable, comparable)
		}
		if comparable && ind.Total != nil && ind.Previous.Total != nil {
			if want := *ind.Total / *ind.Previous.Total - 1; ind.Change == nil || math.Abs(*ind.Change-want) > 1e-9 {
				t.Errorf("%d-%d %s: change %v, want %v", from, to, ind.Code, ind.Change, want)
			}
		} else if ind.Change != nil {
			t.Errorf("%d-%d %s: change %v where nothing compares", from, to, ind.Code, *ind.Change)
		}
		for _, c := range []struct {
			from, to int
			got      *float64
		}{{from, to, ind.Total}, {from - n, from - 1, ind.Previous.Total}} {
			want, ok := total(exp, ind.Code, c.from, c.to)
			switch {
			case !ok && c.got != nil:
				t.Errorf("%d-%d %s: total %v, want null", c.from, c.to, ind.Code, *c.got)
			case ok && (c.got == nil || math.Abs(*c.got-want) > 0.001):
				t.Errorf("%d-%d %s: total %v, want %v", c.from, c.to, ind.Code, c.got, want)
			}
		}
	}
	// The demo roster (demo/rosters/README.md): 92 awards decided 2019–2024.
	if from == 2019 && (s.Awards.Total != 92 || s.Awards.ByKind["Tập thể"] != 23 || s.Awards.ByForm["Bằng khen"] != 11) {
		t.Errorf("awards %+v, want 92: 23 tập thể, 11 Bằng khen", s.Awards)
	}
	units := len(exp)
	if s.Completeness.Expected != units*n {
		t.Errorf("completeness expected %d, want %d units × %d years", s.Completeness.Expected, units, n)
	}
}

// TestSummaryWorkbookRoundTrip is the §6 promise: a district's summary
// workbook is the city's submission. Ingesting the Tổng hợp sheet into a
// fresh database as one unit reproduces every total, sum and last alike.
func TestSummaryWorkbookRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := Run(ctx, io.Discard, Options{Dir: dir, Lang: lang.VI, Now: clock}); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, filepath.Join(dir, DBName), store.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, p := range Periods {
		s, err := db.Summarize(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		wb := filepath.Join(dir, "tk-"+p.String()+".xlsx")
		d := report.Document{UnitCode: "HP", UnitName: "Thành phố Hải Phòng", Date: clock()}
		if err := atomicfile.Write(wb, func(w io.Writer) error { return report.WriteWorkbook(w, s, d) }); err != nil {
			t.Fatal(err)
		}
		city, err := store.Open(ctx, filepath.Join(dir, "city-"+p.String()+".db"), store.Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		res, err := intake.Ingest(ctx, city, []string{wb}, intake.Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Valid || res.Totals.Stored != 1 {
			res.WriteText(os.Stderr, lang.VI)
			t.Fatalf("the summary workbook was not accepted as a submission")
		}
		again, err := city.Summarize(ctx, p)
		city.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i, ind := range s.Indicators {
			a, b := ind.Total, again.Indicators[i].Total
			if (a == nil) != (b == nil) || (a != nil && *a != *b) {
				t.Errorf("%s %s: total %v, after the round trip %v", p, ind.Code, a, b)
			}
			for y := p.From; y <= p.To; y++ {
				x, okx := ind.Year(y)
				z, okz := again.Indicators[i].Year(y)
				if okx != okz || x != z {
					t.Errorf("%s %s %d: %v, after the round trip %v", p, ind.Code, y, x, z)
				}
			}
		}
		if u := again.Units; len(u) != 1 || u[0].Code != "HP" {
			t.Errorf("units after the round trip: %+v", u)
		}
	}
}
