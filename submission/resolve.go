package submission

import (
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// KnownUnit is a unit the database knows: from an imported list, an alias or
// an earlier submission.
type KnownUnit struct {
	Code    string
	Name    string
	Aliases []string
}

// Directory answers "which unit is this?" for codes and names as written.
type Directory struct {
	// Restricted means an official unit list was imported: a code outside
	// it is an unknown-unit error rather than a new unit.
	Restricted bool

	units  []KnownUnit
	byCode map[string]int // upper-cased code
	byName map[string][]int
	names  []string
}

// NewDirectory indexes known units.
func NewDirectory(units []KnownUnit, restricted bool) *Directory {
	d := &Directory{Restricted: restricted, units: units, byCode: map[string]int{}, byName: map[string][]int{}}
	for i, u := range units {
		d.byCode[strings.ToUpper(u.Code)] = i
		d.names = append(d.names, u.Name)
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			k := vn.UnitKey(n)
			if k == "" || contains(d.byName[k], i) {
				continue
			}
			d.byName[k] = append(d.byName[k], i)
		}
	}
	return d
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Add makes a unit known, so later files of the same batch can name it.
func (d *Directory) Add(u KnownUnit) {
	if _, ok := d.byCode[strings.ToUpper(u.Code)]; ok {
		return
	}
	i := len(d.units)
	d.units = append(d.units, u)
	d.byCode[strings.ToUpper(u.Code)] = i
	d.names = append(d.names, u.Name)
	if k := vn.UnitKey(u.Name); k != "" {
		d.byName[k] = append(d.byName[k], i)
	}
}

// suggest names the closest known units to a written name or code.
func (d *Directory) suggest(written string) []string {
	var out []string
	for _, i := range vn.Closest(written, d.names, 3) {
		out = append(out, d.units[i].Name+" ("+d.units[i].Code+")")
	}
	return out
}

// Resolve sets Resolved on every unit of sub, adding missing-unit and
// unknown-unit findings where a unit cannot be told.
func (s *Submission) Resolve(d *Directory) {
	for i := range s.Units {
		u := &s.Units[i]
		if u.Code != "" {
			if k, ok := d.byCode[strings.ToUpper(u.Code)]; ok {
				u.Resolved = d.units[k].Code
				if u.Name == "" {
					u.Name = d.units[k].Name
				}
				continue
			}
			if d.Restricted {
				t := lang.F("Mã đơn vị \"%s\" không có trong danh sách đơn vị.", "Unit code \"%s\" is not in the unit list.", u.Code)
				if near := d.suggest(u.Name); len(near) > 0 && u.Name != "" {
					t = lang.Join(" ", t, lang.F("Đơn vị gần nhất: %s. Hãy sửa lại mã.", "Closest units: %s. Correct the code.", strings.Join(near, "; ")))
				} else {
					t = lang.Join(" ", t, lang.F("Hãy dùng mã trong danh sách (\"tongket units\").", "Use a code from the list (\"tongket units\")."))
				}
				s.add(unitFinding(finding.UnknownUnit, t, u))
				continue
			}
			u.Resolved = u.Code
			continue
		}
		if u.Name == "" {
			s.add(unitFinding(finding.MissingUnit, lang.F(
				"Tệp không ghi đơn vị gửi báo cáo. Hãy ghi \"Mã đơn vị: …\" và \"Đơn vị: …\" ở các dòng phía trên bảng (ví dụ ô A2, A3).",
				"The file does not say which unit it is from. Write \"Mã đơn vị: …\" and \"Đơn vị: …\" above the table (e.g. cells A2, A3)."), u))
			continue
		}
		matches := d.byName[vn.UnitKey(u.Name)]
		switch len(matches) {
		case 1:
			u.Resolved = d.units[matches[0]].Code
		case 0:
			t := lang.F("Đơn vị \"%s\" không ghi mã và chưa có trong danh sách đơn vị đã biết.",
				"Unit \"%s\" has no code and matches no known unit.", u.Name)
			if near := d.suggest(u.Name); len(near) > 0 {
				t = lang.Join(" ", t, lang.F("Gần nhất: %s. Hãy ghi \"Mã đơn vị: …\" phía trên bảng.",
					"Closest: %s. Write \"Mã đơn vị: …\" above the table.", strings.Join(near, "; ")))
			} else {
				t = lang.Join(" ", t, lang.F("Hãy ghi \"Mã đơn vị: …\" phía trên bảng.", "Write \"Mã đơn vị: …\" above the table."))
			}
			s.add(unitFinding(finding.MissingUnit, t, u))
		default:
			var names []string
			for _, k := range matches {
				names = append(names, d.units[k].Name+" ("+d.units[k].Code+")")
			}
			s.add(unitFinding(finding.MissingUnit, lang.F(
				"Tên đơn vị \"%s\" khớp với nhiều đơn vị: %s. Hãy ghi \"Mã đơn vị: …\" để chỉ rõ.",
				"Unit name \"%s\" matches several units: %s. Write \"Mã đơn vị: …\" to say which.",
				u.Name, strings.Join(names, "; ")), u))
		}
	}
}

func unitFinding(code string, t lang.Text, u *Unit) finding.Finding {
	f := finding.New(finding.Error, code, t)
	f.Sheet, f.Cell = u.Sheet, u.Cell
	if col, row, err := xlsx.ParseRef(u.Cell); err == nil {
		f.Column, f.Row = xlsx.ColumnName(col), row
	}
	f.Value = u.Code
	if f.Value == "" {
		f.Value = u.Name
	}
	return f
}
