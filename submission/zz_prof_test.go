package submission_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tongket/tongket/submission"
)

func BenchmarkZZLong(b *testing.B) {
	data, err := os.ReadFile("/tmp/bench/data/long.xlsx")
	if err != nil {
		b.Skip()
	}
	for i := 0; i < b.N; i++ {
		submission.ReadBytes("long.xlsx", data, opts())
	}
}

func BenchmarkZZWide(b *testing.B) {
	paths, _ := filepath.Glob("/tmp/bench/data/wide/X0000*.xlsx")
	var datas [][]byte
	for _, p := range paths {
		d, _ := os.ReadFile(p)
		datas = append(datas, d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range datas {
			submission.ReadBytes("w.xlsx", d, opts())
		}
	}
}
