package report

import (
	"fmt"
	"strings"
	"time"
)

// Setting is one "tongket config" key of the report document.
type Setting struct {
	Key   string
	Help  string // Vietnamese
	apply func(d *Document, v string)
	check func(v string) error // nil: any text
}

// Settings are the document settings, in the order "tongket config" lists them.
var Settings = []Setting{
	{"parent-agency", "cơ quan cấp trên, ví dụ \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\"", func(d *Document, v string) { d.ParentAgency = v }, nil},
	{"agency", "cơ quan ban hành, ví dụ \"CÔNG AN QUẬN HỒNG BÀNG\"", func(d *Document, v string) { d.Agency = v }, nil},
	{"place", "địa danh ở dòng ngày tháng, ví dụ \"Hải Phòng\"", func(d *Document, v string) { d.Place = v }, nil},
	{"doc-number", "số, ký hiệu văn bản, ví dụ \"125/BC-CAQ\" (số dưới 10 viết 05)", func(d *Document, v string) { d.DocNumber = v }, nil},
	{"date", "ngày của báo cáo: dd/mm/yyyy, \"hom-nay\" (ngày chạy lệnh, mặc định) hoặc \"trong\" (để dòng chấm điền tay)", applyDate, checkDate},
	{"addressee", "nơi gửi báo cáo (\"Kính gửi\"), khi gửi cơ quan cấp trên; mỗi dòng một nơi", func(d *Document, v string) { d.Addressee = splitLines(v) }, nil},
	{"signer-title", "chức vụ người ký, ví dụ \"TRƯỞNG CÔNG AN QUẬN\"", func(d *Document, v string) { d.SignerTitle = v }, nil},
	{"signer-name", "họ tên người ký", func(d *Document, v string) { d.SignerName = v }, nil},
	{"recipients", "nơi nhận, mỗi dòng một nơi", func(d *Document, v string) { d.Recipients = splitLines(v) }, nil},
	{"unit-code", "mã đơn vị tổng hợp (trang Tổng hợp là biểu số liệu của đơn vị này)", func(d *Document, v string) { d.UnitCode = v }, nil},
	{"unit-name", "tên đơn vị tổng hợp", func(d *Document, v string) { d.UnitName = v }, nil},
}

// SettingByKey finds a setting.
func SettingByKey(key string) (Setting, error) {
	for _, s := range Settings {
		if s.Key == key {
			return s, nil
		}
	}
	keys := make([]string, len(Settings))
	for i, s := range Settings {
		keys[i] = s.Key
	}
	return Setting{}, fmt.Errorf("unknown setting %q; settings are %s", key, strings.Join(keys, ", "))
}

// Check reports whether v is a value the setting accepts.
func (s Setting) Check(v string) error {
	if s.check == nil {
		return nil
	}
	return s.check(strings.TrimSpace(v))
}

// NewDocument builds the document from stored settings, then overrides
// (non-empty flag values), dated date unless the "date" setting says
// otherwise.
func NewDocument(stored, overrides map[string]string, date time.Time) Document {
	d := Document{Date: date}
	for _, s := range Settings {
		if v, ok := overrides[s.Key]; ok && v != "" {
			s.apply(&d, v)
		} else if v := stored[s.Key]; v != "" {
			s.apply(&d, v)
		}
	}
	return d
}

// Words of the date setting besides a date.
var (
	dateToday = []string{"hom-nay", "hôm nay", "hôm-nay", "today"}
	dateBlank = []string{"trong", "trống", "de-trong", "để trống", "blank"}
)

// parseDate reads the date setting: a date d/m/yyyy, today (ok, zero
// time), or blank (blank).
func parseDate(v string) (t time.Time, blank bool, err error) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, w := range dateToday {
		if v == w {
			return time.Time{}, false, nil
		}
	}
	for _, w := range dateBlank {
		if v == w {
			return time.Time{}, true, nil
		}
	}
	t, err = time.Parse("2/1/2006", v)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, false, fmt.Errorf("date %q is not dd/mm/yyyy, hom-nay or trong", v)
	}
	return t, false, nil
}

func checkDate(v string) error { _, _, err := parseDate(v); return err }

// applyDate sets the report date from the date setting; "today" keeps the
// date given to NewDocument.
func applyDate(d *Document, v string) {
	t, blank, err := parseDate(v)
	switch {
	case err != nil:
	case blank:
		d.Date = time.Time{}
	case !t.IsZero():
		d.Date = t
	}
}

func splitLines(v string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
