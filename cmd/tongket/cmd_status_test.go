package main

import (
	"context"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

func TestStatusFlags(t *testing.T) {
	for _, tt := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--period", "2013-2023"}, ""},
		{[]string{"--years", "5", "--to", "2024"}, ""},
		{[]string{"extra"}, "unknown command"},
	} {
		var got *statusOptions
		err := execute(newStatusCmd(noDeps, func(_ context.Context, o *statusOptions) error { got = o; return nil }), tt.args...)
		if tt.wantErr != "" {
			if got != nil || err == nil || !strings.Contains(said(err, lang.VI)+err.Error(), tt.wantErr) {
				t.Errorf("status %v: ran %v, %v; want %q", tt.args, got != nil, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got == nil {
			t.Fatalf("status %v: %v", tt.args, err)
		}
		p, err := got.periodFlags.get()
		if err != nil || p.To-p.From < 5 {
			t.Errorf("status %v: period %v, %v", tt.args, p, err)
		}
	}
}

// TestRunStatus: an empty database's status, in either language.
func TestRunStatus(t *testing.T) {
	for _, tt := range []struct {
		l    lang.Lang
		want string
	}{
		{lang.VI, "Tình hình báo cáo giai đoạn 2019–2024"},
		{lang.EN, "Reports received, 2019–2024"},
	} {
		d, stdout, _ := testDeps(t, t.TempDir())
		d.lang = tt.l
		o := &statusOptions{deps: d}
		o.period = "2019-2024"
		if err := runStatus(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stdout.String(), tt.want) || tt.l == lang.EN && vietLetter.MatchString(stdout.String()) {
			t.Errorf("%s:\n%s", tt.l, stdout.String())
		}
	}
}
