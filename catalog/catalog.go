// Package catalog is the list of indicators (chỉ tiêu) tongket knows and the
// cross-indicator rules checked on every submission.
//
// The catalog is data, not code: the built-in one is embedded JSON, the store
// keeps a copy in the database, and rules are expressions evaluated by the
// check package, never Go conditionals.
package catalog

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/tongket/tongket/vn"
)

// Agg says how an indicator's yearly figures combine over a period.
type Agg string

// Aggregations: a flow adds its years, a stock takes its latest year.
const (
	Sum  Agg = "sum"
	Last Agg = "last"
)

// Kind says which values an indicator accepts.
type Kind string

// Kinds: counts are whole numbers, money may have two decimals.
const (
	Count Kind = "count"
	Money Kind = "money"
)

// Indicator is one line of the catalog.
type Indicator struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Unit  string `json:"unit"`
	Agg   Agg    `json:"agg"`
	Kind  Kind   `json:"kind"`
	Order int    `json:"order,omitempty"`
}

// Operand of a rule: an indicator's value in the year, its cumulative sum up
// to the year, or a constant (in hundredths, as figures are stored).
type Operand struct {
	Indicator  string
	Cumulative bool
	Constant   int64
}

// Rule is a cross-indicator rule "Left Op Right", optionally only "When" a
// condition holds, checked per unit and year.
type Rule struct {
	Left      string `json:"left"`
	Op        string `json:"op"`
	Right     string `json:"right"`
	When      string `json:"when,omitempty"`
	Severity  string `json:"severity"`
	MessageVI string `json:"message_vi,omitempty"`
	MessageEN string `json:"message_en,omitempty"`

	L, R    Operand `json:"-"`
	HasWhen bool    `json:"-"`
	WhenL   Operand `json:"-"`
	WhenOp  string  `json:"-"`
	WhenR   Operand `json:"-"`
}

// Catalog is a loaded, indexed catalog.
type Catalog struct {
	Indicators []Indicator
	Rules      []Rule
	// Organisations a nominee may belong to, in the order rosters print
	// them, and the award forms; both are data the user can extend.
	Organisations []string
	AwardForms    []string

	byCode map[string]int
	byKey  map[string]int
	names  []string
}

//go:embed builtin.json
var builtinJSON []byte

type file struct {
	Indicators    []Indicator `json:"indicators"`
	Rules         []Rule      `json:"rules"`
	Organisations []string    `json:"organisations"`
	AwardForms    []string    `json:"award_forms"`
}

// Builtin returns the embedded catalog of FORMATS.md §1.
func Builtin() *Catalog {
	var f file
	if err := json.Unmarshal(builtinJSON, &f); err != nil {
		panic("catalog: embedded builtin.json is invalid: " + err.Error())
	}
	c, err := New(f.Indicators, f.Rules)
	if err != nil {
		panic("catalog: embedded builtin.json is invalid: " + err.Error())
	}
	c.Organisations, c.AwardForms = f.Organisations, f.AwardForms
	return c
}

// New validates and indexes indicators and rules.
func New(inds []Indicator, rules []Rule) (*Catalog, error) {
	c := &Catalog{byCode: map[string]int{}, byKey: map[string]int{}}
	for i, ind := range inds {
		if ind.Code == "" || ind.Name == "" {
			return nil, fmt.Errorf("indicator %d: code and name are required", i+1)
		}
		if ind.Agg != Sum && ind.Agg != Last {
			return nil, fmt.Errorf("indicator %s: agg %q is not sum or last", ind.Code, ind.Agg)
		}
		if ind.Kind != Count && ind.Kind != Money {
			return nil, fmt.Errorf("indicator %s: kind %q is not count or money", ind.Code, ind.Kind)
		}
		if _, dup := c.byCode[ind.Code]; dup {
			return nil, fmt.Errorf("indicator %s is listed twice", ind.Code)
		}
		if ind.Order == 0 {
			ind.Order = i + 1
		}
		c.byCode[ind.Code] = len(c.Indicators)
		c.byKey[vn.Key(ind.Name)] = len(c.Indicators)
		c.Indicators = append(c.Indicators, ind)
		c.names = append(c.names, ind.Name)
	}
	for i, r := range rules {
		if err := c.compile(&r); err != nil {
			return nil, fmt.Errorf("rule %d (%s %s %s): %w", i+1, r.Left, r.Op, r.Right, err)
		}
		c.Rules = append(c.Rules, r)
	}
	return c, nil
}

var condRe = regexp.MustCompile(`^\s*(\S+)\s*(>=|<=|==|!=|>|<)\s*(\S+)\s*$`)

func (c *Catalog) compile(r *Rule) error {
	if !validOp(r.Op) {
		return fmt.Errorf("operator %q is not one of >= <= > < == !=", r.Op)
	}
	if r.Severity != "error" && r.Severity != "warning" {
		return fmt.Errorf("severity %q is not error or warning", r.Severity)
	}
	var err error
	if r.L, err = c.operand(r.Left); err != nil {
		return err
	}
	if r.R, err = c.operand(r.Right); err != nil {
		return err
	}
	if strings.TrimSpace(r.When) != "" {
		m := condRe.FindStringSubmatch(r.When)
		if m == nil {
			return fmt.Errorf("condition %q is not \"CODE op value\"", r.When)
		}
		r.HasWhen, r.WhenOp = true, m[2]
		if r.WhenL, err = c.operand(m[1]); err != nil {
			return err
		}
		if r.WhenR, err = c.operand(m[3]); err != nil {
			return err
		}
	}
	return nil
}

func validOp(op string) bool {
	switch op {
	case ">=", "<=", ">", "<", "==", "!=":
		return true
	}
	return false
}

func (c *Catalog) operand(s string) (Operand, error) {
	s = strings.TrimSpace(s)
	if inner, ok := strings.CutPrefix(s, "cumulative("); ok && strings.HasSuffix(inner, ")") {
		code := strings.TrimSuffix(inner, ")")
		if _, ok := c.byCode[code]; !ok {
			return Operand{}, fmt.Errorf("unknown indicator %q", code)
		}
		return Operand{Indicator: code, Cumulative: true}, nil
	}
	if _, ok := c.byCode[s]; ok {
		return Operand{Indicator: s}, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return Operand{Constant: int64(math.Round(f * 100))}, nil
	}
	return Operand{}, fmt.Errorf("%q is neither an indicator code nor a number", s)
}

// Compare applies a rule operator.
func Compare(a int64, op string, b int64) bool {
	switch op {
	case ">=":
		return a >= b
	case "<=":
		return a <= b
	case ">":
		return a > b
	case "<":
		return a < b
	case "==":
		return a == b
	case "!=":
		return a != b
	}
	return false
}

// ByCode finds an indicator by its code.
func (c *Catalog) ByCode(code string) (Indicator, bool) {
	i, ok := c.byCode[code]
	if !ok {
		return Indicator{}, false
	}
	return c.Indicators[i], true
}

// ByName finds an indicator by its name, ignoring case, spacing, Unicode form,
// quote style and old/new tone placement.
func (c *Catalog) ByName(name string) (Indicator, bool) {
	i, ok := c.byKey[vn.Key(name)]
	if !ok {
		return Indicator{}, false
	}
	return c.Indicators[i], true
}

// Closest returns the catalog entry whose code or name is nearest to s, for a
// "did you mean" suggestion.
func (c *Catalog) Closest(s string) (Indicator, bool) {
	if idx := vn.Closest(s, c.names, 1); len(idx) > 0 {
		return c.Indicators[idx[0]], true
	}
	codes := make([]string, len(c.Indicators))
	for i, ind := range c.Indicators {
		codes[i] = ind.Code
	}
	if idx := vn.Closest(s, codes, 1); len(idx) > 0 {
		return c.Indicators[idx[0]], true
	}
	return Indicator{}, false
}
