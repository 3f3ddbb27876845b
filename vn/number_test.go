package vn

import (
	"errors"
	"testing"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		in    string
		want  int64
		whole bool
		err   error
	}{
		// plain and grouped integers
		{"0", 0, true, nil},
		{"17980", 1798000, true, nil},
		{"1.234", 123400, true, nil},
		{"1.234.567", 123456700, true, nil},
		{"12.345", 1234500, true, nil},
		{"123.456", 12345600, true, nil},
		{"007", 700, true, nil},
		// decimal comma
		{"3,5", 350, false, nil},
		{"1.234,75", 123475, false, nil},
		{"1,234", 123, false, nil},
		{"1,235", 124, false, nil},
		{"0,005", 1, false, nil},
		{"0,004999", 0, false, nil},
		{"2,675", 268, false, nil},
		{"17,0", 1700, true, nil},
		{"17,00000", 1700, true, nil},
		{"1.234,5", 123450, false, nil},
		// spaces as thousands separators
		{"1 234", 123400, true, nil},
		{"1\u00a0234\u00a0567", 123456700, true, nil},
		{"1\u2009234", 123400, true, nil},
		{"1\u202f234,5", 123450, false, nil},
		// dashes alone mean zero
		{"-", 0, true, nil},
		{"–", 0, true, nil},
		{"—", 0, true, nil},
		{" – ", 0, true, nil},
		// signs
		{"-5", -500, true, nil},
		{"−1.234,5", -123450, false, nil},
		{"+12", 1200, true, nil},
		{"-0", 0, true, nil},
		{"-0,004", 0, false, nil},
		{"-0,005", -1, false, nil},
		// trimming
		{"  42 ", 4200, true, nil},
		{"\u00a042\u00a0", 4200, true, nil},
		{"\t1.000\n", 100000, true, nil},
		{"\u200b42", 4200, true, nil},
		// empty
		{"", 0, false, ErrEmpty},
		{"   ", 0, false, ErrEmpty},
		{"\u00a0\t", 0, false, ErrEmpty},
		// ambiguous
		{"1.5", 0, false, ErrAmbiguous},
		{"2.50", 0, false, ErrAmbiguous},
		{"12.3456", 0, false, ErrAmbiguous},
		{"1.23.456", 0, false, ErrAmbiguous},
		{"1234.567", 0, false, ErrAmbiguous},
		{"0.500", 0, false, ErrAmbiguous},
		{"1,234.56", 0, false, ErrAmbiguous},
		{"1,234,567", 0, false, ErrAmbiguous},
		{"1.234 567", 0, false, ErrAmbiguous},
		{"1 23", 0, false, ErrAmbiguous},
		{"1  234", 0, false, ErrAmbiguous},
		{"1.234,5.6", 0, false, ErrAmbiguous},
		{"1.234,", 0, false, ErrAmbiguous},
		{",5", 0, false, ErrAmbiguous},
		{".5", 0, false, ErrAmbiguous},
		{"1.", 0, false, ErrAmbiguous},
		{"3,5 6", 0, false, ErrAmbiguous},
		// not numbers
		{"abc", 0, false, ErrNotNumber},
		{"12a", 0, false, ErrNotNumber},
		{"khoảng 200", 0, false, ErrNotNumber},
		{"50%", 0, false, ErrNotNumber},
		{"+", 0, false, ErrNotNumber},
		{"--5", 0, false, ErrNotNumber},
		{"–5", 0, false, ErrNotNumber},
		{"1e3", 0, false, ErrNotNumber},
		{"١٢", 0, false, ErrNotNumber},
		{".", 0, false, ErrNotNumber},
		{"\xff", 0, false, ErrNotNumber},
		// too large
		{"999.999.999.999.999", 99999999999999900, true, nil},
		{"1.000.000.000.000.000", 0, false, ErrTooLarge},
		{"999999999999999,995", 0, false, ErrTooLarge},
		{"-99999999999999999999999", 0, false, ErrTooLarge},
		{"0000000000000000000001", 100, true, nil},
	}
	for _, tt := range tests {
		got, err := ParseText(tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("ParseText(%q) error = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if err != nil {
			continue
		}
		if got.Hundredths != tt.want || got.Whole != tt.whole {
			t.Errorf("ParseText(%q) = %+v, want {Hundredths:%d Whole:%v}", tt.in, got, tt.want, tt.whole)
		}
	}
}

func TestParseRaw(t *testing.T) {
	tests := []struct {
		in    string
		want  int64
		whole bool
		err   error
	}{
		{"1234", 123400, true, nil},
		{"1234.5", 123450, false, nil},
		{"1.2E+3", 120000, true, nil},
		{"1.2e3", 120000, true, nil},
		{"12.300000000000001", 1230, false, nil},
		{"17.000000000000004", 1700, true, nil},
		{"16.999999999999996", 1700, true, nil},
		{"2.6749999999999998", 268, false, nil}, // Excel shows 2,68
		{"2.675", 268, false, nil},
		{"-2.675", -268, false, nil},
		{"0.004", 0, false, nil},
		{"0.005", 1, false, nil},
		{"-0", 0, true, nil},
		{"0", 0, true, nil},
		{"1E-10", 0, true, nil},
		{"1E-300", 0, true, nil},
		{"1E-400", 0, true, nil},
		{"5E-3", 1, false, nil},
		{" 42 ", 4200, true, nil},
		{"-17980", -1798000, true, nil},
		{"999999999999999", 99999999999999900, true, nil},
		{"0x1p-2", 25, false, nil},
		{"", 0, false, ErrEmpty},
		{"  ", 0, false, ErrEmpty},
		{"abc", 0, false, ErrNotNumber},
		{"1,5", 0, false, ErrNotNumber},
		{"NaN", 0, false, ErrNotNumber},
		{"Inf", 0, false, ErrNotNumber},
		{"-Infinity", 0, false, ErrNotNumber},
		{"1e15", 0, false, ErrTooLarge},
		{"-1e20", 0, false, ErrTooLarge},
		{"1e400", 0, false, ErrTooLarge},
		{"999999999999999.9", 0, false, ErrTooLarge},
	}
	for _, tt := range tests {
		got, err := ParseRaw(tt.in)
		if !errors.Is(err, tt.err) {
			t.Errorf("ParseRaw(%q) error = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if err != nil {
			continue
		}
		if got.Hundredths != tt.want || got.Whole != tt.whole {
			t.Errorf("ParseRaw(%q) = %+v, want {Hundredths:%d Whole:%v}", tt.in, got, tt.want, tt.whole)
		}
	}
}

func BenchmarkParseText(b *testing.B) {
	inputs := []string{"17.980", "1.234.567,89", "3,5", " 1 234 ", "khoảng 200", "1.5"}
	for b.Loop() {
		for _, s := range inputs {
			ParseText(s)
		}
	}
}

// TestExactAndShift: Exact says whether rounding to hundredths dropped a
// digit, and the shifted parsers move the decimal point before rounding.
func TestExactAndShift(t *testing.T) {
	tests := []struct {
		raw   bool
		in    string
		shift int
		want  int64
		exact bool
		dec   int
	}{
		{false, "1,25", 0, 125, true, 2},
		{false, "1,250", 0, 125, true, 2},
		{false, "1,254", 0, 125, false, 3},
		{false, "1,092", 0, 109, false, 3},
		{false, "7,067", 0, 707, false, 3},
		{false, "1.234.567", -6, 123, false, 6},
		{false, "504.250.000", -6, 50425, true, 2},
		{false, "12.500", -3, 1250, true, 1},
		{false, "1,5", 3, 150000, true, 0},
		{true, "1.254", 0, 125, false, 3},
		{true, "2.6749999999999998", 0, 268, false, 3},
		{true, "0.30000000000000004", 0, 30, true, 1},
		{true, "504250000", -6, 50425, true, 2},
		{true, "504251234", -6, 50425, false, 6},
		{true, "0.0005", 0, 0, false, 4},
		{true, "3.004", 0, 300, false, 3},
		{true, "12", 3, 1200000, true, 0},
	}
	for _, tt := range tests {
		var n Number
		var err error
		if tt.raw {
			n, err = ParseRawShift(tt.in, tt.shift)
		} else {
			n, err = ParseTextShift(tt.in, tt.shift)
		}
		if err != nil || n.Hundredths != tt.want || n.Exact != tt.exact || n.Decimals != tt.dec {
			t.Errorf("parse(%q, raw=%v, shift %d) = %+v, %v; want %d exact=%v decimals=%d", tt.in, tt.raw, tt.shift, n, err, tt.want, tt.exact, tt.dec)
		}
	}
}
