package report

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tongket/tongket/lang"
)

// Setting is one "tongket config" key of the report document.
type Setting struct {
	Key   string
	Help  lang.Text
	apply func(d *Document, v string)
	check func(v string) error // nil: any text
}

// Settings are the document settings, in the order "tongket config" lists them.
var Settings = []Setting{
	{"parent-agency", lang.Text{VI: "cơ quan cấp trên, ví dụ \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\"", EN: "the agency above, e.g. \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\""}, func(d *Document, v string) { d.ParentAgency = v }, nil},
	{"agency", lang.Text{VI: "cơ quan ban hành, ví dụ \"CÔNG AN QUẬN HỒNG BÀNG\"", EN: "the issuing agency, e.g. \"CÔNG AN QUẬN HỒNG BÀNG\""}, func(d *Document, v string) { d.Agency = v }, nil},
	{"place", lang.Text{VI: "địa danh ở dòng ngày tháng, ví dụ \"Hải Phòng\"", EN: "the place in the date line, e.g. \"Hải Phòng\""}, func(d *Document, v string) { d.Place = v }, nil},
	{"doc-number", lang.Text{VI: "số, ký hiệu văn bản, ví dụ \"125/BC-CAQ\" (số dưới 10 viết 05)", EN: "the document's number and code, e.g. \"125/BC-CAQ\" (numbers under 10 written 05)"}, func(d *Document, v string) { d.DocNumber = v }, nil},
	{"date", lang.Text{VI: "ngày của báo cáo: dd/mm/yyyy, \"hom-nay\" (ngày chạy lệnh, mặc định) hoặc \"trong\" (để dòng chấm điền tay)", EN: "the report's date: dd/mm/yyyy, \"hom-nay\" (the day of the run, the default) or \"trong\" (a dotted line to fill in by hand)"}, applyDate, checkDate},
	{"addressee", lang.Text{VI: "nơi gửi báo cáo (\"Kính gửi\"), khi gửi cơ quan cấp trên; mỗi dòng một nơi", EN: "whom the report is addressed to (\"Kính gửi\"), when it goes to an agency above; one a line"}, func(d *Document, v string) { d.Addressee = splitLines(v) }, nil},
	{"signer-title", lang.Text{VI: "chức vụ người ký, ví dụ \"TRƯỞNG CÔNG AN QUẬN\"", EN: "the signer's title, e.g. \"TRƯỞNG CÔNG AN QUẬN\""}, func(d *Document, v string) { d.SignerTitle = v }, nil},
	{"signer-name", lang.Text{VI: "họ tên người ký", EN: "the signer's full name"}, func(d *Document, v string) { d.SignerName = v }, nil},
	{"recipients", lang.Text{VI: "nơi nhận, mỗi dòng một nơi", EN: "the recipients (\"Nơi nhận\"), one a line"}, func(d *Document, v string) { d.Recipients = splitLines(v) }, nil},
	{"unit-code", lang.Text{VI: "mã đơn vị tổng hợp (trang Tổng hợp là biểu số liệu của đơn vị này)", EN: "the compiling unit's code (the \"Tổng hợp\" sheet is this unit's submission)"}, func(d *Document, v string) { d.UnitCode = v }, nil},
	{"unit-name", lang.Text{VI: "tên đơn vị tổng hợp", EN: "the compiling unit's name"}, func(d *Document, v string) { d.UnitName = v }, nil},
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
	return Setting{}, fmt.Errorf("%w %q; settings are %s", ErrUnknownSetting, key, strings.Join(keys, ", "))
}

// ErrUnknownSetting: no setting has the key asked for.
var ErrUnknownSetting = errors.New("unknown setting")

// SettingValue checks v for the setting key and returns the setting and
// the value as it is stored: trimmed, or "" to clear the setting. The
// error is ErrUnknownSetting (wrapped) for a key that is not a setting,
// else the value's problem. "tongket config set" and the demo store
// settings through it.
func SettingValue(key, v string) (Setting, string, error) {
	set, err := SettingByKey(key)
	if err != nil {
		return Setting{}, "", err
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return set, "", nil
	}
	if err := set.Check(v); err != nil {
		return set, "", err
	}
	return set, v, nil
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
