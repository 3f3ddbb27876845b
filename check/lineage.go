package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/submission"
)

// Lineage tells the checks about units that change (FORMATS.md §10). A
// History that is also a Lineage has a submission's figures checked
// against the lives of its units.
type Lineage interface {
	// Life is a unit's life as the unit list has it; ok is false for a
	// unit without one.
	Life(unit string) (l Life, ok bool)
	// Source names the file and cell of the figure in force for (unit,
	// indicator, year); ok is false when there is none.
	Source(unit, indicator string, year int) (file, cell string, ok bool, err error)
}

// Life is how a unit of the list ended and whom it is joined to.
type Life struct {
	Name string
	// End is the last day the unit existed (ISO), "" while it exists: its
	// Hiệu lực đến, or the day before it went to successors.
	End        string
	Successors []string
	// Changes are its predecessors and successors with the year of the
	// change between them.
	Changes []Change
}

// Change is a unit joined to another by a succession in Year.
type Change struct {
	Unit        string
	Year        int
	Predecessor bool // Unit is the predecessor
}

// lineage reports figures for years after a unit ended (unit-ceased) and
// a stock reported for the year of a change by both sides of it
// (succession-overlap).
func (c *checker) lineage(l Lineage, hist History) error {
	type key struct {
		unit string
		year int
	}
	// The lives of the file's units, looked up once each.
	lives := make([]*Life, len(c.sub.Units))
	ends := make([]int, len(c.sub.Units))
	for i, u := range c.sub.Units {
		if life, ok := l.Life(u.Resolved); ok {
			lives[i] = &life
			ends[i], _ = strconv.Atoi(life.End[:min(4, len(life.End))])
		}
	}
	ceased := map[key][]submission.Figure{}
	var order []key
	for _, fg := range c.sub.Figures {
		life := lives[fg.Unit]
		if life == nil {
			continue
		}
		code := c.sub.UnitCode(fg)
		if life.End != "" && int(fg.Year) > ends[fg.Unit] {
			k := key{code, int(fg.Year)}
			if ceased[k] == nil {
				order = append(order, k)
			}
			ceased[k] = append(ceased[k], fg)
		}
		if err := c.overlap(l, hist, fg, code, *life); err != nil {
			return err
		}
	}
	for _, k := range order {
		life, _ := l.Life(k.unit)
		c.ceased(k.unit, k.year, life, ceased[k])
	}
	return nil
}

// ceased reports the figures of a year wholly after a unit ended, once
// for the year, at its first cell.
func (c *checker) ceased(unit string, year int, life Life, figs []submission.Figure) {
	first := figs[0]
	who := unit
	if life.Name != "" {
		who = life.Name + " (" + unit + ")"
	}
	end := showDate(life.End)
	var t lang.Text
	if len(life.Successors) > 0 {
		succ := strings.Join(life.Successors, ", ")
		t = lang.F(
			"Đơn vị %s hết hiệu lực từ sau ngày %s (đã chuyển sang %s) nên không có số liệu năm %d (%d ô, từ ô %s). Số liệu năm %d do đơn vị kế thừa báo cáo: hãy xóa các số này, hoặc chuyển sang biểu của %s.",
			"Unit %s ceased after %s (it went to %s), so it has no figures for %d (%d cells, from cell %s). The successor reports %d: delete these figures, or move them to the form of %s.",
			who, end, succ, year, len(figs), first.Cell(), year, succ)
	} else {
		t = lang.F(
			"Đơn vị %s hết hiệu lực từ sau ngày %s (không có đơn vị kế thừa) nên không có số liệu năm %d (%d ô, từ ô %s). Hãy xóa các số này; nếu đơn vị vẫn còn, hãy sửa Hiệu lực đến trong danh sách đơn vị rồi nạp lại.",
			"Unit %s ceased after %s (with no successor), so it has no figures for %d (%d cells, from cell %s). Delete these figures; if the unit still exists, correct its Hiệu lực đến in the unit list and import it again.",
			who, end, year, len(figs), first.Cell())
	}
	f := c.at(finding.Error, finding.UnitCeased, first, t)
	f.Indicator = ""
	c.add(f)
}

// overlap warns when a stock figure of the year of a change has a figure
// of the other side of the change too: in this file or in force.
func (c *checker) overlap(l Lineage, hist History, fg submission.Figure, code string, life Life) error {
	ind, ok := c.cat.ByCode(fg.Indicator)
	if !ok || ind.Agg != catalog.Last {
		return nil
	}
	for _, ch := range life.Changes {
		if ch.Year != int(fg.Year) {
			continue
		}
		where, found := c.inFile(ch.Unit, fg)
		if !found {
			stored, err := hist.Figures(ch.Unit)
			if err != nil {
				return err
			}
			if _, ok := stored[fg.Indicator][int(fg.Year)]; !ok {
				continue
			}
			file, cell, ok, err := l.Source(ch.Unit, fg.Indicator, int(fg.Year))
			if err != nil {
				return err
			}
			if ok {
				where = fmt.Sprintf("%s, %s", file, cell)
			}
		}
		old, young := ch.Unit, code
		if !ch.Predecessor {
			old, young = code, ch.Unit
		}
		c.add(c.at(finding.Warning, finding.SuccessionOverlap, fg, lang.Join(": ", c.ctx(fg), lang.F(
			"cả đơn vị cũ %s và đơn vị mới %s đều báo số thời điểm này cho năm sáp nhập %d (số của %s ở %s). Khi tổng hợp, số cuối năm của đơn vị mới được tính một mình (đã gồm phần của đơn vị cũ), số của đơn vị cũ không cộng thêm; nếu đúng vậy thì không cần sửa.",
			"both the old unit %s and the new unit %s report this stock for the year of the change, %d (%s's figure is at %s). A summary counts the new unit's year-end figure alone (it holds the old unit's part); the old unit's is not added. If that is right, nothing needs correcting.",
			old, young, int(fg.Year), ch.Unit, where))))
	}
	return nil
}

// inFile finds the figure of another unit for the same indicator and year
// in the file being checked (indexed on first need: a long sheet holds a
// million figures).
func (c *checker) inFile(unit string, fg submission.Figure) (string, bool) {
	if c.byPlace == nil {
		c.byPlace = map[place]submission.Figure{}
		for _, o := range c.sub.Figures {
			c.byPlace[place{c.sub.UnitCode(o), o.Indicator, o.Year}] = o
		}
	}
	o, ok := c.byPlace[place{unit, fg.Indicator, fg.Year}]
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%s!%s", c.sub.SheetOf(o), o.Cell()), true
}

// place is a figure's unit, indicator and year.
type place struct {
	unit, ind string
	year      int32
}

// showDate writes an ISO date day first: 30/06/2025.
func showDate(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:] + "/" + iso[5:7] + "/" + iso[:4]
}
