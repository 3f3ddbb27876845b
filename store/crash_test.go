package store_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/summary"
)

// childEnv marks a re-executed test binary that plays a tongket process.
const childEnv = "TONGKET_STORE_CHILD"

// crashFiles files of crashUnits units (fewer and smaller under the race
// detector, which slows SQLite some thirty times).
var crashFiles, crashUnits = 8, 15

func init() {
	if raceEnabled {
		crashFiles, crashUnits = 4, 4
	}
}

// crashSub is file k of the crash test, ingested in order k = 0, 1, ...:
// 2,970 figures (15 units × 18 indicators × 11 years) over one of three
// blocks of units, so later files update (and partly repeat) earlier ones.
// Its hash comes from its name alone, so a child process can look files up
// without building them.
func crashSub(k int) *submission.Submission {
	s := blockSub(fmt.Sprintf("crash-%d.xlsx", k), fmt.Sprintf("B%d", k%3), crashUnits, 2013, 2023,
		func(u int, ind string, y int) int64 {
			if (u+y)%4 == 0 {
				return int64(100 * (u + y)) // the same in every resubmission
			}
			return int64(100*(k+1)*(u+1) + y)
		})
	s.SHA256 = crashSHA(k)
	return s
}

func crashSHA(k int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("crash-%d.xlsx", k)))
	return hex.EncodeToString(h[:])
}

var crashSubs = sync.OnceValue(func() []*submission.Submission {
	var subs []*submission.Submission
	for k := 0; k < crashFiles; k++ {
		subs = append(subs, crashSub(k))
	}
	return subs
})

type figKey struct {
	unit, ind string
	year      int
}

// inForce is what `current` must hold once subs have been ingested in order.
func inForce(subs []*submission.Submission) map[figKey]int64 {
	m := map[figKey]int64{}
	for _, s := range subs {
		for _, fg := range s.Figures {
			m[figKey{s.UnitCode(fg), fg.Indicator, int(fg.Year)}] = fg.Value
		}
	}
	return m
}

func readCurrent(tb testing.TB, db *store.DB) map[figKey]int64 {
	tb.Helper()
	rows, err := db.SQL().Query(`SELECT unit_code, indicator, year, value FROM current`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	m := map[figKey]int64{}
	for rows.Next() {
		var k figKey
		var v int64
		if err := rows.Scan(&k.unit, &k.ind, &k.year, &v); err != nil {
			tb.Fatal(err)
		}
		m[k] = v
	}
	return m
}

// crashChild writes until it is killed: from the state it finds (the first
// j files active) it either ingests the next files in order or withdraws
// them newest first, turning at either end, so at every moment the active
// submissions are a prefix of the list. It says on stderr when a write begins
// and ends.
func crashChild(t *testing.T, path string, seed uint64) {
	ctx := context.Background()
	t0 := time.Now()
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fmt.Fprintln(os.Stderr, "open", time.Since(t0))
	up := rand.New(rand.NewPCG(seed, 1)).IntN(2) == 0
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		j := 0
		var last int64
		for ; j < crashFiles; j++ {
			id, ok, err := db.Lookup(ctx, crashSHA(j))
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			last = id
		}
		switch j {
		case 0:
			up = true
		case crashFiles:
			up = false
		}
		if up {
			sub := crashSub(j)
			fmt.Fprintln(os.Stderr, "begin ingest", sub.File)
			if _, err := db.Ingest(ctx, sub, false); err != nil {
				t.Fatal(err)
			}
		} else {
			fmt.Fprintln(os.Stderr, "begin revert", j-1)
			if _, err := db.Revert(ctx, last); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintln(os.Stderr, "end")
	}
}

// TestCrashSafety kills a process ingesting large files at random moments
// and checks after each kill that only whole submissions are stored.
func TestCrashSafety(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		seed, _ := strconv.ParseUint(os.Getenv("TONGKET_STORE_SEED"), 10, 64)
		crashChild(t, os.Getenv("TONGKET_STORE_DB"), seed)
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	kills := 20
	if testing.Short() {
		kills = 5
	}
	ctx := context.Background()
	start := time.Now()
	path := filepath.Join(t.TempDir(), "tongket.db")
	mustOpenDBAt(t, path).Close()

	subs := crashSubs()
	want := make([]map[figKey]int64, len(subs)+1) // in force after each prefix
	shaAt := map[string]int{}
	for j := range want {
		want[j] = inForce(subs[:j])
		if j < len(subs) {
			shaAt[subs[j].SHA256] = j
		}
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed>>7))

	midWrite := 0
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.count=1")
		cmd.Env = append(os.Environ(), childEnv+"=1", "TONGKET_STORE_DB="+path, fmt.Sprintf("TONGKET_STORE_SEED=%d", rng.Uint64()))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := 5*time.Millisecond + time.Duration(rng.Int64N(int64(195*time.Millisecond)))
		time.Sleep(delay)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatalf("kill: %v", err)
		}
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != -1 {
			t.Fatalf("kill %d: the child ended by itself (exit %d) before the kill:\n%s\n%s", i, code, stdout.String(), stderr.String())
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		last := lines[len(lines)-1]
		if strings.HasPrefix(last, "begin") {
			midWrite++
		}

		db := mustOpenDBAt(t, path)
		checkWhole(t, db.SQL())
		// The active submissions are a prefix of the list, in order, and the
		// figures in force are exactly that prefix's.
		rows, err := db.SQL().Query(`SELECT sha256 FROM submissions WHERE state = 'active' ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		j := 0
		for rows.Next() {
			var sha string
			rows.Scan(&sha)
			if at, ok := shaAt[sha]; !ok || at != j {
				t.Errorf("kill %d after %v (%q): active submission %d is %.8s, want %s", i, delay, last, j, sha, subs[j].File)
			}
			j++
		}
		rows.Close()
		if got := readCurrent(t, db.DB); !reflect.DeepEqual(got, want[j]) {
			t.Errorf("kill %d after %v (%q): figures in force (%d) are not those of the first %d files (%d)", i, delay, last, len(got), j, len(want[j]))
		}
		db.Close()
		if t.Failed() {
			t.FailNow()
		}
	}
	t.Logf("%d kills, %d in the middle of a write, in %v", kills, midWrite, time.Since(start).Round(time.Millisecond))
	if midWrite == 0 && !testing.Short() {
		t.Errorf("no kill landed during a write: the test proved nothing")
	}

	// Finishing the ingest gives what a clean run gives.
	finish := time.Now()
	p := summary.Period{From: 2013, To: 2023}
	db := mustOpenDBAt(t, path)
	for _, s := range subs {
		mustIngest(t, db, s)
	}
	checkWhole(t, db.SQL())
	got, err := db.Summarize(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	clean := mustOpenDB(t)
	for _, s := range subs {
		mustIngest(t, clean, s)
	}
	wantSum, err := clean.Summarize(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, wantSum) {
		t.Errorf("summary after the crashes and a finished ingest differs from a clean run")
	}
	if cur := readCurrent(t, db.DB); !reflect.DeepEqual(cur, want[len(subs)]) {
		t.Errorf("figures in force after finishing differ from a clean run")
	}
	checkSummaryShape(t, got)
	t.Logf("finishing and a clean run: %v; total %v", time.Since(finish).Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}
