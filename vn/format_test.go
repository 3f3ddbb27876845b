package vn

import (
	"math"
	"testing"
)

func TestFormatInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1.000"},
		{17980, "17.980"},
		{123456, "123.456"},
		{-1234567, "-1.234.567"},
		{-5, "-5"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatHundredths(t *testing.T) {
	tests := []struct {
		h    int64
		dec  int
		want string
	}{
		{350, 1, "3,5"},
		{123456, 2, "1.234,56"},
		{1700, 1, "17,0"},
		{1700, 0, "17"},
		{5, 2, "0,05"},
		{355, 1, "3,6"},
		{354, 1, "3,5"},
		{-355, 1, "-3,6"},
		{150, 0, "2"},
		{-150, 0, "-2"},
		{149, 0, "1"},
		{-4, 1, "0,0"},
		{-40, 0, "0"},
		{-5, 1, "-0,1"},
		{350, 3, "3,500"},
		{350, -1, "4"},
		{99999, 0, "1.000"},
		{math.MinInt64, 2, "-92.233.720.368.547.758,08"},
		{math.MaxInt64, 0, "92.233.720.368.547.758"},
	}
	for _, tt := range tests {
		if got := FormatHundredths(tt.h, tt.dec); got != tt.want {
			t.Errorf("FormatHundredths(%d, %d) = %q, want %q", tt.h, tt.dec, got, tt.want)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{1700, "17"},
		{350, "3,5"},
		{123456, "1.234,56"},
		{5, "0,05"},
		{-350, "-3,5"},
		{1798000, "17.980"},
	}
	for _, tt := range tests {
		if got := FormatDecimal(tt.in); got != tt.want {
			t.Errorf("FormatDecimal(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
