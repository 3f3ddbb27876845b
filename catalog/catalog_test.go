package catalog

import (
	"strings"
	"testing"
)

func TestBuiltin(t *testing.T) {
	c := Builtin()
	if len(c.Indicators) != 18 || len(c.Rules) != 5 {
		t.Fatalf("%d indicators, %d rules", len(c.Indicators), len(c.Rules))
	}
	for code, agg := range map[string]Agg{"TT_BUOI": Sum, "MH_HIEUQUA": Last, "CAMERA_SO": Last, "NHA_TIEN": Sum} {
		if i, ok := c.ByCode(code); !ok || i.Agg != agg {
			t.Errorf("%s: %+v", code, i)
		}
	}
	if i, ok := c.ByName("Số xã, phường có mô hình “Tự quản về an ninh, trật tự”"); !ok || i.Code != "XA_TUQUAN" {
		t.Errorf("typographic quotes: %+v %v", i, ok)
	}
	if i, ok := c.ByName("số vụ mâu thuẫn, tranh chấp được hoà giải thành"); !ok || i.Code != "HG_VU" {
		t.Errorf("old tone placement: %+v %v", i, ok)
	}
	if i, ok := c.Closest("So buoi tuyen truyen"); !ok || i.Code != "TT_BUOI" {
		t.Errorf("closest: %+v %v", i, ok)
	}
	r := c.Rules[2]
	if !r.R.Cumulative || r.R.Indicator != "MH_TRIENKHAI" || r.Op != "<=" {
		t.Errorf("cumulative rule: %+v", r)
	}
	if r := c.Rules[3]; !r.HasWhen || r.WhenL.Indicator != "NHA_SO" || r.R.Constant != 0 {
		t.Errorf("conditional rule: %+v", r)
	}
}

func TestRuleErrors(t *testing.T) {
	inds := Builtin().Indicators
	tests := []struct {
		rule Rule
		want string
	}{
		{Rule{Left: "TT_LUOT", Op: "=>", Right: "TT_BUOI", Severity: "error"}, "operator"},
		{Rule{Left: "TT_LUOTT", Op: ">=", Right: "TT_BUOI", Severity: "error"}, "neither an indicator"},
		{Rule{Left: "TT_LUOT", Op: ">=", Right: "cumulative(XX)", Severity: "error"}, "unknown indicator"},
		{Rule{Left: "TT_LUOT", Op: ">=", Right: "1", Severity: "fatal"}, "severity"},
		{Rule{Left: "TT_LUOT", Op: ">=", Right: "1", When: "NHA_SO", Severity: "error"}, "condition"},
	}
	for _, tt := range tests {
		if _, err := New(inds, []Rule{tt.rule}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want %q", tt.rule, err, tt.want)
		}
	}
	if !Compare(5, ">=", 5) || Compare(4, ">", 4) || !Compare(1, "!=", 2) {
		t.Error("Compare")
	}
}
