package report

import (
	"strings"
	"time"
)

// Document is who reports, to whom, and when: the settings of the official
// document layout (Nghị định 30/2020/NĐ-CP) kept in the database by
// "tongket config" and overridable by flags on summarize. An empty field is
// printed as the dotted blank an officer fills in by hand, never as "".
type Document struct {
	ParentAgency string   // "CÔNG AN THÀNH PHỐ HẢI PHÒNG"
	Agency       string   // "CÔNG AN QUẬN HỒNG BÀNG"
	Place        string   // "Hải Phòng"
	DocNumber    string   // "125/BC-CAQ"; "5/BC-CAQ" is printed "05/BC-CAQ"
	SignerTitle  string   // "TRƯỞNG CÔNG AN QUẬN"
	SignerName   string   // "Nguyễn Văn A"
	Recipients   []string // "Công an thành phố (để b/c)", …; "Lưu: VT, …" is added if missing
	Addressee    []string // "Kính gửi": the higher agency the report goes to; none when empty
	UnitCode     string   // the compiling unit, for the Tổng hợp sheet
	UnitName     string
	Date         time.Time // the report date; zero prints the dotted date line
}

// Blank is the dotted placeholder for a missing setting.
const Blank = "……"

// Or returns s, or the dotted blank when s is empty.
func Or(s string) string {
	if strings.TrimSpace(s) == "" {
		return Blank
	}
	return s
}

// DocNumberLine is "Số: 125/BC-CAQ", or "Số: ……/BC-……" when unset.
func (d Document) DocNumberLine() string { return "Số: " + d.DocNumberText() }

// DocNumberText is the number and symbol, "125/BC-CAQ", as Nghị định 30
// writes it: a number below 10 takes a leading zero ("05/BC-CAQ"), as the
// date does; a bare number gets the report's symbol with a dotted agency
// part ("05/BC-……"); unset it is "……/BC-……".
func (d Document) DocNumberText() string {
	n := strings.TrimSpace(d.DocNumber)
	if n == "" {
		return Blank + "/BC-" + Blank
	}
	digits := len(n) - len(strings.TrimLeftFunc(n, func(r rune) bool { return r >= '0' && r <= '9' }))
	if digits == 1 && n[0] != '0' {
		n = "0" + n
		digits++
	}
	if digits == len(n) {
		n += "/BC-" + Blank
	}
	return n
}
