package catalogbook

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

// TestMerge: the workbook's parts replace those in force; a part whose
// sheet is absent keeps what is in force; rules that do not fit the new
// indicators, or a workbook with an error, give no catalog and say why.
func TestMerge(t *testing.T) {
	builtin := catalog.Builtin()
	inForce := *builtin
	inForce.Organisations = []string{"Công an", "Đoàn Thanh niên"}
	inForce.AwardForms = []string{"Giấy khen"}
	without := func(code string) []catalog.Indicator {
		return slices.DeleteFunc(slices.Clone(builtin.Indicators), func(i catalog.Indicator) bool { return i.Code == code })
	}
	tests := []struct {
		name      string
		im        Imported
		wantRules []catalog.Rule // nil: no catalog
		wantOrgs  []string
		wantForms []string
		wantFind  []string // codes added to the workbook's findings
	}{
		{"every sheet", Imported{Indicators: builtin.Indicators, Rules: builtin.Rules[:2], HasRules: true,
			Organisations: []string{"Hội Nông dân"}, AwardForms: []string{"Bằng khen"}},
			builtin.Rules[:2], []string{"Hội Nông dân"}, []string{"Bằng khen"}, nil},
		{"indicators only", Imported{Indicators: builtin.Indicators},
			builtin.Rules, inForce.Organisations, inForce.AwardForms, nil},
		{"a rules sheet with no rule", Imported{Indicators: builtin.Indicators, Rules: nil, HasRules: true},
			[]catalog.Rule{}, inForce.Organisations, inForce.AwardForms, nil},
		{"rules in force name a removed indicator", Imported{Indicators: without("TT_BUOI")},
			nil, nil, nil, []string{finding.ConstraintError}},
		{"an error in the workbook", Imported{Indicators: builtin.Indicators,
			Findings: []finding.Finding{finding.New(finding.Error, finding.TypeError, lang.F("x", "x"))}},
			nil, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im := tt.im
			before := len(im.Findings)
			c := im.Merge(&inForce)
			var added []string
			for _, f := range im.Findings[before:] {
				added = append(added, f.Code)
			}
			if !slices.Equal(added, tt.wantFind) {
				t.Errorf("findings added %v, want %v", added, tt.wantFind)
			}
			if tt.wantRules == nil {
				if c != nil {
					t.Fatalf("a catalog %+v, want none", c)
				}
				return
			}
			if c == nil {
				t.Fatalf("no catalog: %v", codes(im.Findings))
			}
			if !slices.Equal(c.Indicators, im.Indicators) || !slices.Equal(rules(c.Rules), rules(tt.wantRules)) ||
				!slices.Equal(c.Organisations, tt.wantOrgs) || !slices.Equal(c.AwardForms, tt.wantForms) {
				t.Errorf("catalog: %d indicators, rules %v, organisations %q, forms %q", len(c.Indicators), rules(c.Rules), c.Organisations, c.AwardForms)
			}
		})
	}
	t.Run("the message", func(t *testing.T) {
		im := Imported{Indicators: without("TT_BUOI")}
		im.Merge(builtin)
		if f := im.Findings[0]; !strings.HasPrefix(f.Text.VI, "Danh mục mới không dùng được với các quy tắc đang có") ||
			!strings.HasPrefix(f.Text.EN, "The new catalog does not fit the rules in force") || !strings.Contains(f.Text.EN, "TT_BUOI") {
			t.Errorf("%+v", f.Text)
		}
	})
}

// TestReadFile: a file that is there reads as Read reads its bytes; one
// that is not is a finding, not an error.
func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "chi-tieu.xlsx")
	if err := os.WriteFile(path, export(t, catalog.Builtin()), 0o644); err != nil {
		t.Fatal(err)
	}
	im := ReadFile(path)
	sameCatalog(t, im, catalog.Builtin())
	if im.File != path || len(im.SHA256) != 64 {
		t.Errorf("file %q sha %q", im.File, im.SHA256)
	}
	missing := ReadFile(filepath.Join(t.TempDir(), "khong-co.xlsx"))
	if got := codes(missing.Findings); !slices.Equal(got, []string{"corrupt-file@"}) || missing.Valid() || missing.Merge(catalog.Builtin()) != nil {
		t.Errorf("a missing file: findings %v", got)
	}
}
