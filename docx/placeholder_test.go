package docx

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Tổ chức {{TT_BUOI}} buổi", []string{"TT_BUOI"}},
		{"{{ TT_BUOI.2015 }} và {{TT_BUOI.so_sanh}}", []string{"TT_BUOI.2015", "TT_BUOI.so_sanh"}},
		{"{{ngày_tháng}}", []string{"ngày_tháng"}}, // found, to be named as unknown
		{"{{{giai_doan}}}", []string{"giai_doan"}},
		{"{{ xin chào }} {{}} {{ {{ so_nam", nil}, // text, not placeholders
		{"a {{b}c}} d", nil},
		{"{{_x}} {{.y}} {{-z}}", nil},
		{"{{\u00a0so_nam\u200b}}", []string{"so_nam"}},
		{"", nil},
	} {
		var got []string
		for _, p := range Placeholders(tc.in) {
			got = append(got, p.Name)
			if !strings.Contains(tc.in[p.Start:p.End], p.Name) || !strings.HasPrefix(tc.in[p.Start:], "{{") || !strings.HasSuffix(tc.in[:p.End], "}}") {
				t.Errorf("%q: bad span %+v", tc.in, p)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Placeholders(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSplice: a placeholder split over runs, as Word splits it after a
// spell-check or an edit in its middle, is replaced in the run where it
// starts, the others losing only its characters.
func TestSplice(t *testing.T) {
	vals := map[string]string{"TT_BUOI": "22.859", "giai_doan": "2013–2023", "x": ""}
	value := func(p Placeholder) (string, error) {
		v, ok := vals[p.Name]
		if !ok {
			return "", errors.New("unknown " + p.Name)
		}
		return v, nil
	}
	for _, tc := range []struct {
		in, want []string
	}{
		{[]string{"Tổ chức ", "{{", "TT_", "BUOI}}", " buổi."}, []string{"Tổ chức ", "22.859", "", "", " buổi."}},
		{[]string{"Tổ chức {{TT_BUOI}} buổi"}, []string{"Tổ chức 22.859 buổi"}},
		{[]string{"a{", "{TT_BUOI", "}} và {{giai", "_doan}}b"}, []string{"a22.859", "", " và 2013–2023", "b"}},
		{[]string{"{{x}}{{x}}", "c"}, []string{"", "c"}},
		{[]string{"không có gì {{", " mở"}, []string{"không có gì {{", " mở"}},
	} {
		got, errs := Splice(tc.in, value)
		if len(errs) > 0 || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Splice(%q) = %q, %v; want %q", tc.in, got, errs, tc.want)
		}
	}
	in := []string{"{{a}} và {{", "TT_BUOI}} và {{b}}"}
	got, errs := Splice(in, value)
	if len(errs) != 2 || !reflect.DeepEqual(got, in) {
		t.Errorf("unknown names: %q %v, want the input back and 2 errors", got, errs)
	}
}

// FuzzPlaceholders: placeholders are found in order without overlap, each
// names what it spans, and splicing every placeholder back as itself
// gives the text back, however it is split.
func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"Tổ chức {{TT_BUOI}} buổi", "{{ a.b }}{{c}}", "{{{{x}}}}", "{{ xin chào }}", "{{ngày}}", "}}{{"} {
		f.Add(s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		ps := Placeholders(s)
		end := 0
		for _, p := range ps {
			if p.Start < end || p.End <= p.Start || p.End > len(s) || !strings.Contains(s[p.Start:p.End], p.Name) || p.Name == "" {
				t.Fatalf("%q: bad placeholder %+v", s, p)
			}
			end = p.End
		}
		k := int(cut) % (len(s) + 1)
		segs := []string{s[:k], s[k:]}
		got, errs := Splice(segs, func(p Placeholder) (string, error) { return s[p.Start:p.End], nil })
		if len(errs) > 0 || strings.Join(got, "") != s {
			t.Fatalf("identity splice of %q: %q %v", s, got, errs)
		}
	})
}
