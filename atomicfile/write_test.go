package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteModeAndFailure(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "một"); return err }); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v, %v; want 0644 so colleagues can read the report", st.Mode(), err)
	}
	// A failed write leaves the old file whole and no temporary behind.
	if err := Write(p, func(w io.Writer) error { io.WriteString(w, "hai"); return io.ErrUnexpectedEOF }); err == nil {
		t.Fatal("error lost")
	}
	if b, _ := os.ReadFile(p); string(b) != "một" {
		t.Fatalf("old content %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("leftovers: %v", ents)
	}
}
