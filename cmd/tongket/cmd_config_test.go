package main

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

func TestConfigFlags(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		want    *configSetOptions // nil: the listing runs
		wantErr string
	}{
		{nil, nil, ""},
		{[]string{"set", "agency", "CÔNG AN QUẬN HỒNG BÀNG"}, &configSetOptions{key: "agency", value: "CÔNG AN QUẬN HỒNG BÀNG"}, ""},
		{[]string{"set", "recipients", "Công an thành phố (để b/c)", "Lưu: VT"}, &configSetOptions{key: "recipients", value: "Công an thành phố (để b/c)\nLưu: VT"}, ""},
		{[]string{"unset", "doc-number"}, &configSetOptions{key: "doc-number"}, ""},
		{[]string{"set", "agency"}, nil, "requires at least 2 arg"},
		{[]string{"list"}, nil, "unknown command"},
	} {
		var listed bool
		var got *configSetOptions
		cmd := newConfigCmd(noDeps,
			func(context.Context, *configOptions) error { listed = true; return nil },
			func(_ context.Context, o *configSetOptions) error { got = o; return nil })
		err := execute(cmd, tt.args...)
		switch {
		case tt.wantErr != "":
			if listed || got != nil || err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("config %q: ran %v %v, %v; want %q", tt.args, listed, got, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("config %q: %v", tt.args, err)
		case tt.want == nil:
			if !listed || got != nil {
				t.Errorf("config %q: listed %v, set %+v", tt.args, listed, got)
			}
		default:
			if got == nil {
				t.Fatalf("config %q: nothing set", tt.args)
			}
			if got.deps = (deps{}); !reflect.DeepEqual(*got, *tt.want) {
				t.Errorf("config %q: %+v, want %+v", tt.args, *got, *tt.want)
			}
		}
	}
}

// TestRunConfig: a setting stored trimmed and listed, the line saying so in
// the chosen language; a value the setting refuses, refused in each
// language without the other's words.
func TestRunConfig(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	d, _, stderr := testDeps(t, dir)
	d.lang = lang.EN
	if err := runConfigSet(ctx, &configSetOptions{deps: d, key: "place", value: "  Hải Phòng "}); err != nil || stderr.String() != "Saved place.\n" {
		t.Fatalf("set: %v %q", err, stderr)
	}
	d, stdout, _ := testDeps(t, dir)
	if err := runConfig(ctx, &configOptions{deps: d}); err != nil ||
		!strings.Contains(stdout.String(), "place           Hải Phòng\n") || !strings.Contains(stdout.String(), "agency          ……\n") {
		t.Fatalf("config: %v\n%s", err, stdout)
	}
	d, _, _ = testDeps(t, dir)
	err := runConfigSet(ctx, &configSetOptions{deps: d, key: "date", value: "32/13/2024"})
	if vi, en := said(err, lang.VI), said(err, lang.EN); !strings.HasPrefix(vi, `giá trị "32/13/2024" không hợp lệ cho date: ngày của báo cáo`) ||
		en != `"32/13/2024" is not a valid date: the report's date: dd/mm/yyyy, "hom-nay" (the day of the run, the default) or "trong" (a dotted line to fill in by hand).` {
		t.Errorf("a bad date: %q / %q", vi, en)
	}
}
