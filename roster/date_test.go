package roster

import (
	"testing"
	"time"
)

func TestSerialDate(t *testing.T) {
	tests := []struct {
		serial float64
		want   time.Time
		ok     bool
	}{
		{1, day(1900, 1, 1), true},
		{59, day(1900, 2, 28), true},
		{60, time.Time{}, false}, // Excel's 29/02/1900, which never was
		{61, day(1900, 3, 1), true},
		{43101, day(2018, 1, 1), true},
		{45505, day(2024, 8, 1), true},
		{45505.75, day(2024, 8, 1), true}, // time of day dropped
		{2958465, day(9999, 12, 31), true},
		{2958466, time.Time{}, false},
		{0, time.Time{}, false},
		{-1, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := SerialDate(tt.serial)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("SerialDate(%v) = %v, %v; want %v, %v", tt.serial, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	good := []struct {
		in   string
		want time.Time
	}{
		{"01/08/2024", day(2024, 8, 1)},
		{"1/8/2024", day(2024, 8, 1)},
		{"01-08-2024", day(2024, 8, 1)},
		{"01.08.2024", day(2024, 8, 1)},
		{" 01 / 08 / 2024 ", day(2024, 8, 1)},
		{"2024-08-01", day(2024, 8, 1)},
		{"2024-08-01T00:00:00", day(2024, 8, 1)}, // t="d" cells
		{"2024-08-01T00:00:00Z", day(2024, 8, 1)},
		{"01/08/2024 00:00:00", day(2024, 8, 1)},
		{"ngày 01 tháng 8 năm 2024", day(2024, 8, 1)},
		{"Ngày 1 tháng 08, năm 2024", day(2024, 8, 1)},
		{"29/02/2024", day(2024, 2, 29)},
	}
	for _, tt := range good {
		got, p := parseDate(tt.in)
		if p != nil || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, p, tt.want)
		}
	}
	bad := []string{
		"31/02/2024", "29/02/2023", "31/04/2024", "00/01/2024", "13/13/2024",
		"08/31/2024", "01/08/24", "abc", "", "2024", "01/08-2024", "45505", "khoảng tháng 8/2024",
	}
	for _, in := range bad {
		if got, p := parseDate(in); p == nil {
			t.Errorf("parseDate(%q) = %v, want a problem", in, got)
		}
	}
}

func TestShowDate(t *testing.T) {
	d := day(2024, 8, 1)
	tests := []struct{ code, want string }{
		{"m/d/yyyy", "8/1/2024"},
		{"mm/dd/yyyy", "08/01/2024"},
		{"[$-409]m/d/yy", "8/1/24"},
		{"mm\\-dd\\-yyyy", "08-01-2024"},
		{`m"/"d"/"yyyy`, "8/1/2024"},
		{"m/d/yyyy h:mm", "8/1/2024"},
	}
	for _, tt := range tests {
		if got := showDate(d, tt.code); got != tt.want {
			t.Errorf("showDate(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}
