package store_test

import (
	"bufio"
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

	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
)

// Crash safety beyond ingest: the same child-process pattern as
// TestCrashSafety (this test binary re-executed with childEnv set, killed
// with SIGKILL), for revert, roster import and restore.

// killCount is the number of kills of each of these tests.
func killCount() int {
	if testing.Short() {
		return 5
	}
	return 20
}

// killedChild is one child process killed at a random moment.
type killedChild struct {
	lines []string      // what it said on stderr
	delay time.Duration // how long after "ready" it was killed
}

// last is the child's last line: "begin …" when killed mid-write.
func (k killedChild) last() string {
	if len(k.lines) == 0 {
		return ""
	}
	return k.lines[len(k.lines)-1]
}

func (k killedChild) midWrite() bool { return strings.HasPrefix(k.last(), "begin") }

// killChild runs this test binary as a child running test (which must play
// the child when childEnv is set), waits until it prints "ready" on stderr
// (its database is open), lets it work for a random time up to maxDelay and
// kills it.
func killChild(t *testing.T, test string, env []string, rng *rand.Rand, maxDelay time.Duration) killedChild {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), childEnv+"=1", fmt.Sprintf("TONGKET_STORE_SEED=%d", rng.Uint64())), env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = os.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var k killedChild
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		seen := false
		for sc.Scan() {
			mu.Lock()
			k.lines = append(k.lines, sc.Text())
			mu.Unlock()
			if !seen && sc.Text() == "ready" {
				seen = true
				close(ready)
			}
		}
	}()
	select {
	case <-ready:
	case <-done:
		cmd.Wait()
		t.Fatalf("the child ended before it was ready:\n%s", strings.Join(k.lines, "\n"))
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		<-done
		cmd.Wait()
		t.Fatalf("the child was not ready after a minute:\n%s", strings.Join(k.lines, "\n"))
	}
	k.delay = time.Duration(rng.Int64N(int64(maxDelay)))
	time.Sleep(k.delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill: %v", err)
	}
	<-done
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != -1 {
		t.Fatalf("the child ended by itself (exit %d) before the kill:\n%s", code, strings.Join(k.lines, "\n"))
	}
	return k
}

// childRand is the child's random source, seeded by its parent.
func childRand() *rand.Rand {
	seed, _ := strconv.ParseUint(os.Getenv("TONGKET_STORE_SEED"), 10, 64)
	return rand.New(rand.NewPCG(seed, 2))
}

func skipWithoutKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
}

// parentRand is a logged random source for the parent of a kill test.
func parentRand(t *testing.T) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	return rand.New(rand.NewPCG(seed, seed>>7))
}

// revertSubs are the files of the revert crash test: six files over two
// blocks of units, so each file updates (and partly repeats) the figures of
// the files before it, and withdrawing one brings back an earlier figure,
// keeps an equal one or removes it.
var revertSubs = sync.OnceValue(func() []*submission.Submission {
	units := 6
	if raceEnabled {
		units = 2
	}
	var subs []*submission.Submission
	for k := 0; k < 6; k++ {
		subs = append(subs, blockSub(fmt.Sprintf("rut-%d.xlsx", k), fmt.Sprintf("R%d", k%2), units, 2013, 2023,
			func(u int, ind string, y int) int64 {
				if (u+y)%3 == 0 {
					return int64(100 * (u + y))
				}
				return int64(100*(k+1)*(u+1) + y)
			}))
	}
	return subs
})

// revertChild withdraws a random active submission, again and again; when
// none is left it ingests the files again, in order.
func revertChild(t *testing.T, path string) {
	ctx := context.Background()
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := childRand()
	fmt.Fprintln(os.Stderr, "ready")
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		var active []int64
		rows, err := db.SQL().Query(`SELECT id FROM submissions WHERE state = 'active' ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			active = append(active, id)
		}
		rows.Close()
		if len(active) == 0 {
			for _, s := range revertSubs() {
				fmt.Fprintln(os.Stderr, "begin ingest", s.File)
				if _, err := db.Ingest(ctx, s, false); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(os.Stderr, "end")
			}
			continue
		}
		id := active[rng.IntN(len(active))]
		fmt.Fprintln(os.Stderr, "begin revert", id)
		if _, err := db.Revert(ctx, id); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(os.Stderr, "end")
	}
}

// TestCrashRevert kills a process withdrawing submissions (in any order, not
// only the newest) at random moments: every withdrawal is whole or absent,
// and the figures in force are exactly those the submissions' states give.
func TestCrashRevert(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		revertChild(t, os.Getenv("TONGKET_STORE_DB"))
		return
	}
	skipWithoutKill(t)
	t.Parallel()
	start := time.Now()
	path := filepath.Join(t.TempDir(), "tongket.db")
	db := mustOpenDBAt(t, path)
	bySHA := map[string]*submission.Submission{}
	for _, s := range revertSubs() {
		mustIngest(t, db, s)
		bySHA[s.SHA256] = s
	}
	db.Close()

	rng := parentRand(t)
	kills, midRevert, committed := killCount(), 0, 0
	for i := 0; i < kills; i++ {
		k := killChild(t, "TestCrashRevert", []string{"TONGKET_STORE_DB=" + path}, rng, 100*time.Millisecond)
		db := mustOpenDBAt(t, path)
		checkWhole(t, db.SQL())
		// The figures in force follow from the states alone: the active
		// submissions applied in order.
		var active []*submission.Submission
		states := map[int64]string{}
		rows, err := db.SQL().Query(`SELECT id, sha256, state, reverted_at IS NOT NULL FROM submissions ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var sha, state string
			var stamped bool
			if err := rows.Scan(&id, &sha, &state, &stamped); err != nil {
				t.Fatal(err)
			}
			states[id] = state
			if stamped != (state == "reverted") {
				t.Errorf("kill %d: submission %d is %s with reverted_at set %v", i, id, state, stamped)
			}
			if state == "active" {
				active = append(active, bySHA[sha])
			}
		}
		rows.Close()
		if got, want := readCurrent(t, db.DB), inForce(active); !reflect.DeepEqual(got, want) {
			t.Errorf("kill %d after %v (%q): %d figures in force, the %d active submissions give %d",
				i, k.delay, k.last(), len(got), len(active), len(want))
		}
		if n := count(t, db.SQL(), `SELECT count(*) FROM audit a JOIN submissions s ON s.id = a.submission_id
			WHERE a.action = 'revert' AND s.state = 'active'`); n != 0 {
			t.Errorf("kill %d: %d revert audit rows of active submissions (half a withdrawal)", i, n)
		}
		if k.midWrite() && strings.HasPrefix(k.last(), "begin revert") {
			midRevert++
			id, _ := strconv.ParseInt(strings.Fields(k.last())[2], 10, 64)
			if states[id] == "reverted" {
				committed++
			}
		}
		db.Close()
		if t.Failed() {
			t.FailNow()
		}
	}
	t.Logf("%d kills, %d in the middle of a revert (%d of them committed, %d rolled back), in %v",
		kills, midRevert, committed, midRevert-committed, time.Since(start).Round(time.Millisecond))
	if midRevert == 0 && !testing.Short() {
		t.Errorf("no kill landed during a revert: the test proved nothing")
	}
}

// Rosters of the import crash test: rosterFiles file names, each in
// rosterVersions versions (a corrected list replaces the one of the same
// name), rosterEntries entries each.
var rosterFiles, rosterVersions, rosterEntries = 3, 3, 3000

func init() {
	if raceEnabled {
		rosterEntries = 200
	}
}

func crashRoster(file, version int) *roster.Roster {
	name := fmt.Sprintf("khen-thuong-%d.xlsx", file)
	h := sha256.Sum256([]byte(fmt.Sprintf("%s v%d", name, version)))
	r := &roster.Roster{File: name, SHA256: hex.EncodeToString(h[:]), Size: int64(1000 + version), Sheet: "DS"}
	forms := []string{"Bằng khen", "Giấy khen", "Biểu dương"}
	for e := 0; e < rosterEntries; e++ {
		kind := roster.Individual
		if e%5 == 0 {
			kind = roster.Collective
		}
		r.Entries = append(r.Entries, roster.Entry{
			Name: fmt.Sprintf("Người %d-%d-%d", file, version, e), Kind: kind, Position: "Hội viên",
			Unit: fmt.Sprintf("Xã %d", e%40), Organisation: "Hội Nông dân", Form: forms[e%3],
			Authority: "Chủ tịch UBND huyện", DecisionNumber: fmt.Sprintf("%d/QĐ-UBND", e),
			DecisionDate: time.Date(2019+e%6, time.Month(1+e%12), 1+e%28, 0, 0, 0, 0, time.UTC),
			Achievement:  "Tích cực", Sheet: "DS", Col: "B", Row: 9 + e,
		})
	}
	return r
}

var crashRosters = sync.OnceValue(func() map[string]*roster.Roster {
	m := map[string]*roster.Roster{}
	for f := 0; f < rosterFiles; f++ {
		for v := 0; v < rosterVersions; v++ {
			r := crashRoster(f, v)
			m[r.SHA256] = r
		}
	}
	return m
})

// importChild imports random versions of the rosters until it is killed.
func importChild(t *testing.T, path string) {
	ctx := context.Background()
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := childRand()
	fmt.Fprintln(os.Stderr, "ready")
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		f, v := rng.IntN(rosterFiles), rng.IntN(rosterVersions)
		fmt.Fprintln(os.Stderr, "begin import", f, v)
		if _, err := db.ImportRoster(ctx, crashRoster(f, v)); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(os.Stderr, "end")
	}
}

// TestCrashImportRoster kills a process importing award rosters (new ones
// and corrected ones that replace a list of the same name): every roster is
// wholly present or absent, and a correction either replaced its list or
// left it in force.
func TestCrashImportRoster(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		importChild(t, os.Getenv("TONGKET_STORE_DB"))
		return
	}
	skipWithoutKill(t)
	t.Parallel()
	start := time.Now()
	path := filepath.Join(t.TempDir(), "tongket.db")
	mustOpenDBAt(t, path).Close()
	want := crashRosters()

	rng := parentRand(t)
	kills, midImport := killCount(), 0
	for i := 0; i < kills; i++ {
		k := killChild(t, "TestCrashImportRoster", []string{"TONGKET_STORE_DB=" + path}, rng, 100*time.Millisecond)
		if k.midWrite() {
			midImport++
		}
		db := mustOpenDBAt(t, path)
		checkWhole(t, db.SQL())
		type row struct {
			id            int64
			file, sha     string
			state         string
			entries, rows int
		}
		var rosters []row
		rs, err := db.SQL().Query(`SELECT r.id, r.file_name, r.sha256, r.state, r.entries,
			(SELECT count(*) FROM awards a WHERE a.roster_id = r.id) FROM rosters r ORDER BY r.id`)
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			var r row
			if err := rs.Scan(&r.id, &r.file, &r.sha, &r.state, &r.entries, &r.rows); err != nil {
				t.Fatal(err)
			}
			rosters = append(rosters, r)
		}
		rs.Close()
		activeOf := map[string]int{}
		for _, r := range rosters {
			w, ok := want[r.sha]
			switch {
			case !ok:
				t.Errorf("kill %d: roster %d has an unknown hash", i, r.id)
			case r.entries != len(w.Entries) || r.rows != len(w.Entries):
				t.Errorf("kill %d after %v (%q): roster %d (%s) has %d award rows, says %d, want %d: stored in part",
					i, k.delay, k.last(), r.id, r.file, r.rows, r.entries, len(w.Entries))
			}
			if r.state == "active" {
				activeOf[r.file]++
			}
		}
		for f, n := range activeOf {
			if n > 1 {
				t.Errorf("kill %d: %d lists named %s in force: a correction replaced nothing", i, n, f)
			}
		}
		if n := count(t, db.SQL(), `SELECT count(*) FROM awards a WHERE NOT EXISTS (SELECT 1 FROM rosters r WHERE r.id = a.roster_id)`); n != 0 {
			t.Errorf("kill %d: %d awards of no roster", i, n)
		}
		// The awards in force are exactly the active lists' entries.
		var names []string
		for _, r := range rosters {
			if r.state == "active" {
				for _, e := range want[r.sha].Entries {
					names = append(names, e.Name)
				}
			}
		}
		got, err := db.Awards(context.Background(), 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var gotNames []string
		for _, e := range got {
			gotNames = append(gotNames, e.Name)
		}
		if !reflect.DeepEqual(gotNames, names) {
			t.Errorf("kill %d: %d awards in force, the active lists hold %d", i, len(gotNames), len(names))
		}
		db.Close()
		if t.Failed() {
			t.FailNow()
		}
	}
	t.Logf("%d kills, %d in the middle of an import, in %v", kills, midImport, time.Since(start).Round(time.Millisecond))
	if midImport == 0 && !testing.Short() {
		t.Errorf("no kill landed during an import: the test proved nothing")
	}
}
