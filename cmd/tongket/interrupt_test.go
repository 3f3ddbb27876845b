package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestInterruptChild is the child of TestInterrupt: tongket itself, run
// from the test binary with the arguments in TONGKET_CHILD_ARGS.
func TestInterruptChild(t *testing.T) {
	args := os.Getenv("TONGKET_CHILD_ARGS")
	if args == "" {
		t.Skip("run by TestInterrupt")
	}
	os.Exit(Main(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
}

// TestInterrupt sends a real SIGINT (Ctrl-C) to an ingest under way: it
// rolls back the batch it was writing, prints what it had stored and says
// it stopped, exits 2, and the database holds exactly the files it says.
func TestInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a console Ctrl-C cannot be sent to a child on Windows from Go")
	}
	if testing.Short() {
		t.Skip("ingests thousands of files")
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "demo", "inbox", "01-hong-bang.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	os.Mkdir(inbox, 0o755)
	const files = 3000
	for i := 0; i < files; i++ {
		// Bytes after the zip's end make each file a new submission.
		b := append(src[:len(src):len(src)], []byte(strconv.Itoa(i))...)
		if err := os.WriteFile(filepath.Join(inbox, fmt.Sprintf("%04d.xlsx", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(dir, "t.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TONGKET_CHILD_ARGS="+strings.Join([]string{"--db", dbPath, "ingest", inbox}, "\x1f"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
		if err != nil {
			return 0
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM submissions`).Scan(&n); err != nil {
			return 0
		}
		return n
	}
	deadline := time.Now().Add(60 * time.Second)
	for count() == 0 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no file stored within a minute\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitFailed {
		t.Fatalf("exit %d (%v), want %d\nstdout:\n%s\nstderr:\n%s", code, err, exitFailed, tail(stdout.String()), stderr.String())
	}
	stored := count()
	if stored == 0 || stored >= files {
		t.Fatalf("%d of %d files stored: the signal came too late to test anything", stored, files)
	}
	m := regexp.MustCompile(`Đã lưu (\d+) tệp`).FindStringSubmatch(stdout.String())
	if m == nil || m[1] != strconv.Itoa(stored) {
		t.Errorf("the report says %v stored, the database holds %d\n%s", m, stored, tail(stdout.String()))
	}
	if !strings.Contains(stderr.String(), "đã dừng theo yêu cầu (Ctrl-C): "+strconv.Itoa(stored)+" tệp đã lưu") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

func tail(s string) string {
	if len(s) > 600 {
		return "…" + s[len(s)-600:]
	}
	return s
}
