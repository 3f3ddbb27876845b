package submission

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tongket/tongket/catalog"
)

// BenchmarkReadOffices reads the workbooks of testdata/offices, made the
// way offices make them (two-row headers, merges, measures, several
// sheets): the reader's cost per file on varied shapes.
func BenchmarkReadOffices(b *testing.B) {
	benchmarkRead(b, filepath.Join("..", "testdata", "offices"))
}

// BenchmarkReadDir reads the workbooks of $TONGKET_BENCH_DIR, e.g. the
// national set bench/run generates (bench/out/data/wide): skipped when it
// is not set.
func BenchmarkReadDir(b *testing.B) {
	dir := os.Getenv("TONGKET_BENCH_DIR")
	if dir == "" {
		b.Skip("TONGKET_BENCH_DIR is not set")
	}
	benchmarkRead(b, dir)
}

func benchmarkRead(b *testing.B, dir string) {
	names, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no workbooks in %s: %v", dir, err)
	}
	files := make([][]byte, len(names))
	for i, n := range names {
		if files[i], err = os.ReadFile(n); err != nil {
			b.Fatal(err)
		}
	}
	opt := Options{Catalog: catalog.Builtin()}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, data := range files {
			if sub := ReadBytes(names[i], data, opt); sub.File == "" {
				b.Fatal("no submission")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}
