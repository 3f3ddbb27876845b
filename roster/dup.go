package roster

import (
	"fmt"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
)

// Duplicate is an incoming entry that repeats an earlier one: the same
// person or collective (dupKey) for the same form in the same period.
type Duplicate struct {
	Entry   Entry           // the incoming entry, in Entry.File
	Earlier Entry           // the entry it repeats: stored before, or earlier in the batch
	Finding finding.Finding // a duplicate-row error at Entry's sheet and row, naming both places
}

// Duplicates finds the entries of incoming (one or more files of a batch,
// in batch order) that repeat an entry of existing (what is stored) or an
// earlier incoming entry of another file. period maps a year to the period
// it belongs to; two awards repeat each other only when their decision
// years fall in the same period. A nil period, or an entry without a
// decision date, puts everything in one period.
//
// Repeats within one file are left out: the reader reports them with
// both cells. existing should not hold the entries the incoming
// ones replace (a corrected file sent again).
func Duplicates(existing, incoming []Entry, period func(year int) (from, to int)) []Duplicate {
	type seen struct {
		e        Entry
		incoming bool
	}
	index := map[string][]seen{}
	for _, e := range existing {
		k := dupKey(e)
		index[k] = append(index[k], seen{e: e})
	}
	var out []Duplicate
	for _, e := range incoming {
		k := dupKey(e)
		for _, s := range index[k] {
			if s.incoming && s.e.File == e.File {
				continue
			}
			from, to, same := samePeriod(s.e, e, period)
			if !same {
				continue
			}
			out = append(out, Duplicate{Entry: e, Earlier: s.e, Finding: dupFinding(e, s.e, from, to)})
			break
		}
		index[k] = append(index[k], seen{e: e, incoming: true})
	}
	return out
}

// dupKey is what makes two entries the same award: the kind (a household
// and its head may share a name), the name as Key compares it (for a
// person, without an honorific or rank in front: "Bà Trần Thị Mai" is
// "Trần Thị Mai"), the unit with its administrative prefix folded ("P.
// Lạch Tray" = "Phường Lạch Tray"), and the form.
func dupKey(e Entry) string {
	kind, name := kindOf(e.Kind), Key(e.Name)
	if kind == Individual {
		name = withoutHonorifics(name)
	}
	return kind + "\x00" + name + "\x00" + vn.UnitKey(e.Unit) + "\x00" + Key(e.Form)
}

// samePeriod reports whether a and b fall in the same period, and which.
func samePeriod(a, b Entry, period func(int) (int, int)) (from, to int, same bool) {
	if period == nil || a.DecisionDate.IsZero() || b.DecisionDate.IsZero() {
		return 0, 0, true
	}
	fa, ta := period(a.DecisionDate.Year())
	fb, tb := period(b.DecisionDate.Year())
	return fa, ta, fa == fb && ta == tb
}

// place names where an entry stands: "tệp a.xlsx, trang DS, dòng 8".
func place(e Entry) lang.Text {
	t := lang.F("tệp %s", "file %s", e.File)
	if e.File == "" {
		t = lang.F("danh sách đã nhập", "the stored roster")
	}
	if e.Sheet != "" {
		t = lang.Join(", ", t, lang.F("trang %s", "sheet %s", e.Sheet))
	}
	switch {
	case e.Col != "" && e.Row > 0:
		t = lang.Join(", ", t, lang.F("ô %s%d", "cell %s%d", e.Col, e.Row))
	case e.Row > 0:
		t = lang.Join(", ", t, lang.F("dòng %d", "row %d", e.Row))
	}
	return t
}

// decision words an entry's decision: " (quyết định 123/QĐ-UBND ngày
// 01/08/2023)".
func decision(e Entry) lang.Text {
	switch {
	case e.DecisionNumber != "" && !e.DecisionDate.IsZero():
		return lang.F(" (quyết định %s ngày %s)", " (decision %s of %s)", e.DecisionNumber, FormatDate(e.DecisionDate))
	case e.DecisionNumber != "":
		return lang.F(" (quyết định %s)", " (decision %s)", e.DecisionNumber)
	case !e.DecisionDate.IsZero():
		return lang.F(" (quyết định ngày %s)", " (decision of %s)", FormatDate(e.DecisionDate))
	}
	return lang.Text{}
}

func dupFinding(e, earlier Entry, from, to int) finding.Finding {
	var in lang.Text
	if from != 0 {
		c := claimText([2]int{from, to})
		in = lang.Text{VI: " trong " + c.VI, EN: " in " + c.EN}
	}
	where, dec := place(earlier), decision(earlier)
	t := lang.Text{
		VI: fmt.Sprintf("Dòng %d: \"%s\"%s, %s, đã có%s ở %s%s. Mỗi tập thể, cá nhân chỉ được khen một lần cho một hình thức trong một kỳ. Hãy bỏ dòng này, hoặc ghi rõ đơn vị nếu là hai người khác nhau.",
			e.Row, e.Name, unitPart(e.Unit), e.Form, in.VI, where.VI, dec.VI),
		EN: fmt.Sprintf("Row %d: \"%s\"%s, %s, is already listed%s in %s%s. A collective or person is awarded once per form in a period. Drop this row, or give the unit if these are two different people.",
			e.Row, e.Name, unitPart(e.Unit), e.Form, in.EN, where.EN, dec.EN),
	}
	f := finding.New(finding.Error, finding.DuplicateRow, t).At(e.Sheet, e.Col, e.Row)
	f.Value = e.Name
	if !e.DecisionDate.IsZero() {
		f.Year = e.DecisionDate.Year()
	}
	return f
}
