package store_test

import (
	"testing"
	"time"
)

func TestZZTiming(t *testing.T) {
	db := mustOpenDB(t)
	for k := 0; k < 6; k++ {
		s := blockSub("x", "C", 40, 2013, 2023, func(u int, ind string, y int) int64 { return int64(k*1000 + u + y) })
		st := time.Now()
		mustIngest(t, db, s)
		t0 := time.Since(st)
		st = time.Now()
		if _, err := db.Revert(t.Context(), int64(k+1)); err != nil { t.Fatal(err) }
		t.Logf("%d figs ingest %v revert %v", len(s.Figures), t0, time.Since(st))
		mustIngest(t, db, s)
	}
}
