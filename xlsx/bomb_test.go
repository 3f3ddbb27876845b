package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bombSheet returns a deflate stream that unpacks to a worksheet of about
// size bytes of repeated rows, and its real size and CRC. It compresses one
// 1 MB chunk and repeats the compressed blocks: a sync-flushed deflate
// segment from a fresh compressor only refers back into itself, so the
// copies concatenate into a valid stream. The test stays fast and small.
//
// With pad, each chunk is one row and then blank padding, which deflate
// packs about 1030:1, its ceiling; without, it is ordinary rows (~330:1).
func bombSheet(t testing.TB, size int64, pad bool) (data []byte, n int64, crc uint32) {
	t.Helper()
	seg := func(p []byte, final bool) []byte {
		var buf bytes.Buffer
		w, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p)
		if final {
			w.Close()
		} else {
			w.Flush()
		}
		return buf.Bytes()
	}
	head := []byte(`<worksheet ` + nsMain + `><sheetData>`)
	tail := []byte(`</sheetData></worksheet>`)
	row := []byte(`<row><c t="inlineStr"><is><t>0000000000</t></is></c></row>`)
	chunk := bytes.Repeat(row, (1<<20)/len(row))
	if pad {
		chunk = append(row, bytes.Repeat([]byte(" "), 1<<20)...)
	}
	body := seg(chunk, false)

	var out bytes.Buffer
	out.Write(seg(head, false))
	n = int64(len(head))
	crc = crc32.Update(0, crc32.IEEETable, head)
	for n+int64(len(chunk)) <= size {
		out.Write(body)
		n += int64(len(chunk))
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	out.Write(seg(tail, true))
	n += int64(len(tail))
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	return out.Bytes(), n, crc
}

// bombZip is the skeleton workbook with a raw sheet part whose directory
// entry declares the given uncompressed size (honest or not).
func bombZip(t testing.TB, sheet []byte, declared int64, crc uint32) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range skeleton("", "") {
		if p.name == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name: p.name, Method: zip.Deflate, CRC32: crc,
				CompressedSize64: uint64(len(sheet)), UncompressedSize64: uint64(declared),
			})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(sheet)
			continue
		}
		w, _ := zw.Create(p.name)
		w.Write([]byte(p.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZipBomb(t *testing.T) {
	big, bigN, bigCRC := bombSheet(t, 2<<30, false) // 2 GB in about 6 MB
	mid, midN, midCRC := bombSheet(t, 100<<20, false)
	blank, blankN, blankCRC := bombSheet(t, 900<<20, true)
	flood, floodN, floodCRC := floodSheet(t)
	t.Logf("2 GB sheet packs into %d bytes", len(big))
	tests := []struct {
		name     string
		zip      []byte
		lim      Limits
		wantCode []string // acceptable codes
	}{
		// Refused from the central directory, before unpacking.
		{"2 GB declared", bombZip(t, big, bigN, bigCRC), Limits{}, []string{CodeTooLarge}},
		// Go's deflate tops out near 920:1, so the ratio is declared.
		{"ratio over 1000:1", bombZip(t, mid[:len(mid)/10], midN, midCRC), Limits{}, []string{CodeTooLarge}},
		// Sizes that lie: archive/zip stops at the declared size, the
		// counting reader at MaxUncompressed; either way it is quick.
		{"declared 1 KB, holds 2 GB", bombZip(t, big, 1024, bigCRC), Limits{}, []string{CodeCorrupt, CodeTooLarge}},
		{"declared 9 MB, holds 2 GB", bombZip(t, big, 9<<20, bigCRC), Limits{}, []string{CodeCorrupt, CodeTooLarge}},
		{"honest 100 MB over a 10 MB limit", bombZip(t, mid, midN, midCRC), Limits{MaxUncompressed: 10 << 20}, []string{CodeTooLarge}},
		// Under both the limit and 1000:1, yet seconds of scanning.
		{"900 MB at 920:1", bombZip(t, blank, blankN, blankCRC), Limits{}, []string{CodeTooLarge}},
		{"1000 MB of empty cells at 940:1", bombZip(t, flood, floodN, floodCRC), Limits{}, []string{CodeTooLarge}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			err := openAndRead(t, tt.zip, tt.lim)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			var ce *ContainerError
			if !errors.As(err, &ce) || !contains(tt.wantCode, ce.Code) {
				t.Fatalf("error = %v, want code %v", err, tt.wantCode)
			}
			if took > 10*time.Second { // a bound on pathological work, not a speed target (CI machines are shared)
				t.Errorf("refusal took %v", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("refusal allocated %d MB", alloc>>20)
			}
			t.Logf("%v in %v", err, took)
		})
	}
}

// TestBigBlankSheet reads a sheet just inside the limits: 99 MB, mostly
// blank padding that packs about 920:1. It is not refused, but it must
// stream in small memory and quickly.
func TestBigBlankSheet(t *testing.T) {
	blank, n, crc := bombSheet(t, 99<<20, true)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	err := openAndRead(t, bombZip(t, blank, n, crc), Limits{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("allocated %d MB", alloc>>20)
	}
	if took > 10*time.Second { // about 0.1 s; generous for -race and busy machines
		t.Errorf("took %v", took)
	}
	t.Logf("99 MB in %v", took)
}

// floodSheet is about 1000 MB of rows of 16,384 empty <c/> cells, packed
// with the same repeated-segment trick as bombSheet.
func floodSheet(t testing.TB) ([]byte, int64, uint32) {
	t.Helper()
	row := []byte("<row>" + strings.Repeat("<c/>", 16384) + "</row>")
	chunk := bytes.Repeat(row, (1<<20)/len(row))
	var seg bytes.Buffer
	w, _ := flate.NewWriter(&seg, flate.BestCompression)
	w.Write(chunk)
	w.Flush()
	var out bytes.Buffer
	for n := 0; n < 1000; n++ {
		out.Write(seg.Bytes())
	}
	var end bytes.Buffer
	w, _ = flate.NewWriter(&end, flate.BestCompression)
	w.Close()
	out.Write(end.Bytes())
	crc := uint32(0)
	for n := 0; n < 1000; n++ {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	return out.Bytes(), int64(1000 * len(chunk)), crc
}

// TestHugeText: a cell or shared string far longer than Excel allows is
// refused before it fills memory.
func TestHugeText(t *testing.T) {
	long := strings.Repeat("a", maxCellBytes+1)
	for name, ps := range map[string][]part{
		"inline": skeleton(sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>`+long+`</t></is></c></row>`), ""),
		"shared": skeleton(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), `<si><t>`+long+`</t></si>`),
	} {
		err := openAndRead(t, makeZip(t, ps...), Limits{})
		var ce *ContainerError
		if !errors.As(err, &ce) || ce.Code != CodeTooLarge {
			t.Errorf("%s: error = %v, want too-large", name, err)
		}
	}
}

// TestBudgetReader checks the counting reader on its own: with honest
// sizes archive/zip never lets a part run past its declared size, so the
// budget is the last line of defence.
func TestBudgetReader(t *testing.T) {
	left := int64(10)
	br := &budgetReader{r: bytes.NewReader(make([]byte, 100)), left: &left}
	var buf [4]byte
	var err error
	total := 0
	for err == nil {
		var n int
		n, err = br.Read(buf[:])
		total += n
	}
	if !errors.Is(err, errBudget) || total > 12 {
		t.Fatalf("read %d bytes, err %v", total, err)
	}
}

func TestMaxRowsStopsEarly(t *testing.T) {
	mid, midN, midCRC := bombSheet(t, 30<<20, false) // about 530,000 rows
	start := time.Now()
	err := openAndRead(t, bombZip(t, mid, midN, midCRC), Limits{MaxRows: 1000})
	var ce *ContainerError
	if !errors.As(err, &ce) || ce.Code != CodeTooLarge {
		t.Fatalf("error = %v, want too-large", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

func openAndRead(t testing.TB, data []byte, lim Limits) error {
	b, err := openBytes(t, data, lim)
	if err != nil {
		return err
	}
	defer b.Close()
	for _, s := range b.Sheets() {
		if err := b.Rows(s, func(Row) error { return nil }); err != nil {
			return err
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
