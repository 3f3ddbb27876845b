package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestMain lets the test binary stand in for tongket in child processes
// (TONGKET_AS_CLI=1), so multi-process tests need no separate build.
func TestMain(m *testing.M) {
	if os.Getenv("TONGKET_AS_CLI") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestConcurrentIngestProcesses: four tongket ingest processes on one
// database over overlapping folders all exit 0, with no "database is
// locked", every file stored exactly once, and the totals of a sequential
// run.
func TestConcurrentIngestProcesses(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	os.Remove(filepath.Join(in, "kien-an-loi.xlsx"))
	names, _ := filepath.Glob(filepath.Join(in, "*.xlsx"))
	sort.Strings(names)
	// Four overlapping folders; the correction must come after the
	// original within a folder, as it does in lexical order.
	parts := [][]string{names[:6], names[3:9], names[6:], names}
	var folders []string
	for i, p := range parts {
		f := filepath.Join(dir, fmt.Sprintf("hop-thu-%d", i))
		os.MkdirAll(f, 0o755)
		for _, n := range p {
			b, _ := os.ReadFile(n)
			os.WriteFile(filepath.Join(f, filepath.Base(n)), b, 0o644)
		}
		folders = append(folders, f)
	}
	db := filepath.Join(dir, "chung.db")
	var wg sync.WaitGroup
	errs := make([]string, len(folders))
	for i, f := range folders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "--db", db, "ingest", "--format", "json", f)
			cmd.Env = append(os.Environ(), "TONGKET_AS_CLI=1")
			var out, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &stderr
			if err := cmd.Run(); err != nil || strings.Contains(stderr.String(), "locked") {
				errs[i] = fmt.Sprintf("process %d: %v\n%s", i, err, stderr.String())
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Fatal(e)
		}
	}
	var hist []struct {
		File   string
		SHA256 string
		State  string
	}
	_, out, _ := run(t, dir, "--db", db, "history", "--format", "json")
	if err := json.Unmarshal([]byte(out), &hist); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, h := range hist {
		seen[h.SHA256]++
	}
	if len(hist) != len(names) || len(seen) != len(names) {
		t.Fatalf("%d submissions stored (%d distinct) for %d files", len(hist), len(seen), len(names))
	}
	// The same totals as one process ingesting the files in order; the
	// correction may land before its original in a concurrent run, so
	// compare with the order the history shows.
	seq := t.TempDir()
	for i := len(hist) - 1; i >= 0; i-- {
		if code, _, _ := run(t, seq, "ingest", hist[i].File); code != 0 {
			t.Fatalf("sequential ingest of %s", hist[i].File)
		}
	}
	_, a, _ := run(t, dir, "--db", db, "summarize", "--period", "2013-2023", "--format", "json")
	_, b, _ := run(t, seq, "summarize", "--period", "2013-2023", "--format", "json")
	if a != b {
		t.Fatal("concurrent and sequential ingests give different summaries")
	}
}
