package report

import (
	"testing"

	"github.com/tongket/tongket/internal/goldenfile"
)

// golden compares got with the file at path (under testdata), or rewrites
// it with go test ./report -update (package goldenfile, shared by every
// package's golden tests); a difference is shown line by line.
func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, path, []byte(got))
}
