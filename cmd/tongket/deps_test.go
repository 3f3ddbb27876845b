package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
)

// testClock is the time of the runs in these tests.
func testClock() time.Time { return time.Date(2025, 1, 15, 9, 0, 0, 0, time.UTC) }

// testDeps are the deps of a run function under test (cli/cli's
// iostreams.Test): the database dir/t.db, buffers for the streams, standard
// error no terminal, Vietnamese, a fixed clock. A test sets errTerminal,
// quiet or lang as it needs.
func testDeps(t *testing.T, dir string) (d deps, stdout, stderr *bytes.Buffer) {
	t.Helper()
	stdout, stderr = &bytes.Buffer{}, &bytes.Buffer{}
	path := filepath.Join(dir, "t.db")
	opt := store.Options{Now: testClock}
	return deps{
		out: stdout, errOut: stderr, lang: lang.VI, now: testClock, dbPath: path,
		openDB:   func(ctx context.Context) (*store.DB, error) { return store.Open(ctx, path, opt) },
		openView: func(ctx context.Context) (*store.DB, error) { return store.OpenView(ctx, path, opt) },
	}, stdout, stderr
}

// noDeps stands for the app in tests of the flags, where nothing runs.
func noDeps() deps { return deps{} }

// execute runs a command alone with args, as tests of its flags do: the run
// function the test gave it records the options instead of running.
func execute(cmd *cobra.Command, args ...string) error {
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	return cmd.ExecuteContext(context.Background())
}

// said is what a command's error tells the officer in l: a userError's
// wording, or the error's own text.
func said(err error, l lang.Lang) string {
	var ue *userError
	if errors.As(err, &ue) {
		// Every refusal a test looks at is checked for arguments that do
		// not fit its wording, in both languages ("%!(EXTRA …)").
		if strings.Contains(ue.text.VI+ue.text.EN, "%!") {
			panic(fmt.Sprintf("a refusal with arguments that do not fit its wording: %q / %q", ue.text.VI, ue.text.EN))
		}
		return ue.text.In(l)
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
