package unitlist

import (
	"strconv"
	"strings"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/xlsx"
)

// checkHistory checks the successions against the units (FORMATS.md §10):
// codes the list knows, shares of one old unit adding up to 1 on one date,
// no cycle, and dates that agree with the units' validity. A succession
// with a problem is reported at its cell; the list is then refused.
func checkHistory(l *List, units *sheetReader, s *succReader) {
	if s == nil || len(l.Successions) == 0 {
		return
	}
	c := &checker{l: l, units: units, s: s, byCode: map[string]*Unit{}}
	for i := range l.Units {
		c.byCode[strings.ToUpper(l.Units[i].Code)] = &l.Units[i]
	}
	c.codes()
	c.shares()
	c.dates()
	c.cycles()
}

type checker struct {
	l      *List
	units  *sheetReader
	s      *succReader
	byCode map[string]*Unit
}

func (c *checker) unit(code string) *Unit { return c.byCode[strings.ToUpper(code)] }

// codes keeps the successions whose both codes are units of the list,
// written as the list writes them.
func (c *checker) codes() {
	kept := c.l.Successions[:0]
	for _, x := range c.l.Successions {
		ok := true
		for _, f := range []int{sOld, sNew} {
			code := [2]string{x.Old, x.New}[f]
			u := c.unit(code)
			if u == nil {
				ok = false
				c.s.bad(f, x.Row, finding.UnknownUnit, lang.F(
					"Mã đơn vị \"%s\" không có trong trang \"%s\". Mỗi đơn vị cũ và mới phải có một dòng trong danh sách (đơn vị đã sáp nhập ghi Hiệu lực đến); hãy thêm dòng đó hoặc sửa mã.",
					"Unit code \"%s\" is not on sheet \"%s\". Every old and new unit needs a row in the list (a unit merged away with its Hiệu lực đến); add that row or correct the code.",
					code, c.units.sheet), code)
				continue
			}
			if f == sOld {
				x.Old = u.Code
			} else {
				x.New = u.Code
			}
		}
		if ok && x.Old == x.New {
			ok = false
			c.s.bad(sNew, x.Row, finding.ConstraintError, lang.F(
				"Dòng %d ghi đơn vị %s kế thừa chính nó. Mã đơn vị mới phải là đơn vị khác nhận đơn vị cũ.",
				"Row %d has unit %s succeed itself. The new unit must be another unit, the one that took the old one.", x.Row, x.Old), x.New)
		}
		if ok {
			kept = append(kept, x)
		}
	}
	c.l.Successions = kept
}

// byOld groups the successions by old unit, in row order.
func (c *checker) byOld() (order []string, groups map[string][]Succession) {
	groups = map[string][]Succession{}
	for _, x := range c.l.Successions {
		if groups[x.Old] == nil {
			order = append(order, x.Old)
		}
		groups[x.Old] = append(groups[x.Old], x)
	}
	return order, groups
}

// shares: the parts of one old unit add up to the whole of it, on one day.
func (c *checker) shares() {
	order, groups := c.byOld()
	for _, old := range order {
		g := groups[old]
		var sum int64
		var rows []string
		for _, x := range g {
			sum += x.Share
			rows = append(rows, strconv.Itoa(x.Row))
			if x.Date != g[0].Date {
				c.s.bad(sDate, x.Row, finding.ConstraintError, lang.F(
					"Đơn vị cũ %s sáp nhập ngày %s ở dòng %d nhưng ngày %s ở dòng %d. Các phần của một đơn vị cũ chuyển đi cùng một ngày; hãy sửa cho cùng ngày.",
					"Old unit %s goes on %s on row %d but on %s on row %d. The parts of one old unit go on one day; give them the same date.",
					old, ShowDate(g[0].Date), g[0].Row, ShowDate(x.Date), x.Row), ShowDate(x.Date))
			}
		}
		if sum != Whole {
			c.s.bad(sShare, g[0].Row, finding.ConstraintError, lang.F(
				"Các tỷ lệ của đơn vị cũ %s (dòng %s) cộng lại được %s, phải bằng 1: mỗi phần của đơn vị cũ chuyển sang đúng một đơn vị mới. Hãy sửa các tỷ lệ cho đủ 1 (ví dụ 0,6 và 0,4).",
				"The shares of old unit %s (rows %s) add up to %s and must add up to 1: each part of the old unit went to exactly one new unit. Correct them to add up to 1 (e.g. 0,6 and 0,4).",
				old, strings.Join(rows, ", "), ShowShare(sum)), ShowShare(g[0].Share))
		}
	}
}

// dates: a new unit exists on the day it takes an old one, and an old
// unit exists until the day before.
func (c *checker) dates() {
	for _, x := range c.l.Successions {
		if x.Date == "" {
			continue
		}
		n, o := c.unit(x.New), c.unit(x.Old)
		if n.ValidFrom > x.Date {
			c.s.bad(sDate, x.Row, finding.ConstraintError, lang.F(
				"Đơn vị mới %s hiệu lực từ %s (trang \"%s\", ô %s), sau ngày nhận đơn vị %s (%s). Hãy sửa Hiệu lực từ của %s thành %s hoặc sớm hơn, hoặc sửa ngày sáp nhập.",
				"New unit %s is in force from %s (sheet \"%s\", cell %s), after the day it took unit %s (%s). Make the Hiệu lực từ of %s %s or earlier, or correct the date.",
				x.New, ShowDate(n.ValidFrom), c.units.sheet, c.unitCell(n, fFrom), x.Old, ShowDate(x.Date), x.New, ShowDate(x.Date)), ShowDate(x.Date))
		}
		if o.ValidTo != "" && o.ValidTo >= x.Date {
			c.s.bad(sDate, x.Row, finding.ConstraintError, lang.F(
				"Đơn vị cũ %s hiệu lực đến %s (trang \"%s\", ô %s), nhưng đã chuyển sang %s từ %s. Hiệu lực đến phải là ngày trước đó (%s) hoặc để trống; hoặc sửa ngày sáp nhập.",
				"Old unit %s is in force until %s (sheet \"%s\", cell %s) but went to %s on %s. Its Hiệu lực đến must be the day before (%s) or empty; or correct the date.",
				x.Old, ShowDate(o.ValidTo), c.units.sheet, c.unitCell(o, fTo), x.New, ShowDate(x.Date), ShowDate(dayBefore(x.Date))), ShowDate(x.Date))
		}
		if o.ValidFrom != "" && o.ValidFrom >= x.Date {
			c.s.bad(sDate, x.Row, finding.ConstraintError, lang.F(
				"Đơn vị cũ %s hiệu lực từ %s (trang \"%s\", ô %s), không trước ngày chuyển sang %s (%s). Hãy sửa một trong hai ngày.",
				"Old unit %s is in force from %s (sheet \"%s\", cell %s), not before the day it went to %s (%s). Correct one of the two dates.",
				x.Old, ShowDate(o.ValidFrom), c.units.sheet, c.unitCell(o, fFrom), x.New, ShowDate(x.Date)), ShowDate(x.Date))
		}
	}
}

// unitCell is the cell of a unit's field on the units' sheet.
func (c *checker) unitCell(u *Unit, field int) string {
	return xlsx.ColumnName(c.units.cols[field]) + strconv.Itoa(u.Row)
}

// dayBefore is the ISO date before an ISO date.
func dayBefore(iso string) string {
	t, err := time.Parse(isoDate, iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, -1).Format(isoDate)
}

// cycles: no unit succeeds itself through others. Each cycle is reported
// once, at the row that closes it, with the chain it makes.
func (c *checker) cycles() {
	next := map[string][]Succession{}
	for _, x := range c.l.Successions {
		next[x.Old] = append(next[x.Old], x)
	}
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var path []string
	var visit func(code string)
	visit = func(code string) {
		state[code] = open
		path = append(path, code)
		for _, x := range next[code] {
			switch state[x.New] {
			case open:
				i := len(path) - 1
				for path[i] != x.New {
					i--
				}
				chain := strings.Join(append(append([]string{}, path[i:]...), x.New), " → ")
				c.s.bad(sNew, x.Row, finding.ConstraintError, lang.F(
					"Dòng %d khép một vòng: %s. Một đơn vị không thể (qua các lần sáp nhập) kế thừa chính nó; hãy sửa mã đơn vị hoặc bỏ dòng sai.",
					"Row %d closes a cycle: %s. A unit cannot succeed itself through other changes; correct a code or delete the wrong row.", x.Row, chain), x.New)
			case unseen:
				visit(x.New)
			}
		}
		path = path[:len(path)-1]
		state[code] = done
	}
	for _, x := range c.l.Successions {
		if state[x.Old] == unseen {
			visit(x.Old)
		}
	}
}
