package check

import (
	"fmt"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
)

// rules evaluates every catalog rule for each year the file carries.
func (c *checker) rules(unit int, v *view) {
	for _, year := range v.years {
		for _, r := range c.cat.Rules {
			c.rule(unit, v, r, year)
		}
	}
}

func (c *checker) rule(unit int, v *view, r catalog.Rule, year int) {
	if r.HasWhen {
		a, okA := v.operand(r.WhenL, year)
		b, okB := v.operand(r.WhenR, year)
		if !okA || !okB || !catalog.Compare(a, r.WhenOp, b) {
			return
		}
	}
	left, okL := v.operand(r.L, year)
	right, okR := v.operand(r.R, year)
	// A "> 0" rule whose left side is missing is broken too: money spent
	// on houses built must be reported. It is told as missing, not as 0.
	missingL := false
	if !okL && r.HasWhen && r.L.Indicator != "" {
		left, okL, missingL = 0, true, true
	}
	if !okL || !okR || catalog.Compare(left, r.Op, right) {
		return
	}
	// Blame a cell the file carries: the left side if it can, else the right.
	fg, inFile := v.cells[r.L.Indicator][year]
	if !inFile && !r.R.Cumulative {
		fg, inFile = v.cells[r.R.Indicator][year]
	}
	if !inFile {
		if r.HasWhen {
			fg, inFile = v.cells[r.WhenL.Indicator][year]
		}
		if !inFile {
			return // the file touches neither side: not this file's problem
		}
	}
	if c.sub.HadError(unit, r.L.Indicator, year) || c.sub.HadError(unit, r.R.Indicator, year) {
		return
	}
	sev := finding.Warning
	if r.Severity == "error" {
		sev = finding.Error
	}
	msg := lang.Join(" ", c.ruleFacts(r, v, year, left, right, missingL), lang.Text{VI: r.MessageVI, EN: r.MessageEN},
		lang.F("Hãy kiểm tra lại các số của năm %d.", "Check the figures for %d.", year))
	f := c.at(sev, finding.RuleViolation, fg, msg)
	c.add(f)
}

// ruleFacts states the broken comparison with the figures and their
// cells; missingL: the left side has no figure at all (not a 0).
func (c *checker) ruleFacts(r catalog.Rule, v *view, year int, left, right int64, missingL bool) lang.Text {
	side := func(o catalog.Operand, value int64) lang.Text {
		if o.Indicator == "" {
			return lang.F("%s", "%s", vn.FormatDecimal(value))
		}
		ind, _ := c.cat.ByCode(o.Indicator)
		if missingL && o == r.L {
			return lang.F("%s không có số liệu", "%s has no figure", ind.Name) // an empty cell, or no row at all
		}
		if o.Cumulative {
			return lang.F("tổng %s đến năm %d là %s", "the total of %s up to %d is %s",
				strings.ToLower(ind.Name), year, vn.FormatDecimal(value))
		}
		t := lang.F("%s là %s", "%s is %s", ind.Name, vn.FormatDecimal(value))
		if fg, ok := v.cells[o.Indicator][year]; ok {
			t = lang.F("%s (ô %s) là %s", "%s (cell %s) is %s", ind.Name, fg.Cell(), vn.FormatDecimal(value))
		}
		return t
	}
	l, rt := side(r.L, left), side(r.R, right)
	if r.R.Indicator == "" {
		return lang.Text{
			VI: fmt.Sprintf("Năm %d: %s (cần %s %s %s).", year, l.VI, r.Left, r.Op, r.Right),
			EN: fmt.Sprintf("Year %d: %s (required: %s %s %s).", year, l.EN, r.Left, r.Op, r.Right),
		}
	}
	return lang.Text{
		VI: fmt.Sprintf("Năm %d: %s, trong khi %s (cần %s %s %s).", year, l.VI, rt.VI, r.Left, r.Op, r.Right),
		EN: fmt.Sprintf("Year %d: %s, while %s (required: %s %s %s).", year, l.EN, rt.EN, r.Left, r.Op, r.Right),
	}
}
