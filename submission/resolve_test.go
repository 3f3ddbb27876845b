package submission_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/submission"
)

// Units of Hải Phòng and Hồ Chí Minh City as a unit list would have them.
var (
	resolveHuyenAnDuong = submission.KnownUnit{Code: "HP-ANDUONG", Name: "Huyện An Dương"}
	resolveTTAnDuong    = submission.KnownUnit{Code: "HP-TTANDUONG", Name: "Thị trấn An Dương"}
	resolveHongBang     = submission.KnownUnit{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng"}
	resolveQ1           = submission.KnownUnit{Code: "HCM-Q1", Name: "Quận 1"}
	resolveP1           = submission.KnownUnit{Code: "HCM-P1", Name: "Phường 01"}
	resolveP10          = submission.KnownUnit{Code: "HCM-P10", Name: "Phường 10"}
	resolveThuyNguyen   = submission.KnownUnit{Code: "HP-THUYNGUYEN", Name: "Huyện Thủy Nguyên", Aliases: []string{"Thành phố Thủy Nguyên"}}
)

// resolveCase is one unit as a file writes it, resolved against known units.
type resolveCase struct {
	name     string
	layout   submission.Layout
	known    []submission.KnownUnit
	unit     submission.Unit
	resolved string   // want Units[0].Resolved
	codes    []string // want finding codes, in order
	vi, en   []string // each in the finding's message
	notVI    []string // none in the finding's message
	onceVI   []string // each exactly once in the finding's message
}

func (tt resolveCase) run(t *testing.T) {
	t.Helper()
	if tt.unit.Sheet == "" {
		tt.unit.Sheet, tt.unit.Cell = "Sheet1", "B3"
	}
	sub := &submission.Submission{Layout: tt.layout, Units: []submission.Unit{tt.unit}}
	sub.Resolve(submission.NewDirectory(tt.known, false))
	if got := sub.Units[0].Resolved; got != tt.resolved {
		t.Errorf("Resolved = %q, want %q (findings %v)", got, tt.resolved, resolveMessages(sub, lang.VI))
	}
	var codes []string
	for _, f := range sub.Findings {
		codes = append(codes, f.Code)
		if f.Severity != finding.Error || f.Sheet != tt.unit.Sheet || f.Cell != tt.unit.Cell {
			t.Errorf("finding %s is %s at %s!%s, want an error at %s!%s", f.Code, f.Severity, f.Sheet, f.Cell, tt.unit.Sheet, tt.unit.Cell)
		}
	}
	if !slices.Equal(codes, tt.codes) {
		t.Fatalf("findings %v, want %v: %v", codes, tt.codes, resolveMessages(sub, lang.VI))
	}
	vi, en := strings.Join(resolveMessages(sub, lang.VI), "\n"), strings.Join(resolveMessages(sub, lang.EN), "\n")
	for _, w := range tt.vi {
		if !strings.Contains(vi, w) {
			t.Errorf("message %q lacks %q", vi, w)
		}
	}
	for _, w := range tt.en {
		if !strings.Contains(en, w) {
			t.Errorf("message %q lacks %q", en, w)
		}
	}
	for _, w := range tt.notVI {
		if strings.Contains(vi, w) {
			t.Errorf("message %q has %q", vi, w)
		}
	}
	for _, w := range tt.onceVI {
		if n := strings.Count(vi, w); n != 1 {
			t.Errorf("message %q has %q %d times, want once", vi, w, n)
		}
	}
}

func resolveMessages(sub *submission.Submission, l lang.Lang) []string {
	var out []string
	for _, f := range sub.Findings {
		out = append(out, f.Text.In(l))
	}
	return out
}

func TestResolveByName(t *testing.T) {
	tests := []resolveCase{
		{name: "abbreviated prefix", known: []submission.KnownUnit{resolveHongBang},
			unit: submission.Unit{Name: "Q. Hồng Bàng"}, resolved: "HP-HONGBANG"},
		{name: "bare name, one unit carries it", known: []submission.KnownUnit{resolveHongBang, resolveHuyenAnDuong},
			unit: submission.Unit{Name: "Hồng Bàng"}, resolved: "HP-HONGBANG"},
		{name: "level written, known name has none", known: []submission.KnownUnit{{Code: "HP-LC", Name: "Lê Chân"}},
			unit: submission.Unit{Name: "Quận Lê Chân"}, resolved: "HP-LC"},
		{name: "numbered unit, zeros and abbreviation", known: []submission.KnownUnit{resolveQ1, resolveP1, resolveP10},
			unit: submission.Unit{Name: "P.1"}, resolved: "HCM-P1"},
		{name: "numbered unit written with a zero", known: []submission.KnownUnit{resolveQ1, {Code: "HCM-P1", Name: "Phường 1"}},
			unit: submission.Unit{Name: "Phường 01"}, resolved: "HCM-P1"},
		{name: "district beside a ward of the same number", known: []submission.KnownUnit{resolveP1, resolveQ1},
			unit: submission.Unit{Name: "Q.01"}, resolved: "HCM-Q1"},
		{name: "town beside the district of its name", known: []submission.KnownUnit{resolveHuyenAnDuong, resolveTTAnDuong},
			unit: submission.Unit{Name: "TT. An Dương"}, resolved: "HP-TTANDUONG"},
		{name: "district beside the town of its name", known: []submission.KnownUnit{resolveTTAnDuong, resolveHuyenAnDuong},
			unit: submission.Unit{Name: "Huyện An Dương"}, resolved: "HP-ANDUONG"},
		{name: "alias at the written level", known: []submission.KnownUnit{resolveThuyNguyen},
			unit: submission.Unit{Name: "TP. Thuỷ Nguyên"}, resolved: "HP-THUYNGUYEN"},
		{name: "NFD and upper case", known: []submission.KnownUnit{resolveHongBang},
			unit: submission.Unit{Name: "QUA\u0323\u0302N HỒNG BÀNG"}, resolved: "HP-HONGBANG"},

		{name: "town is not the district", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Name: "Thị trấn An Dương"}, codes: []string{finding.MissingUnit},
			vi:     []string{`"Thị trấn An Dương" không phải "Huyện An Dương" (HP-ANDUONG): khác cấp đơn vị.`, `Hãy ghi "Mã đơn vị: …" phía trên bảng.`},
			en:     []string{`"Thị trấn An Dương" is not "Huyện An Dương" (HP-ANDUONG): a different level.`},
			onceVI: []string{"HP-ANDUONG"}},
		{name: "ward is not the district", known: []submission.KnownUnit{resolveQ1, resolveP10},
			unit: submission.Unit{Name: "Phường 1"}, codes: []string{finding.MissingUnit},
			vi:     []string{`"Phường 1" không phải "Quận 1" (HCM-Q1): khác cấp đơn vị.`, "Gần nhất: Phường 10 (HCM-P10)."},
			onceVI: []string{"HCM-Q1"}},
		{name: "other level named once though two of its names carry the bare name",
			known: []submission.KnownUnit{{Code: "HP-TN", Name: "Huyện Thủy Nguyên", Aliases: []string{"H. Thủy Nguyên"}}},
			unit:  submission.Unit{Name: "TX Thủy Nguyên"}, codes: []string{finding.MissingUnit},
			vi: []string{`không phải "Huyện Thủy Nguyên" (HP-TN)`}, notVI: []string{"H. Thủy Nguyên"}, onceVI: []string{"HP-TN"}},
		{name: "bare name carried by two units", known: []submission.KnownUnit{resolveHuyenAnDuong, resolveTTAnDuong},
			unit: submission.Unit{Name: "An Dương"}, codes: []string{finding.MissingUnit},
			vi: []string{`Tên đơn vị "An Dương" khớp với nhiều đơn vị: Huyện An Dương (HP-ANDUONG); Thị trấn An Dương (HP-TTANDUONG).`, "phía trên bảng"},
			en: []string{"matches several units"}},
		{name: "two units of one level and name", known: []submission.KnownUnit{resolveQ1, {Code: "HN-Q1", Name: "Quận 01"}},
			unit: submission.Unit{Name: "Q. 1"}, codes: []string{finding.MissingUnit},
			vi: []string{"Quận 1 (HCM-Q1); Quận 01 (HN-Q1)"}},
		{name: "unknown name, closest suggested", known: []submission.KnownUnit{{Code: "HP-LECHAN", Name: "Quận Lê Chân"}},
			unit: submission.Unit{Name: "Quận Lê Chăn"}, codes: []string{finding.MissingUnit},
			vi: []string{"không ghi mã", "Gần nhất: Quận Lê Chân (HP-LECHAN)."}, notVI: []string{"khác cấp"}},
		{name: "nothing known", unit: submission.Unit{Name: "Quận Lê Chân"}, codes: []string{finding.MissingUnit},
			vi: []string{`Đơn vị "Quận Lê Chân" không ghi mã`, `Hãy ghi "Mã đơn vị: …" phía trên bảng.`}, notVI: []string{"Gần nhất"}},
		{name: "neither code nor name", unit: submission.Unit{}, codes: []string{finding.MissingUnit},
			vi: []string{"Tệp không ghi đơn vị gửi báo cáo", "phía trên bảng"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// TestResolveAdviceFitsLayout checks that a long table is told to fill its
// "Mã đơn vị" column, not to add a line above it.
func TestResolveAdviceFitsLayout(t *testing.T) {
	tests := []resolveCase{
		{name: "long, no match", layout: submission.Long, known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Name: "Thị trấn An Dương", Sheet: "Dữ liệu", Cell: "B7"}, codes: []string{finding.MissingUnit},
			vi:    []string{`khác cấp đơn vị`, `Hãy ghi mã đơn vị vào cột "Mã đơn vị" ở dòng 7 và các dòng khác của đơn vị này`},
			en:    []string{`"Mã đơn vị" column on row 7`},
			notVI: []string{"phía trên bảng", "Mã đơn vị: …"}},
		{name: "long, several matches", layout: submission.Long, known: []submission.KnownUnit{resolveHuyenAnDuong, resolveTTAnDuong},
			unit: submission.Unit{Name: "An Dương", Sheet: "Dữ liệu", Cell: "B12"}, codes: []string{finding.MissingUnit},
			vi:    []string{"khớp với nhiều đơn vị", `cột "Mã đơn vị" ở dòng 12`},
			notVI: []string{"phía trên bảng", "Mã đơn vị: …"}},
		{name: "long, neither code nor name", layout: submission.Long,
			unit: submission.Unit{Sheet: "Dữ liệu", Cell: "A9"}, codes: []string{finding.MissingUnit},
			vi:    []string{`cột "Mã đơn vị" ở dòng 9`},
			notVI: []string{"phía trên bảng", "ví dụ ô A2"}},
		{name: "wide, no match", layout: submission.Wide, known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Name: "Thị trấn An Dương", Sheet: "S", Cell: "A2"}, codes: []string{finding.MissingUnit},
			vi: []string{`Hãy ghi "Mã đơn vị: …" phía trên bảng.`}, en: []string{`Write "Mã đơn vị: …" above the table.`},
			notVI: []string{`cột "Mã đơn vị"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// TestResolveAgency: a unit named after its agency ("Công an quận Lê Chân")
// is not matched, but the message names the unit it speaks of.
func TestResolveAgency(t *testing.T) {
	known := []submission.KnownUnit{{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng"}, {Code: "HP-LECHAN", Name: "Quận Lê Chân"}}
	for _, tt := range []struct{ name, want string }{
		{"Công an quận Lê Chân", `Có phải là Quận Lê Chân (HP-LECHAN)? Nếu đúng, hãy ghi "Mã đơn vị: HP-LECHAN"`},
		{"UBND quận Hồng Bàng", "Quận Hồng Bàng (HP-HONGBANG)"},
	} {
		sub := &submission.Submission{Units: []submission.Unit{{Name: tt.name, Sheet: "S", Cell: "A2"}}}
		sub.Resolve(submission.NewDirectory(known, false))
		if len(sub.Findings) != 1 || sub.Findings[0].Code != finding.MissingUnit || !strings.Contains(sub.Findings[0].Text.VI, tt.want) {
			t.Errorf("%s: %+v, want missing-unit saying %q", tt.name, sub.Findings, tt.want)
		}
		if sub.Units[0].Resolved != "" {
			t.Errorf("%s resolved to %s; an agency's name is not matched", tt.name, sub.Units[0].Resolved)
		}
	}
}

func TestResolveByCode(t *testing.T) {
	tests := []resolveCase{
		{name: "code and same name", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Code: "HP-ANDUONG", Name: "Huyện An Dương"}, resolved: "HP-ANDUONG"},
		{name: "code in another case", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Code: "hp-anduong"}, resolved: "HP-ANDUONG"},
		{name: "same level worded differently", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Code: "HP-ANDUONG", Name: "H. An Dương (cũ)"}, resolved: "HP-ANDUONG"},
		{name: "name without a level", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Code: "HP-ANDUONG", Name: "An Dương"}, resolved: "HP-ANDUONG"},
		{name: "known name without a level", known: []submission.KnownUnit{{Code: "HP-ANDUONG", Name: "An Dương"}},
			unit: submission.Unit{Code: "HP-ANDUONG", Name: "Thị trấn An Dương"}, resolved: "HP-ANDUONG"},
		{name: "alias at the written level", known: []submission.KnownUnit{resolveThuyNguyen},
			unit: submission.Unit{Code: "HP-THUYNGUYEN", Name: "Tp Thủy Nguyên"}, resolved: "HP-THUYNGUYEN"},
		{name: "unknown code, no list imported", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Code: "HP-MOI", Name: "Thị trấn An Dương"}, resolved: "HP-MOI"},

		{name: "code of the district, name of a town", known: []submission.KnownUnit{resolveHuyenAnDuong},
			unit: submission.Unit{Code: "HP-ANDUONG", Name: "Thị trấn An Dương"}, resolved: "HP-ANDUONG",
			codes: []string{finding.UnitMismatch},
			vi: []string{`Mã đơn vị HP-ANDUONG là của "Huyện An Dương", nhưng tệp ghi tên đơn vị "Thị trấn An Dương": khác cấp (huyện, thị trấn).`,
				"Hãy sửa mã cho đúng đơn vị gửi báo cáo"},
			en:    []string{`Unit code HP-ANDUONG belongs to "Huyện An Dương", but the file names the unit "Thị trấn An Dương"`},
			notVI: []string{"có mã"}},
		{name: "code of the district, name of a known town", known: []submission.KnownUnit{resolveHuyenAnDuong, resolveTTAnDuong},
			unit: submission.Unit{Code: "HP-ANDUONG", Name: "TT. An Dương"}, resolved: "HP-ANDUONG",
			codes: []string{finding.UnitMismatch},
			vi:    []string{`Đơn vị "Thị trấn An Dương" có mã HP-TTANDUONG.`}},
		{name: "code of one district, name of another", known: []submission.KnownUnit{{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng"}, {Code: "HP-LECHAN", Name: "Quận Lê Chân"}},
			unit: submission.Unit{Code: "HP-HONGBANG", Name: "Quận Lê Chân"}, resolved: "HP-HONGBANG",
			codes: []string{finding.UnitMismatch},
			vi:    []string{`Mã đơn vị HP-HONGBANG là của "Quận Hồng Bàng", nhưng tệp ghi tên đơn vị "Quận Lê Chân", là tên của một đơn vị khác (Quận Lê Chân (HP-LECHAN)).`},
			en:    []string{`Unit code HP-HONGBANG belongs to "Quận Hồng Bàng", but the file names the unit "Quận Lê Chân"`}},
		{name: "code and a name shared by two units", known: []submission.KnownUnit{{Code: "HP-HONGBANG", Name: "Quận Hồng Bàng"}, {Code: "HN-HONGBANG", Name: "Phường Hồng Bàng"}},
			unit: submission.Unit{Code: "HP-HONGBANG", Name: "Hồng Bàng"}, resolved: "HP-HONGBANG"},
		{name: "code of a district, name of a ward", known: []submission.KnownUnit{resolveQ1},
			unit: submission.Unit{Code: "HCM-Q1", Name: "P.1"}, resolved: "HCM-Q1",
			codes: []string{finding.UnitMismatch}, vi: []string{`"Quận 1"`, `"P.1"`, "(quận, phường)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestResolveUnknownCodeInImportedList(t *testing.T) {
	sub := &submission.Submission{Units: []submission.Unit{{Code: "HP-ANDUONGG", Name: "Huyện An Dương", Sheet: "S", Cell: "B3"}}}
	sub.Resolve(submission.NewDirectory([]submission.KnownUnit{resolveHuyenAnDuong}, true))
	if len(sub.Findings) != 1 || sub.Findings[0].Code != finding.UnknownUnit || sub.Units[0].Resolved != "" {
		t.Fatalf("findings %v, resolved %q; want one unknown-unit, unresolved", sub.Findings, sub.Units[0].Resolved)
	}
	if m := sub.Findings[0].Text.VI; !strings.Contains(m, "Huyện An Dương (HP-ANDUONG)") {
		t.Errorf("message %q names no closest unit", m)
	}
}

// TestResolveAdded checks that a unit made known during a batch is matched
// by level too, and that a second Add of its code changes nothing.
func TestResolveAdded(t *testing.T) {
	d := submission.NewDirectory(nil, false)
	d.Add(submission.KnownUnit{Code: "HCM-P1", Name: "Phường 1"})
	d.Add(submission.KnownUnit{Code: "HCM-P1", Name: "Quận 1"})
	sub := &submission.Submission{Layout: submission.Long, Units: []submission.Unit{
		{Name: "P.01", Sheet: "S", Cell: "B2"},
		{Name: "Quận 1", Sheet: "S", Cell: "B3"},
		{Code: "HCM-P1", Name: "Phường 1", Sheet: "S", Cell: "A4"},
	}}
	sub.Resolve(d)
	var resolved []string
	for _, u := range sub.Units {
		resolved = append(resolved, u.Resolved)
	}
	if want := []string{"HCM-P1", "", "HCM-P1"}; !slices.Equal(resolved, want) {
		t.Errorf("resolved %q, want %q", resolved, want)
	}
	if len(sub.Findings) != 1 || sub.Findings[0].Code != finding.MissingUnit || sub.Findings[0].Cell != "B3" {
		t.Fatalf("findings %v, want one missing-unit at B3", sub.Findings)
	}
	if m := sub.Findings[0].Text.VI; !strings.Contains(m, `"Quận 1" không phải "Phường 1" (HCM-P1)`) || !strings.Contains(m, "ở dòng 3") {
		t.Errorf("message %q", m)
	}
}
