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
	DocNumber    string   // "125/BC-CAQ"
	SignerTitle  string   // "TRƯỞNG CÔNG AN QUẬN"
	SignerName   string   // "Nguyễn Văn A"
	Recipients   []string // "Công an thành phố (để b/c)", …; "Lưu: VT, …" is added if missing
	UnitCode     string   // the compiling unit, for the Tổng hợp sheet
	UnitName     string
	Date         time.Time // the report date (injected clock)
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
func (d Document) DocNumberLine() string {
	if strings.TrimSpace(d.DocNumber) == "" {
		return "Số: " + Blank + "/BC-" + Blank
	}
	return "Số: " + d.DocNumber
}
