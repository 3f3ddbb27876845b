package xlsx

import (
	"testing"
	"time"
)

func TestParseFormat(t *testing.T) {
	type F = Format
	date := F{Date: true}
	tests := []struct {
		code string
		want Format
	}{
		// Built-ins, by id.
		{builtinFormats[0], F{}},
		{builtinFormats[1], F{IntDigits: 1}},
		{builtinFormats[2], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[3], F{IntDigits: 1}},
		{builtinFormats[4], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[9], F{IntDigits: 1, Percent: true}},
		{builtinFormats[10], F{IntDigits: 1, Decimals: 2, Percent: true}},
		{builtinFormats[11], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[12], F{}},
		{builtinFormats[13], F{}},
		{builtinFormats[14], F{Date: true, MonthFirst: true}},
		{builtinFormats[15], date},
		{builtinFormats[16], date},
		{builtinFormats[17], date},
		{builtinFormats[18], date},
		{builtinFormats[19], date},
		{builtinFormats[20], date},
		{builtinFormats[21], date},
		{builtinFormats[22], F{Date: true, MonthFirst: true}},
		{builtinFormats[37], F{IntDigits: 1}},
		{builtinFormats[38], F{IntDigits: 1}},
		{builtinFormats[39], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[40], F{IntDigits: 1, Decimals: 2}},
		{builtinFormats[45], date}, // mm:ss is minutes
		{builtinFormats[46], date},
		{builtinFormats[47], date},
		{builtinFormats[48], F{IntDigits: 1, Decimals: 1}},
		{builtinFormats[49], F{Text: true}},

		// Codes seen in submissions.
		{"#,##0.00,,", F{Scale: 2, IntDigits: 1, Decimals: 2}},
		{"#,##0,", F{Scale: 1, IntDigits: 1}},
		{`0.0,,"tr"`, F{Scale: 2, IntDigits: 1, Decimals: 1}},
		{"#,##0", F{IntDigits: 1}},
		{"0%", F{IntDigits: 1, Percent: true}},
		{"0.00%", F{IntDigits: 1, Decimals: 2, Percent: true}},
		{"[$-42A]yyyy", F{Date: true, YearOnly: true}},
		{"[$-vi-VN]yyyy", F{Date: true, YearOnly: true}},
		{"yyyy", F{Date: true, YearOnly: true}},
		{"yy", F{Date: true, YearOnly: true}},
		{`"Năm "yyyy`, F{Date: true, YearOnly: true}},
		{"mm/dd/yyyy", F{Date: true, MonthFirst: true}},
		{"dd/mm/yyyy", date},
		{"[$-409]mmmm d, yyyy", F{Date: true, MonthFirst: true}},
		{"mmm-yy", date},
		{"h:mm", date},
		{"[hh]:mm", date},
		{"dd/mm/yyyy hh:mm:ss", date},
		{"00000", F{IntDigits: 5}},
		{"@", F{Text: true}},
		{`@" (ghi chú)"`, F{Text: true}},
		{"#,##0;[Red]-#,##0", F{IntDigits: 1}},
		{`_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)`, F{IntDigits: 1}},
		{`_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`, F{IntDigits: 1, Decimals: 2}},
		{`"năm" 0`, F{IntDigits: 1}},
		{`#,##0.00 "đ"`, F{IntDigits: 1, Decimals: 2}},
		{`#,##0\ "₫"`, F{IntDigits: 1}},
		{`"%"0`, F{IntDigits: 1}},
		{`\%0`, F{IntDigits: 1}},
		{`0"m"`, F{IntDigits: 1}},
		{`\d0`, F{IntDigits: 1}},
		{`*00.0`, F{IntDigits: 1, Decimals: 1}}, // the first 0 is the fill character
		{"[>=100]0;0.00", F{IntDigits: 1}},
		{"[Red]0.00", F{IntDigits: 1, Decimals: 2}},
		{"0.00E-00", F{IntDigits: 1, Decimals: 2}},
		{`General "kg"`, F{}},
		{"", F{}},
		{`"unclosed`, F{}},
		{"[Red", F{}},
		{`0\`, F{IntDigits: 1}},
	}
	for _, tt := range tests {
		if got := ParseFormat(tt.code); got != tt.want {
			t.Errorf("ParseFormat(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

func TestDateSerial(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		serial   float64
		date1904 bool
		want     time.Time
	}{
		{1, false, day(1900, 1, 1)},
		{59, false, day(1900, 2, 28)},
		{61, false, day(1900, 3, 1)},
		{43466, false, day(2019, 1, 1)},
		{45291, false, day(2023, 12, 31)},
		{43466.5, false, day(2019, 1, 1).Add(12 * time.Hour)},
		{0, true, day(1904, 1, 1)},
		{41004, true, day(2016, 4, 6)}, // 42466 in the 1900 system
		{41004.25, true, day(2016, 4, 6).Add(6 * time.Hour)},
	}
	for _, tt := range tests {
		if got := DateSerial(tt.serial, tt.date1904); !got.Equal(tt.want) {
			t.Errorf("DateSerial(%v, %v) = %v, want %v", tt.serial, tt.date1904, got, tt.want)
		}
	}
}
