// Command gen writes deterministic, realistic submission workbooks for the
// tongket benchmark (bench/run):
//
//	gen -wide N -out DIR      N wide-layout workbooks, one unit each (FORMATS.md §2)
//	gen -long ROWS -out FILE  one long-layout sheet with ROWS data rows (FORMATS.md §3)
//
// The same -seed gives the same bytes' worth of figures (unit i's figures
// depend only on the seed and i, never on scheduling). Figures obey the
// catalog's cross-indicator rules (TT_LUOT >= TT_BUOI, TH_LUOT >= TH_LOP,
// MH_HIEUQUA <= cumulative MH_TRIENKHAI, money > 0 where houses or
// households are counted) and never jump tenfold against neighbouring years,
// so tongket should ingest every file without an error or a warning.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// indicator is one line of the built-in catalog (catalog/builtin.json).
type indicator struct {
	code, name, unit string
	money            bool
}

var catalog = []indicator{
	{"MH_TRIENKHAI", "Số mô hình, cách làm hay được xây dựng, triển khai", "mô hình", false},
	{"MH_HIEUQUA", "Số mô hình đang hoạt động hiệu quả", "mô hình", false},
	{"TT_BUOI", "Số buổi tuyên truyền", "buổi", false},
	{"TT_LUOT", "Số lượt người tham dự tuyên truyền", "lượt người", false},
	{"TIN_GIATRI", "Số tin có giá trị cung cấp cho lực lượng Công an", "tin", false},
	{"TH_LOP", "Số lớp tập huấn", "lớp", false},
	{"TH_LUOT", "Số lượt cán bộ được tập huấn", "lượt người", false},
	{"CH_NGUOI", "Số người có quá khứ lầm lỗi được cảm hóa, giáo dục tại cộng đồng", "người", false},
	{"NHA_SO", "Số nhà đại đoàn kết, nhà tình nghĩa được xây, sửa", "nhà", false},
	{"NHA_TIEN", "Kinh phí xây, sửa nhà đại đoàn kết, nhà tình nghĩa", "triệu đồng", true},
	{"VON_HO", "Số hộ khó khăn được hỗ trợ vốn phát triển sản xuất", "hộ", false},
	{"VON_TIEN", "Số tiền hỗ trợ vốn phát triển sản xuất", "triệu đồng", true},
	{"QUA_LUOT", "Số lượt hộ có hoàn cảnh khó khăn được tặng quà", "lượt hộ", false},
	{"VK_GIAONOP", "Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận động giao nộp", "khẩu, quả, chiếc", false},
	{"HG_VU", "Số vụ mâu thuẫn, tranh chấp được hòa giải thành", "vụ", false},
	{"XA_TUQUAN", "Số xã, phường có mô hình \"Tự quản về an ninh, trật tự\"", "xã, phường", false},
	{"XA_CAMERA", "Số xã, phường có mô hình \"Camera an ninh\"", "xã, phường", false},
	{"CAMERA_SO", "Số camera an ninh được lắp đặt, kết nối", "camera", false},
}

// Indices into catalog.
const (
	iMhTrienkhai = iota
	iMhHieuqua
	iTtBuoi
	iTtLuot
	iTinGiatri
	iThLop
	iThLuot
	iChNguoi
	iNhaSo
	iNhaTien
	iVonHo
	iVonTien
	iQuaLuot
	iVkGiaonop
	iHgVu
	iXaTuquan
	iXaCamera
	iCameraSo
	nIndicators
)

const title = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"

// missing marks a cell left empty: "not reported".
const missing = math.MinInt64

// unit is one submitting unit and its figures, in hundredths (as tongket
// stores them) so that totals are exact.
type unit struct {
	code, name string
	values     [nIndicators][]int64 // [indicator][year-from]
	notes      [nIndicators]string
}

var syllables = []string{
	"Đông", "Tây", "Nam", "Bắc", "Xuân", "Hạ", "Thu", "Tân", "Hòa", "An", "Phú", "Bình",
	"Thạnh", "Hưng", "Lợi", "Mỹ", "Phước", "Thanh", "Quang", "Vĩnh", "Kiến", "Thụy", "Lạc",
	"Đại", "Hợp", "Tiến", "Thắng", "Minh", "Đức", "Trung", "Nghĩa", "Thái", "Sơn", "Hải",
	"Long", "Cường", "Thịnh", "Hồng", "Phong", "Quý", "Lộc", "Yên", "Định", "Khánh", "Ninh",
	"Thuận", "Tường", "Hiệp", "Kim", "Ngọc",
}

// newUnit makes unit i (0-based) of the data set; it depends only on seed
// and i.
func newUnit(seed int64, i int, from, to int) *unit {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9E3779B97F4A7C15+1))
	n := to - from + 1
	u := &unit{code: fmt.Sprintf("X%05d", i+1)}

	// Most units are communes and wards; one in 25 is a district, with
	// figures an order of magnitude larger and several communes under it.
	district := i%25 == 24
	prefix := []string{"Xã", "Xã", "Xã", "Phường", "Phường", "Thị trấn"}[r.IntN(6)]
	scale := 0.5 + 1.5*r.Float64()
	communes := 1
	if district {
		prefix = []string{"Huyện", "Quận"}[r.IntN(2)]
		communes = 8 + r.IntN(18)
		scale *= float64(communes) * 0.8
	}
	a, b := r.IntN(len(syllables)), r.IntN(len(syllables)-1)
	if b >= a {
		b++
	}
	u.name = fmt.Sprintf("%s %s %s %d", prefix, syllables[a], syllables[b], i+1)

	for k := range u.values {
		u.values[k] = make([]int64, n)
	}
	v := &u.values

	// flow fills a yearly count around level·(1+growth)^t with ±noise,
	// never below lo.
	flow := func(level, growth, noise float64, lo int64) []int64 {
		out := make([]int64, n)
		for t := range out {
			x := level * math.Pow(1+growth, float64(t)) * (1 + noise*(2*r.Float64()-1))
			out[t] = max(lo, int64(math.Round(x))) * 100
		}
		return out
	}
	growth := func(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

	v[iMhTrienkhai] = flow(1.2*scale, growth(0, 0.05), 0.3, 1)
	v[iTtBuoi] = flow(14*scale, growth(0, 0.05), 0.15, 2)
	v[iTinGiatri] = flow(7*scale, growth(-0.01, 0.04), 0.2, 0)
	v[iThLop] = flow(1.5*scale, growth(0, 0.04), 0.2, 1)
	v[iChNguoi] = flow(2*scale, growth(-0.02, 0.04), 0.3, 0)
	v[iNhaSo] = flow(1.6*scale, growth(0, 0.04), 0.25, 1)
	v[iVonHo] = flow(4*scale, growth(0, 0.05), 0.2, 1)
	v[iQuaLuot] = flow(45*scale, growth(0, 0.05), 0.15, 5)
	v[iVkGiaonop] = flow(2.5*scale, growth(-0.08, 0.02), 0.3, 0)
	v[iHgVu] = flow(6*scale, growth(0, 0.04), 0.2, 0)

	// Attendance follows the sessions and classes held.
	perSession := 30 + r.IntN(30)
	perClass := 20 + r.IntN(20)
	for t := range n {
		v[iTtLuot][t] = v[iTtBuoi][t] * int64(perSession+r.IntN(15))
		v[iThLuot][t] = v[iThLop][t] * int64(perClass+r.IntN(10))
	}

	// Money follows the houses and households, in triệu đồng, with prices
	// rising a few percent a year; written with 0, 1 or 2 decimals.
	houseCost := 35 + 15*r.Float64()
	loan := 8 + 12*r.Float64()
	for t := range n {
		inflation := math.Pow(1.04, float64(t))
		v[iNhaTien][t] = money(r, float64(v[iNhaSo][t]/100)*houseCost*inflation*(0.9+0.2*r.Float64()))
		v[iVonTien][t] = money(r, float64(v[iVonHo][t]/100)*loan*inflation*(0.9+0.2*r.Float64()))
	}

	// Models working effectively: a share of all models set up so far
	// (never more), not falling from year to year unless the total forces it.
	cum, prev := int64(0), int64(0)
	share := 0.5 + 0.3*r.Float64()
	for t := range n {
		cum += v[iMhTrienkhai][t] / 100
		h := int64(math.Round(float64(cum) * (share + 0.1*r.Float64())))
		h = min(max(h, prev), cum)
		v[iMhHieuqua][t] = h * 100
		prev = h
	}

	// Communes with the self-management and camera models: a commune takes
	// them up in some year and keeps them; a district's count grows towards
	// its number of communes.
	adopt := func(startBy int) []int64 {
		out := make([]int64, n)
		if !district {
			y := r.IntN(startBy + 1)
			for t := range out {
				if t >= y {
					out[t] = 100
				}
			}
			return out
		}
		have := int64(r.IntN(communes/2 + 1))
		for t := range out {
			if t >= startBy/2 && have < int64(communes) && r.IntN(3) > 0 {
				have += int64(1 + r.IntN(2))
				have = min(have, int64(communes))
			}
			out[t] = have * 100
		}
		return out
	}
	v[iXaTuquan] = adopt(n / 2)
	v[iXaCamera] = adopt(n - 2)

	// Cameras installed and connected: a stock growing steadily.
	cams := (3 + 10*r.Float64()) * scale
	g := growth(0.08, 0.3)
	for t := range n {
		v[iCameraSo][t] = int64(math.Round(cams)) * 100
		cams *= 1 + g*(0.7+0.6*r.Float64())
	}

	// A few units did not count weapons handed in or people re-educated in
	// the first years, as real submissions show.
	if r.IntN(20) == 0 {
		k := []int{iVkGiaonop, iChNguoi}[r.IntN(2)]
		gap := 1 + r.IntN(2)
		for t := 0; t < gap && t < n; t++ {
			v[k][t] = missing
		}
		if gap == 1 || n == 1 {
			u.notes[k] = fmt.Sprintf("Năm %d chưa thống kê", from)
		} else {
			u.notes[k] = fmt.Sprintf("%d-%d chưa thống kê", from, from+gap-1)
		}
	}
	return u
}

// money rounds triệu đồng to hundredths, keeping 0, 1 or 2 decimals, and
// never to zero.
func money(r *rand.Rand, x float64) int64 {
	h := int64(math.Round(x * 100))
	switch r.IntN(10) {
	case 0, 1, 2, 3, 4:
		h = (h + 50) / 100 * 100
	case 5, 6, 7:
		h = (h + 5) / 10 * 10
	}
	return max(h, 100)
}

// cellValue is the numeric cell for a figure: an integer for counts, a
// float with at most two decimals for money.
func cellValue(h int64, isMoney bool) any {
	if h == missing {
		return nil
	}
	if isMoney && h%100 != 0 {
		return float64(h) / 100
	}
	return h / 100
}

type styles struct{ title, header int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	s.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return s, err
	}
	s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		// An explicit colour: without one excelize writes <color rgb="FF"/>,
		// which openpyxl (bench/peers) refuses as not an aRGB value.
		Border: []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
			{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}})
	return s, err
}

// writeWide writes one unit's workbook laid out like
// demo/inbox/01-hong-bang.xlsx.
func writeWide(path string, u *unit, from, to int, total bool) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Biểu số liệu"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	n := to - from + 1
	lastCol := 4 + n + 1 // STT, code, name, unit, years…, Ghi chú
	widths := []float64{5, 14, 48, 12}
	for c, w := range widths {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(5, 4+n, 9); err != nil {
		return err
	}
	if err := sw.SetColWidth(lastCol, lastCol, 16); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(lastCol)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{"Đơn vị: " + u.name}); err != nil {
		return err
	}
	if err := sw.SetRow("A3", []any{"Mã đơn vị: " + u.code}); err != nil {
		return err
	}
	row := make([]any, lastCol)
	row[0], row[1], row[2], row[3] = "STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"
	for t := range n {
		row[4+t] = from + t
	}
	row[lastCol-1] = "Ghi chú"
	for c := range row {
		row[c] = excelize.Cell{StyleID: st.header, Value: row[c]}
	}
	if err := sw.SetRow("A5", row); err != nil {
		return err
	}
	sums := make([]int64, n)
	for k, ind := range catalog {
		clear(row)
		row[0], row[1], row[2], row[3] = k+1, ind.code, ind.name, ind.unit
		for t := range n {
			h := u.values[k][t]
			row[4+t] = cellValue(h, ind.money)
			if h != missing {
				sums[t] += h
			}
		}
		if u.notes[k] != "" {
			row[lastCol-1] = u.notes[k]
		}
		if err := sw.SetRow("A"+strconv.Itoa(6+k), row); err != nil {
			return err
		}
	}
	if total {
		clear(row)
		row[2] = "Tổng cộng"
		for t := range n {
			row[4+t] = cellValue(sums[t], true)
		}
		if err := sw.SetRow("A"+strconv.Itoa(6+nIndicators), row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return save(f, path)
}

func save(f *excelize.File, path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out, 64<<10)
	if _, err := f.WriteTo(w); err != nil {
		out.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// genWide writes count workbooks into dir on a pool of workers.
func genWide(dir string, count int, seed int64, from, to, workers int, total bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	jobs := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				u := newUnit(seed, i, from, to)
				path := filepath.Join(dir, fmt.Sprintf("%s.xlsx", u.code))
				if err := writeWide(path, u, from, to, total); err != nil {
					errs <- fmt.Errorf("%s: %w", path, err)
					// Drain so the feeder does not block.
					for range jobs {
					}
					return
				}
			}
		}()
	}
	for i := range count {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}

// longOrder lists indicators so that cutting the list anywhere (the last
// unit of a long sheet may be partial) leaves no rule broken: each rule's
// right-hand side (or "when" side) comes before its left-hand side, so a
// partial block is only ever missing a left-hand side, which skips the rule.
var longOrder = []int{
	iTinGiatri, iChNguoi, iQuaLuot, iVkGiaonop, iHgVu, iXaTuquan, iXaCamera, iCameraSo,
	iTtBuoi, iTtLuot, iThLop, iThLuot, iNhaTien, iNhaSo, iVonTien, iVonHo,
	iMhTrienkhai, iMhHieuqua,
}

// genLong writes one long-layout sheet with exactly rows data rows: whole
// units of every indicator and year, the last unit partial if need be.
func genLong(path string, rows int, seed int64, from, to int) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	n := to - from + 1
	perUnit := n * nIndicators
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Dữ liệu"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c, w := range []float64{12, 28, 8, 16, 12, 20} {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	head := []any{"Mã đơn vị", "Tên đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị", "Ghi chú"}
	for c := range head {
		head[c] = excelize.Cell{StyleID: st.header, Value: head[c]}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	rowNum := 2
	row := make([]any, 6)
	for i := 0; rows > 0; i++ {
		u := newUnit(seed, i, from, to)
		take := min(rows, perUnit)
		rows -= take
		// Choose which (indicator, year) cells of a partial unit to
		// keep, in rule-safe order, then write them year by year.
		keep := make([][nIndicators]bool, n)
		for _, k := range longOrder {
			for t := 0; t < n && take > 0; t++ {
				keep[t][k] = true
				take--
			}
		}
		for t := range n {
			for k, ind := range catalog {
				if !keep[t][k] {
					continue
				}
				h := u.values[k][t]
				row[0], row[1], row[2], row[3] = u.code, u.name, from+t, ind.code
				row[4], row[5] = cellValue(h, ind.money), nil
				if h == missing {
					row[4], row[5] = nil, "chưa thống kê"
				}
				if err := sw.SetRow("A"+strconv.Itoa(rowNum), row); err != nil {
					return err
				}
				rowNum++
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return save(f, path)
}

func main() {
	seed := flag.Int64("seed", 1, "random seed: the same seed gives the same figures")
	wide := flag.Int("wide", 0, "write `N` wide-layout workbooks, one unit each, into -out DIR")
	long := flag.Int("long", 0, "write one long-layout sheet with `ROWS` data rows to -out FILE")
	out := flag.String("out", "", "output folder (-wide) or file (-long)")
	from := flag.Int("from", 2014, "first year")
	to := flag.Int("to", 2023, "last year")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "files written at once (-wide)")
	total := flag.Bool("total", true, "end each wide table with a \"Tổng cộng\" row, as demo/inbox/01-hong-bang.xlsx does")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gen [-seed S] [-from Y -to Y] (-wide N | -long ROWS) -out PATH\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || (*wide > 0) == (*long > 0) || *to < *from || *workers < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	var err error
	if *wide > 0 {
		err = genWide(*out, *wide, *seed, *from, *to, *workers, *total)
	} else {
		err = genLong(*out, *long, *seed, *from, *to)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	what := fmt.Sprintf("%d wide workbooks in %s", *wide, *out)
	if *long > 0 {
		what = fmt.Sprintf("long sheet of %d rows to %s", *long, *out)
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s in %.2fs\n", what, time.Since(start).Seconds())
}
