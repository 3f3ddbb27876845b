package main

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

func TestHistoryRevertFlags(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		want    historyOptions
		wantErr string
	}{
		{nil, historyOptions{format: "text"}, ""},
		{[]string{"--unit", "HP-HB", "--format", "json"}, historyOptions{unit: "HP-HB", format: "json"}, ""},
		{[]string{"--format", "xlsx"}, historyOptions{}, `định dạng "xlsx" không hỗ trợ`},
	} {
		var got *historyOptions
		err := execute(newHistoryCmd(noDeps, func(_ context.Context, o *historyOptions) error { got = o; return nil }), tt.args...)
		if tt.wantErr != "" {
			if got != nil || !strings.Contains(said(err, lang.VI), tt.wantErr) {
				t.Errorf("history %v: ran %v, %q; want %q", tt.args, got != nil, said(err, lang.VI), tt.wantErr)
			}
			continue
		}
		if err != nil || got == nil {
			t.Fatalf("history %v: %v", tt.args, err)
		}
		if got.deps = (deps{}); !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("history %v: %+v, want %+v", tt.args, *got, tt.want)
		}
	}
	for _, tt := range []struct {
		arg     string
		want    int64
		wantErr string
	}{
		{"12", 12, ""},
		{"abc", 0, `"abc" không phải số hiệu lần nộp`},
		{"0", 0, `"0" không phải số hiệu lần nộp`},
		{"-3", 0, "unknown shorthand flag"},
	} {
		var got *revertOptions
		err := execute(newRevertCmd(noDeps, func(_ context.Context, o *revertOptions) error { got = o; return nil }), tt.arg)
		switch {
		case tt.wantErr != "":
			if got != nil || !strings.Contains(said(err, lang.VI), tt.wantErr) {
				t.Errorf("revert %s: ran %v, %q; want %q", tt.arg, got != nil, said(err, lang.VI), tt.wantErr)
			}
		case err != nil || got == nil || got.id != tt.want:
			t.Errorf("revert %s: %v %+v, want id %d", tt.arg, err, got, tt.want)
		}
	}
}

// TestRunHistoryRevert: the history of an empty database, as JSON; a
// submission withdrawn, said in the chosen language; withdrawn twice or
// never stored, refused.
func TestRunHistoryRevert(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	d, stdout, _ := testDeps(t, dir)
	if err := runHistory(ctx, &historyOptions{deps: d, format: "json"}); err != nil || stdout.String() != "[]\n" {
		t.Fatalf("history of an empty database: %v %q", err, stdout)
	}
	good, _ := sample(t, dir)
	d, _, _ = testDeps(t, dir)
	if err := runIngest(ctx, &ingestOptions{deps: d, paths: []string{good}, format: "text", failOn: "error"}); err != nil {
		t.Fatal(err)
	}
	d, stdout, _ = testDeps(t, dir)
	if err := runHistory(ctx, &historyOptions{deps: d, format: "text", unit: "HP-HONGBANG"}); err != nil || !strings.Contains(stdout.String(), "01-hong-bang.xlsx") {
		t.Fatalf("history --unit: %v\n%s", err, stdout)
	}

	d, _, stderr := testDeps(t, dir)
	d.lang = lang.EN
	if err := runRevert(ctx, &revertOptions{deps: d, id: 1}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stderr.String(), "Submission 1 withdrawn: 0 figures back to the earlier submission's value, 0 unchanged") {
		t.Errorf("revert: %q", stderr)
	}
	for id, want := range map[int64]string{1: "lần nộp số 1 đã được rút trước đây.", 99: "không có lần nộp số 99"} {
		d, _, _ := testDeps(t, dir)
		if err := runRevert(ctx, &revertOptions{deps: d, id: id}); !strings.Contains(said(err, lang.VI), want) {
			t.Errorf("revert %d: %q, want %q", id, said(err, lang.VI), want)
		}
	}
}
