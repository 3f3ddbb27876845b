package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
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
