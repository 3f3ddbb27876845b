package vn

import (
	"slices"
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	units := []string{"Hồng Bàng", "Ngô Quyền", "Lê Chân", "Hải An", "Kiến An", "Đồ Sơn", "Dương Kinh"}
	tests := []struct {
		s     string
		cands []string
		max   int
		want  []int
	}{
		{"Hồng Bàng", units, 3, []int{0}},
		{"hong bang", units, 3, []int{0}},                                 // 2 edits
		{"Ho\u0300ng Bàng", units, 3, []int{0}},                           // NFD, 1 edit
		{"Kien An", units, 3, []int{4}},                                   // 1 edit; Hải An is 4 away
		{"abc", []string{"abd", "wxyz", "xbc", "abc"}, 5, []int{3, 0, 2}}, // ties in input order
		{"abc", []string{"abd", "wxyz", "xbc", "abc"}, 2, []int{3, 0}},
		{"ab", []string{"xyz", "wxyz"}, 5, []int{0}}, // short key: bound is 3, not 0
		{"xyzxyzxyz", units, 3, nil},
		{"Hồng Bàng", nil, 3, nil},
		{"Hồng Bàng", units, 0, nil},
		{strings.Repeat("a", maxSuggestRunes+1), []string{strings.Repeat("a", maxSuggestRunes+1)}, 1, nil},
		{strings.Repeat("a", maxSuggestRunes), []string{strings.Repeat("a", maxSuggestRunes)}, 1, []int{0}},
		// long labels tolerate more edits: bound = len/3
		{"Tổng số hộ nghèo cuối năm", []string{"Tổng số hộ nghèo cuối nam", "Tổng số hộ cận nghèo", "Tong so ho ngheo cuoi nam"}, 5, []int{0, 2}},
	}
	for _, tt := range tests {
		got := Closest(tt.s, tt.cands, tt.max)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Closest(%q, %q, %d) = %v, want %v", tt.s, tt.cands, tt.max, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"hồng", "hong", 1},
		{"đ", "d", 1},
	}
	for _, tt := range tests {
		if got := levenshtein([]rune(tt.a), []rune(tt.b), 100); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
