package store_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
)

const concSubs = 8 // distinct submissions

// concUnits is the number of units per submission, each submission its own.
var concUnits = 12

func init() {
	if raceEnabled {
		concUnits = 2
	}
}

// concSubs are files of disjoint units; every figure of file k is 2^k, so a
// summary of whole files has every by_year equal to concUnits × (a sum of
// distinct powers of two) and shows which files it saw.
var concSubsList = sync.OnceValue(func() []*submission.Submission {
	var subs []*submission.Submission
	for k := 0; k < concSubs; k++ {
		subs = append(subs, blockSub(fmt.Sprintf("dong-thoi-%d.xlsx", k), fmt.Sprintf("K%d", k), concUnits, 2013, 2023,
			func(int, string, int) int64 { return 100 << k }))
	}
	return subs
})

// concChild ingests the listed submissions and prints one RESULT line each.
func concChild(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, os.Getenv("TONGKET_STORE_DB"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	subs := concSubsList()
	for _, s := range strings.Split(os.Getenv("TONGKET_STORE_SUBS"), ",") {
		k, _ := strconv.Atoi(s)
		res, err := db.Ingest(ctx, subs[k], false)
		if err != nil {
			t.Fatalf("ingest %s: %v", subs[k].File, err)
		}
		fmt.Printf("RESULT %d %d %v %d %d %d\n", k, res.SubmissionID, res.Skipped, res.Inserted, res.Updated, res.Unchanged)
		// A pause between files lets a watching test see the states
		// between them however fast an ingest is.
		if d, err := time.ParseDuration(os.Getenv("TONGKET_STORE_PAUSE")); err == nil {
			time.Sleep(d)
		}
	}
}

type childResult struct {
	k, id                        int64
	skipped                      bool
	inserted, updated, unchanged int
}

// checkWholeFiles asserts a summary taken during concurrent ingests shows
// whole files only, and returns the set of files it saw as a bit mask.
func checkWholeFiles(tb testing.TB, s *summary.Summary) uint64 {
	tb.Helper()
	var v summary.Amount = -1
	for _, ind := range s.Indicators {
		if len(ind.ByYear) == 0 {
			if v > 0 {
				tb.Errorf("%s has no figures while others have %v", ind.Code, v)
			}
			v = 0
			continue
		}
		if len(ind.ByYear) != 11 {
			tb.Errorf("%s: by_year has %d years, want 11 (a half-stored file?)", ind.Code, len(ind.ByYear))
		}
		for y, a := range ind.ByYear {
			if v == -1 {
				v = a
			}
			if a != v {
				tb.Errorf("%s by_year[%s] = %v, other cells %v: a file seen in part", ind.Code, y, a, v)
			}
		}
		for u, a := range ind.ByUnit {
			k, _ := strconv.Atoi(u[1:strings.IndexByte(u, '-')])
			want := summary.Amount(100 << k)
			if ind.Agg == "sum" {
				want *= 11
			}
			if a != want {
				tb.Errorf("%s by_unit[%s] = %v, want %v", ind.Code, u, a, want)
			}
		}
	}
	if v <= 0 {
		if s.Completeness.Received != 0 {
			tb.Errorf("no figures but completeness %+v", s.Completeness)
		}
		return 0
	}
	if v%summary.Amount(concUnits*100) != 0 {
		tb.Fatalf("by_year %v is not a whole number of files", v)
	}
	mask := uint64(v / summary.Amount(concUnits*100))
	n := bits.OnesCount64(mask)
	for _, ind := range s.Indicators {
		if ind.UnitsReporting != n*concUnits {
			tb.Errorf("%s: %d units reporting, files %b give %d", ind.Code, ind.UnitsReporting, mask, n*concUnits)
		}
	}
	if c := s.Completeness; c.Received != n*concUnits*11 || c.Expected != c.Received || len(c.Missing) != 0 {
		tb.Errorf("completeness %+v, files %b", c, mask)
	}
	return mask
}

// TestConcurrentIngest runs two and four processes ingesting different and
// overlapping files into one database at once, while this process
// summarizes in a loop.
func TestConcurrentIngest(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		concChild(t)
		return
	}
	subs := concSubsList()
	p := summary.Period{From: 2013, To: 2023}
	seq := mustOpenDB(t)
	var figures int
	for _, s := range subs {
		mustIngest(t, seq, s)
		figures += len(s.Figures)
	}
	wantSum, err := seq.Summarize(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if m := checkWholeFiles(t, wantSum); m != 1<<concSubs-1 {
		t.Fatalf("sequential run saw files %b", m)
	}

	tests := []struct {
		procs int
		each  int // files per process
		step  int // first file of process p is p*step
	}{
		{procs: 2, each: 6, step: 3}, // 0-5 and 3-7,0: four files given to both
		{procs: 4, each: 4, step: 2}, // every file given to two processes
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d processes", tt.procs), func(t *testing.T) {
			ctx := context.Background()
			childCtx, cancel := context.WithTimeout(ctx, 3*time.Minute)
			defer cancel()
			start := time.Now()
			path := filepath.Join(t.TempDir(), "tongket.db")
			given := 0
			type child struct {
				cmd            *exec.Cmd
				stdout, stderr bytes.Buffer
			}
			children := make([]*child, tt.procs)
			for i := range children {
				var list []string
				for j := 0; j < tt.each; j++ {
					list = append(list, strconv.Itoa((i*tt.step+j)%concSubs))
				}
				given += len(list)
				c := &child{cmd: exec.CommandContext(childCtx, os.Args[0], "-test.run=^TestConcurrentIngest$", "-test.count=1")}
				c.cmd.Env = append(os.Environ(), childEnv+"=1", "TONGKET_STORE_DB="+path, "TONGKET_STORE_SUBS="+strings.Join(list, ","))
				c.cmd.Stdout, c.cmd.Stderr = &c.stdout, &c.stderr
				children[i] = c
			}
			// The database exists (TestOpenNewDatabaseConcurrently races its
			// creation); the processes start together and this one
			// summarizes in a loop meanwhile.
			db := mustOpenDBAt(t, path)
			for _, c := range children {
				if err := c.cmd.Start(); err != nil {
					t.Fatal(err)
				}
			}
			var done atomic.Bool
			var summaries atomic.Int64
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				var seen uint64
				for !done.Load() {
					s, err := db.Summarize(ctx, p)
					if err != nil {
						t.Errorf("summarize during ingest: %v", err)
						return
					}
					m := checkWholeFiles(t, s)
					if m&seen != seen {
						t.Errorf("files seen went from %b to %b", seen, m)
					}
					seen = m
					summaries.Add(1)
					time.Sleep(10 * time.Millisecond)
				}
			}()

			var results []childResult
			for i, c := range children {
				err := c.cmd.Wait()
				out := c.stdout.String() + c.stderr.String()
				if err != nil || strings.Contains(out, "locked") {
					t.Errorf("process %d: %v\n%s", i, err, out)
				}
				sc := bufio.NewScanner(strings.NewReader(c.stdout.String()))
				for sc.Scan() {
					var r childResult
					if _, err := fmt.Sscanf(sc.Text(), "RESULT %d %d %t %d %d %d", &r.k, &r.id, &r.skipped, &r.inserted, &r.updated, &r.unchanged); err == nil {
						results = append(results, r)
					}
				}
			}
			done.Store(true)
			wg.Wait()
			if len(results) != given {
				t.Fatalf("%d results, want %d", len(results), given)
			}

			// Each file stored once; the copies skipped as that one.
			stored := map[int64]int64{}
			var inserted, skipped int
			for _, r := range results {
				if r.skipped {
					skipped++
				} else {
					inserted += r.inserted
					if _, dup := stored[r.k]; dup {
						t.Errorf("file %d stored twice", r.k)
					}
					stored[r.k] = r.id
				}
				if r.updated != 0 || r.unchanged != 0 {
					t.Errorf("file %d: %+v, want only inserts", r.k, r)
				}
			}
			for _, r := range results {
				if r.skipped && stored[r.k] != r.id {
					t.Errorf("file %d skipped as id %d, stored as %d", r.k, r.id, stored[r.k])
				}
			}
			if len(stored) != concSubs || skipped != given-concSubs || inserted != figures {
				t.Errorf("stored %d files (want %d), skipped %d (want %d), inserted %d figures (want %d)",
					len(stored), concSubs, skipped, given-concSubs, inserted, figures)
			}

			checkWhole(t, db.SQL())
			if n := count(t, db.SQL(), `SELECT count(*) FROM submissions`); n != concSubs {
				t.Errorf("%d submission rows, want %d", n, concSubs)
			}
			if n := count(t, db.SQL(), `SELECT count(DISTINCT sha256) FROM submissions`); n != concSubs {
				t.Errorf("%d distinct hashes, want %d", n, concSubs)
			}
			got, err := db.Summarize(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, wantSum) {
				t.Errorf("summary differs from a sequential run")
			}
			t.Logf("%d processes: %d summaries taken meanwhile, %v", tt.procs, summaries.Load(), time.Since(start).Round(time.Millisecond))
			if summaries.Load() == 0 {
				t.Errorf("no summary was taken during the ingests")
			}
		})
	}
}

// TestSummarizeBesideAWriter: a summary only reads, so in WAL mode it must
// not wait for another process's write transaction, nor hold one itself.
func TestSummarizeBesideAWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tongket.db")
	db, err := store.Open(ctx, path, store.Options{Now: newClock().Now, BusyTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Ingest(ctx, subFirst, false); err != nil {
		t.Fatal(err)
	}
	p := summary.Period{From: 2013, To: 2017}
	before, err := db.Summarize(ctx, p)
	if err != nil {
		t.Fatal(err)
	}

	// Another process's ingest, in the middle of its transaction.
	other := mustOpenRaw(t, path)
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	if _, err := conn.ExecContext(ctx, `UPDATE series SET y2013 = y2013 + 100, y2020 = y2020 + 100`); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	got, err := db.Summarize(ctx, p)
	if err != nil {
		t.Fatalf("summarize while another process writes: %v (after %v)", err, time.Since(start).Round(time.Millisecond))
	}
	if !reflect.DeepEqual(got, before) {
		t.Errorf("summary saw an uncommitted write")
	}
}
