// Package goldenfile compares what a test produced with a golden file under
// testdata, or rewrites the file when the tests run with -update (restic's
// way): go test ./report -update, then review the diff before committing.
//
// Every package's golden tests use it, so -update means one thing
// everywhere.
package goldenfile

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata instead of comparing with them")

// Update reports whether the tests run with -update: golden files, and the
// fixtures a test writes for other tools, are to be rewritten.
func Update() bool { return *update }

// Check compares got with the golden file at path; with -update it writes
// got there first (making its folder). A difference fails t with the first
// lines that differ.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run '^%s$' -update once, then review the file)", err, topName(t))
	}
	if !bytes.Equal(got, want) {
		t.Errorf("differs from %s (if intended: go test -run '^%s$' -update, then review the diff):\n%s",
			path, topName(t), LineDiff(string(want), string(got)))
	}
}

// topName is the name of the top-level test, the one -run selects.
func topName(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	return name
}

// LineDiff shows the first 20 lines that differ between want and got.
func LineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n   got %q\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
