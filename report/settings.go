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
}

// Settings are the document settings, in the order "tongket config" lists them.
var Settings = []Setting{
	{"parent-agency", "cơ quan cấp trên, ví dụ \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\"", func(d *Document, v string) { d.ParentAgency = v }},
	{"agency", "cơ quan ban hành, ví dụ \"CÔNG AN QUẬN HỒNG BÀNG\"", func(d *Document, v string) { d.Agency = v }},
	{"place", "địa danh ở dòng ngày tháng, ví dụ \"Hải Phòng\"", func(d *Document, v string) { d.Place = v }},
	{"doc-number", "số, ký hiệu văn bản, ví dụ \"125/BC-CAQ\"", func(d *Document, v string) { d.DocNumber = v }},
	{"signer-title", "chức vụ người ký, ví dụ \"TRƯỞNG CÔNG AN QUẬN\"", func(d *Document, v string) { d.SignerTitle = v }},
	{"signer-name", "họ tên người ký", func(d *Document, v string) { d.SignerName = v }},
	{"recipients", "nơi nhận, mỗi dòng một nơi", func(d *Document, v string) { d.Recipients = splitLines(v) }},
	{"unit-code", "mã đơn vị tổng hợp (trang Tổng hợp là biểu số liệu của đơn vị này)", func(d *Document, v string) { d.UnitCode = v }},
	{"unit-name", "tên đơn vị tổng hợp", func(d *Document, v string) { d.UnitName = v }},
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

// NewDocument builds the document from stored settings, then overrides
// (non-empty flag values), dated date.
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

func splitLines(v string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
