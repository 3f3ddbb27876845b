package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

// TestInitDemoFlags: init takes nothing; demo takes its folder.
func TestInitDemoFlags(t *testing.T) {
	var ran bool
	if err := execute(newInitCmd(noDeps, func(context.Context, *initOptions) error { ran = true; return nil })); err != nil || !ran {
		t.Errorf("init: %v, ran %v", err, ran)
	}
	if err := execute(newInitCmd(noDeps, nil), "x.db"); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("init x.db: %v", err)
	}
	for _, tt := range []struct {
		args []string
		want demoOptions
	}{{nil, demoOptions{}}, {[]string{"-o", "thu"}, demoOptions{dir: "thu"}}} {
		var got *demoOptions
		if err := execute(newDemoCmd(noDeps, func(_ context.Context, o *demoOptions) error { got = o; return nil }), tt.args...); err != nil || got == nil {
			t.Fatalf("demo %v: %v", tt.args, err)
		}
		if got.deps = (deps{}); !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("demo %v: %+v, want %+v", tt.args, *got, tt.want)
		}
	}
}

// TestRunInit: the database is made, said in the chosen language, and
// nothing is said with --quiet.
func TestRunInit(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		lang  lang.Lang
		quiet bool
		want  string
	}{
		{lang.VI, false, "Cơ sở dữ liệu sẵn sàng: " + filepath.Join(dir, "t.db") + "\n"},
		{lang.EN, false, "The database is ready: " + filepath.Join(dir, "t.db") + "\n"},
		{lang.EN, true, ""},
	} {
		d, stdout, stderr := testDeps(t, dir)
		d.lang, d.quiet = tt.lang, tt.quiet
		if err := runInit(context.Background(), &initOptions{deps: d}); err != nil {
			t.Fatal(err)
		}
		if stderr.String() != tt.want || stdout.Len() != 0 {
			t.Errorf("%s quiet %v: stderr %q, stdout %q; want stderr %q", tt.lang, tt.quiet, stderr, stdout, tt.want)
		}
		if _, err := os.Stat(d.dbPath); err != nil {
			t.Fatal(err)
		}
	}
}
