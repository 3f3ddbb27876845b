package submission

import (
	"slices"
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
//
// Names are matched by level and bare name (vn.UnitLevel): "P.1" is
// "Phường 01" but never "Quận 1", since a name that matched a unit of another
// level would file one unit's figures under another.
type Directory struct {
	// Restricted means an official unit list was imported: a code outside
	// it is an unknown-unit error rather than a new unit.
	Restricted bool

	units  []KnownUnit
	byCode map[string]int         // upper-cased code
	byBare map[string][]nameEntry // vn.UnitLevel's bare key
	names  []string
}

// nameEntry is one name a known unit goes by, its own or an alias.
type nameEntry struct {
	unit  int
	level string // vn.UnitLevel's level; "" when the name has none
	name  string // as the list writes it, for messages
}

// NewDirectory indexes known units.
func NewDirectory(units []KnownUnit, restricted bool) *Directory {
	d := &Directory{Restricted: restricted, byCode: map[string]int{}, byBare: map[string][]nameEntry{}}
	for _, u := range units {
		d.index(u)
	}
	return d
}

// Add makes a unit known, so later files of the same batch can name it.
func (d *Directory) Add(u KnownUnit) {
	if _, ok := d.byCode[strings.ToUpper(u.Code)]; ok {
		return
	}
	d.index(u)
}

// index appends u and files it under its code and each of its names.
func (d *Directory) index(u KnownUnit) {
	i := len(d.units)
	d.units = append(d.units, u)
	d.byCode[strings.ToUpper(u.Code)] = i
	d.names = append(d.names, u.Name)
	for _, n := range unitNames(u) {
		level, bare := vn.UnitLevel(n)
		if bare == "" || slices.ContainsFunc(d.byBare[bare], func(e nameEntry) bool { return e.unit == i && e.level == level }) {
			continue
		}
		d.byBare[bare] = append(d.byBare[bare], nameEntry{unit: i, level: level, name: n})
	}
}

// unitNames lists a unit's own name, then its aliases.
func unitNames(u KnownUnit) []string { return append([]string{u.Name}, u.Aliases...) }

// match returns the known units a written name can mean. A name with a level
// means the units of that bare name at that level or with no level known; a
// bare name means any unit of that bare name. other holds, one per unit, the
// names of that bare name at another level, to say why they were passed over.
func (d *Directory) match(written string) (units []int, other []nameEntry) {
	level, bare := vn.UnitLevel(written)
	entries := d.byBare[bare]
	for _, e := range entries {
		if (level == "" || e.level == "" || e.level == level) && !slices.Contains(units, e.unit) {
			units = append(units, e.unit)
		}
	}
	for _, e := range entries {
		if !slices.Contains(units, e.unit) && !slices.ContainsFunc(other, func(o nameEntry) bool { return o.unit == e.unit }) {
			other = append(other, e)
		}
	}
	return units, other
}

// levelConflict returns a name of known unit i at another level than the
// written name's, when none of the unit's names is at the written level: the
// code then points at a unit the name says is a different one.
func (d *Directory) levelConflict(i int, written string) (string, bool) {
	wl, _ := vn.UnitLevel(written)
	if wl == "" {
		return "", false
	}
	conflict := ""
	for _, n := range unitNames(d.units[i]) {
		switch l, _ := vn.UnitLevel(n); {
		case l == wl:
			return "", false
		case l != "" && conflict == "":
			conflict = n
		}
	}
	return conflict, conflict != ""
}

// suggest names the closest known units to a written name or code, leaving
// out those already named in the message.
func (d *Directory) suggest(written string, skip []nameEntry) []string {
	var out []string
	for _, i := range vn.Closest(written, d.names, 3+len(skip)) {
		if slices.ContainsFunc(skip, func(e nameEntry) bool { return e.unit == i }) || len(out) == 3 {
			continue
		}
		out = append(out, d.label(i))
	}
	return out
}

// label is a known unit as messages name it: "Quận Lê Chân (HP-LECHAN)".
func (d *Directory) label(i int) string { return d.units[i].Name + " (" + d.units[i].Code + ")" }

// Resolve sets Resolved on every unit of sub, adding missing-unit,
// unknown-unit and unit-mismatch findings where a unit cannot be told.
func (s *Submission) Resolve(d *Directory) {
	for i := range s.Units {
		u := &s.Units[i]
		switch {
		case u.Code != "":
			s.resolveCode(d, u)
		case u.Name == "":
			s.add(unitFinding(finding.MissingUnit, s.noUnitText(u), u))
		default:
			s.resolveName(d, u)
		}
	}
}

// resolveCode resolves a unit that has a code: a known code is that unit,
// an unknown one is a new unit unless a unit list was imported.
func (s *Submission) resolveCode(d *Directory, u *Unit) {
	if k, ok := d.byCode[strings.ToUpper(u.Code)]; ok {
		u.Resolved = d.units[k].Code
		if u.Name == "" {
			u.Name = d.units[k].Name
		} else if known, ok := d.levelConflict(k, u.Name); ok {
			s.add(unitFinding(finding.UnitMismatch, d.mismatchText(u, k, known), u))
		} else if units, _ := d.match(u.Name); len(units) == 1 && units[0] != k {
			// The code is one known unit, the name exactly another's:
			// nobody can tell whose figures these are.
			j := units[0]
			s.add(unitFinding(finding.UnitMismatch, lang.F(
				"Mã đơn vị %s là của \"%s\", nhưng tệp ghi tên đơn vị \"%s\", là tên của một đơn vị khác (%s). Nếu để nguyên, số liệu sẽ bị ghi cho \"%s\". Hãy sửa mã hoặc tên cho đúng đơn vị gửi báo cáo.",
				"Unit code %s belongs to \"%s\", but the file names the unit \"%s\", which is another unit (%s). As it stands the figures would be stored under \"%s\". Correct the code or the name to the unit that sent the report.",
				u.Code, d.units[k].Name, u.Name, d.label(j), d.units[k].Name), u))
		}
		return
	}
	if !d.Restricted {
		u.Resolved = u.Code
		return
	}
	t := lang.F("Mã đơn vị \"%s\" không có trong danh sách đơn vị.", "Unit code \"%s\" is not in the unit list.", u.Code)
	if near := d.suggest(u.Name, nil); len(near) > 0 && u.Name != "" {
		t = lang.Join(" ", t, lang.F("Đơn vị gần nhất: %s. Hãy sửa lại mã.", "Closest units: %s. Correct the code.", strings.Join(near, "; ")))
	} else {
		t = lang.Join(" ", t, lang.F("Hãy dùng mã trong danh sách (\"tongket units\").", "Use a code from the list (\"tongket units\")."))
	}
	s.add(unitFinding(finding.UnknownUnit, t, u))
}

// mismatchText says that code and name point at units of two levels, and
// which unit the name would be when it is known.
func (d *Directory) mismatchText(u *Unit, k int, known string) lang.Text {
	kl, _ := vn.UnitLevel(known)
	wl, _ := vn.UnitLevel(u.Name)
	t := lang.F(
		"Mã đơn vị %s là của \"%s\", nhưng tệp ghi tên đơn vị \"%s\": khác cấp (%s, %s). Nếu để nguyên, số liệu sẽ bị ghi cho \"%s\".",
		"Unit code %s belongs to \"%s\", but the file names the unit \"%s\": a different level (%s, %s). As it stands the figures would be stored under \"%s\".",
		u.Code, known, u.Name, kl, wl, known)
	if units, _ := d.match(u.Name); len(units) == 1 && units[0] != k {
		t = lang.Join(" ", t, lang.F("Đơn vị \"%s\" có mã %s.", "Unit \"%s\" has the code %s.", d.units[units[0]].Name, d.units[units[0]].Code))
	}
	return lang.Join(" ", t, lang.F(
		"Hãy sửa mã cho đúng đơn vị gửi báo cáo, hoặc sửa tên nếu ghi nhầm.",
		"Correct the code to the unit that sent the report, or the name if it was mistyped."))
}

// resolveName resolves a unit written by name only: it must match exactly
// one known unit.
func (s *Submission) resolveName(d *Directory, u *Unit) {
	units, other := d.match(u.Name)
	if len(units) == 1 {
		u.Resolved = d.units[units[0]].Code
		return
	}
	var t lang.Text
	if len(units) == 0 {
		t = lang.F("Đơn vị \"%s\" không ghi mã và chưa có trong danh sách đơn vị đã biết.",
			"Unit \"%s\" has no code and matches no known unit.", u.Name)
		if len(other) > 0 {
			t = lang.Join(" ", t, levelNote(u.Name, d, other))
		}
		if k, ok := d.underAgency(u.Name); ok {
			// "Công an quận Lê Chân": an agency of a known unit; which
			// one reports is for the office to say, with the code.
			t = lang.Join(" ", t, lang.F("Có phải là %s? Nếu đúng, hãy ghi \"Mã đơn vị: %s\" phía trên bảng.",
				"Is it %s? If so, write \"Mã đơn vị: %s\" above the table.", d.label(k), d.units[k].Code))
		} else if near := d.suggest(u.Name, other); len(near) > 0 {
			t = lang.Join(" ", t, lang.F("Gần nhất: %s.", "Closest: %s.", strings.Join(near, "; ")))
		}
	} else {
		var names []string
		for _, k := range units {
			names = append(names, d.label(k))
		}
		t = lang.F("Tên đơn vị \"%s\" khớp với nhiều đơn vị: %s.",
			"Unit name \"%s\" matches several units: %s.", u.Name, strings.Join(names, "; "))
	}
	s.add(unitFinding(finding.MissingUnit, lang.Join(" ", t, s.codeAdvice(u)), u))
}

// agencyPrefixes name an agency of a unit ("Công an quận Lê Chân", "UBND
// xã An Hòa"), as title lines write the sender.
var agencyPrefixes = []string{"công an", "ủy ban nhân dân", "ubnd", "ủy ban mặt trận tổ quốc", "mặt trận tổ quốc",
	"hội cựu chiến binh", "hội liên hiệp phụ nữ", "hội nông dân", "đoàn thanh niên", "ban chỉ đạo"}

// underAgency finds the one known unit a name speaks of after an agency's
// name ("Công an quận Lê Chân" → Quận Lê Chân).
func (d *Directory) underAgency(written string) (int, bool) {
	k := vn.Key(written)
	for _, p := range agencyPrefixes {
		if rest, ok := strings.CutPrefix(k, p+" "); ok {
			if units, _ := d.match(rest); len(units) == 1 {
				return units[0], true
			}
		}
	}
	return 0, false
}

// levelNote tells why units of the same bare name did not match: "Thị trấn
// An Dương" is not "Huyện An Dương" (HP-ANDUONG).
func levelNote(written string, d *Directory, other []nameEntry) lang.Text {
	var names []string
	for _, e := range other {
		names = append(names, "\""+e.name+"\" ("+d.units[e.unit].Code+")")
	}
	return lang.F("\"%s\" không phải %s: khác cấp đơn vị.", "\"%s\" is not %s: a different level.",
		written, strings.Join(names, ", "))
}

// noUnitText is the message for a unit with neither code nor name.
func (s *Submission) noUnitText(u *Unit) lang.Text {
	if s.Layout == Long {
		return lang.Join(" ", lang.F("Không rõ đơn vị gửi số liệu.", "The unit the figures are from is not given."), s.codeAdvice(u))
	}
	return lang.F(
		"Tệp không ghi đơn vị gửi báo cáo. Hãy ghi \"Mã đơn vị: …\" và \"Đơn vị: …\" ở các dòng phía trên bảng (ví dụ ô A2, A3).",
		"The file does not say which unit it is from. Write \"Mã đơn vị: …\" and \"Đơn vị: …\" above the table (e.g. cells A2, A3).")
}

// codeAdvice says where the unit's code goes: a wide table has one unit,
// named above it; a long table names its unit on every row.
func (s *Submission) codeAdvice(u *Unit) lang.Text {
	if s.Layout != Long {
		return lang.F("Hãy ghi \"Mã đơn vị: …\" phía trên bảng.", "Write \"Mã đơn vị: …\" above the table.")
	}
	if _, row, err := xlsx.ParseRef(u.Cell); err == nil {
		return lang.F(
			"Hãy ghi mã đơn vị vào cột \"Mã đơn vị\" ở dòng %d và các dòng khác của đơn vị này (thêm cột đó nếu bảng chưa có).",
			"Write the unit's code in the \"Mã đơn vị\" column on row %d and this unit's other rows (add that column if the table has none).", row)
	}
	return lang.F(
		"Hãy ghi mã đơn vị vào cột \"Mã đơn vị\" ở các dòng của đơn vị này (thêm cột đó nếu bảng chưa có).",
		"Write the unit's code in the \"Mã đơn vị\" column on this unit's rows (add that column if the table has none).")
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
