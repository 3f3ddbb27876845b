package summary

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// UnitRow is a unit as by-unit tables list it (FORMATS.md §10).
type UnitRow struct {
	Code, Name string
	// Note says where a unit in force came from ("hợp nhất từ Phường A,
	// Phường B và một phần Xã C (từ 01/7/2025)"), or until when a unit
	// that holds figures of its own existed; "" for most units.
	Note string
}

// UnitRows are the rows of by-unit tables: the units in force at the
// period's end (a unit that went to successors holds no figure: they do),
// then the units that ended without a successor but hold figures, then
// any other code that holds figures; each with its note.
func (s *Summary) UnitRows() []UnitRow {
	holds := map[string]bool{}
	for _, ind := range s.Indicators {
		for code := range ind.ByUnit {
			holds[code] = true
		}
	}
	var out, ended []UnitRow
	seen := map[string]bool{}
	for _, u := range s.Units {
		seen[u.Code] = true
		name := u.Name
		if name == "" {
			name = u.Code
		}
		switch {
		case !u.Ended:
			out = append(out, UnitRow{Code: u.Code, Name: name, Note: s.origin(u.Code)})
		case holds[u.Code]:
			note := ""
			if u.ValidTo != "" {
				note = "hoạt động đến " + ShowDate(u.ValidTo)
			}
			ended = append(ended, UnitRow{Code: u.Code, Name: name, Note: note})
		}
	}
	out = append(out, ended...)
	var extra []string
	for code := range holds {
		if !seen[code] {
			extra = append(extra, code)
		}
	}
	sort.Strings(extra)
	for _, code := range extra {
		out = append(out, UnitRow{Code: code, Name: code})
	}
	return out
}

// origin is where a unit came from, by the successions into it, one
// phrase per day: "hợp nhất từ A, B và một phần C (từ 01/7/2025)", or
// "kế thừa A (từ 01/01/2025)" for one whole predecessor.
func (s *Summary) origin(code string) string {
	var days []string
	by := map[string][]Succession{}
	for _, sc := range s.Successions {
		if sc.To != code {
			continue
		}
		if by[sc.Date] == nil {
			days = append(days, sc.Date)
		}
		by[sc.Date] = append(by[sc.Date], sc)
	}
	sort.Strings(days)
	var parts []string
	for _, d := range days {
		g := by[d]
		var names []string
		for _, sc := range g {
			name := sc.FromName
			if name == "" {
				name = sc.From
			}
			if sc.Share != Whole {
				name = "một phần " + name
			}
			names = append(names, name)
		}
		verb := "hợp nhất từ "
		if len(g) == 1 && g[0].Share == Whole {
			verb = "kế thừa "
		}
		parts = append(parts, verb+joinAnd(names)+" (từ "+ShowDate(d)+")")
	}
	return strings.Join(parts, "; ")
}

// joinAnd joins names as Vietnamese lists them: "A, B và C".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}

// ShowDate writes an ISO date as an administrative document does:
// 01/7/2025 (the day with two digits, the month without a leading zero).
func ShowDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return fmt.Sprintf("%02d/%d/%d", t.Day(), int(t.Month()), t.Year())
}

// IsEstimated reports whether a unit's figure of the indicator came, in
// part, through a share below 1 ("ước tính theo tỷ lệ").
func (i *Indicator) IsEstimated(code string) bool {
	_, ok := slices.BinarySearch(i.Estimated, code)
	return ok
}

// InForce counts the units in force at the period's end.
func (s *Summary) InForce() int {
	n := 0
	for _, u := range s.Units {
		if !u.Ended {
			n++
		}
	}
	return n
}

// FigureUnits is how many units figures are kept under: every unit but
// those whose figures went to their successors (FORMATS.md §10). A count
// of units reporting an indicator is out of this, not of every unit
// listed.
func (s *Summary) FigureUnits() int {
	n := 0
	for _, u := range s.Units {
		if !slices.ContainsFunc(s.Successions, func(sc Succession) bool { return sc.From == u.Code }) {
			n++
		}
	}
	return n
}

// Bases are the legal bases of the successions applied, each once, in
// order.
func (s *Summary) Bases() []string {
	var out []string
	for _, sc := range s.Successions {
		if sc.Basis != "" && !slices.Contains(out, sc.Basis) {
			out = append(out, sc.Basis)
		}
	}
	return out
}
