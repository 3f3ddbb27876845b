package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/unitlist"
)

// benchFiles are n one-unit submissions of every built-in indicator for
// 2014–2023, like the generated wide workbooks of bench/gen: 180 figures
// each.
func benchFiles(n int) []*submission.Submission {
	subs := make([]*submission.Submission, n)
	for i := range subs {
		subs[i] = blockSub(fmt.Sprintf("X%05d.xlsx", i), fmt.Sprintf("X%05d", i), 1, 2014, 2023,
			func(u int, ind string, y int) int64 { return int64(100 * (i%97 + y - 2000 + len(ind))) })
	}
	return subs
}

// ingestBatches stores subs the way intake does: 64 files per transaction,
// each in its own savepoint.
func ingestBatches(tb testing.TB, db *testDB, subs []*submission.Submission) {
	ctx := context.Background()
	for start := 0; start < len(subs); start += 64 {
		b, err := db.BeginBatch(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		for _, s := range subs[start:min(start+64, len(subs))] {
			if _, err := b.Ingest(ctx, s); err != nil {
				tb.Fatal(err)
			}
		}
		if err := b.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkBatchInsert is the store's side of an ingest: one op is one
// 180-figure file stored in a batch.
func BenchmarkBatchInsert(b *testing.B) {
	subs := benchFiles(b.N)
	db := mustOpenDB(b)
	b.ResetTimer()
	ingestBatches(b, db, subs)
	b.StopTimer()
	b.ReportMetric(float64(b.N*180)/b.Elapsed().Seconds(), "figures/s")
}

// BenchmarkSummarize aggregates 1,000 units × 18 indicators × 10 years
// (180,000 figures) for a ten-year period with its previous period.
func BenchmarkSummarize(b *testing.B) {
	db := mustOpenDB(b)
	ingestBatches(b, db, benchFiles(1000))
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.Summarize(ctx, summary.Period{From: 2014, To: 2023}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSummarizeSuccessions is BenchmarkSummarize across the 2025
// reorganisation (FORMATS.md §10): 900 old communes report 2016–2024
// (145,800 figures) and
// went, on 01/07/2025, to 300 new ones (one in ten split 0,6/0,4, one in
// thirty renamed in 2020 first), which report 2025; every figure is
// attributed to the new communes for 2016–2025.
func BenchmarkSummarizeSuccessions(b *testing.B) {
	const nNew, nOld = 300, 900
	ctx := context.Background()
	db := mustOpenDB(b)
	l := &unitlist.List{}
	for i := range nNew {
		l.Units = append(l.Units, unitlist.Unit{Code: fmt.Sprintf("X%05d", i), Name: "Xã mới", ValidFrom: "2025-07-01"})
	}
	for j := range nOld {
		old, to := fmt.Sprintf("O%05d", j), fmt.Sprintf("X%05d", j*nNew/nOld)
		if j%30 == 0 {
			l.Units = append(l.Units, unitlist.Unit{Code: old, Name: "Xã cũ", ValidTo: "2019-12-31"})
			l.Successions = append(l.Successions, unitlist.Succession{Old: old, New: "R" + old[1:], Date: "2020-01-01", Share: unitlist.Whole})
			old = "R" + old[1:]
			l.Units = append(l.Units, unitlist.Unit{Code: old, Name: "Xã cũ", ValidFrom: "2020-01-01", ValidTo: "2025-06-30"})
		} else {
			l.Units = append(l.Units, unitlist.Unit{Code: old, Name: "Xã cũ", ValidTo: "2025-06-30"})
		}
		if j%10 == 0 {
			other := fmt.Sprintf("X%05d", (j*nNew/nOld+1)%nNew)
			l.Successions = append(l.Successions, unitlist.Succession{Old: old, New: to, Date: "2025-07-01", Share: 600000},
				unitlist.Succession{Old: old, New: other, Date: "2025-07-01", Share: 400000})
		} else {
			l.Successions = append(l.Successions, unitlist.Succession{Old: old, New: to, Date: "2025-07-01", Share: unitlist.Whole})
		}
	}
	if _, err := db.ImportList(ctx, l); err != nil {
		b.Fatal(err)
	}
	// One file per unit, every built-in indicator for its years.
	unitSub := func(code string, n, from, to int) *submission.Submission {
		var figs []fig
		for _, ind := range catalog.Builtin().Indicators {
			for y := from; y <= to; y++ {
				figs = append(figs, f(code, ind.Code, y, int64(100*(n%97+y-2000+len(ind.Code)))))
			}
		}
		return makeSub(code+".xlsx", figs...)
	}
	var subs []*submission.Submission
	for j := range nOld {
		code := fmt.Sprintf("O%05d", j)
		if j%30 == 0 {
			code = "R" + code[1:]
		}
		subs = append(subs, unitSub(code, j, 2016, 2024))
	}
	for i := range nNew {
		subs = append(subs, unitSub(fmt.Sprintf("X%05d", i), i, 2025, 2025))
	}
	ingestBatches(b, db, subs)
	s, err := db.Summarize(ctx, summary.Period{From: 2016, To: 2025})
	if err != nil {
		b.Fatal(err)
	}
	if n := len(s.Indicators[0].ByUnit); n != nNew || len(s.Indicators[0].Estimated) == 0 {
		b.Fatalf("%d units hold the figures (%d estimated), want the %d new ones", n, len(s.Indicators[0].Estimated), nNew)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := db.Summarize(ctx, summary.Period{From: 2016, To: 2025}); err != nil {
			b.Fatal(err)
		}
	}
}
