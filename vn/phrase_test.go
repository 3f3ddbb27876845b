package vn

import (
	"math"
	"testing"
	"time"
)

func TestApprox(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{-17980, "-17.980"},                           // negatives are exact
		{1000, "1 nghìn"},                             // round: no qualifier
		{18000, "18 nghìn"},                           // round
		{1005, "hơn 1 nghìn"},                         // slightly above
		{17980, "gần 18 nghìn"},                       // slightly below
		{22859, "gần 23 nghìn"},                       //
		{9990, "gần 10 nghìn"},                        // rounds up across a power of ten
		{999_600, "gần 1 triệu"},                      // and across a scale word
		{1_812_345, "hơn 1,8 triệu"},                  //
		{1_577_960, "gần 1,6 triệu"},                  //
		{12_664, "gần 12,7 nghìn"},                    // two digits too coarse: three
		{12_630, "hơn 12,6 nghìn"},                    //
		{114_106, "hơn 114 nghìn"},                    //
		{1_231_000, "hơn 1,23 triệu"},                 // three significant digits
		{1_234_567, "khoảng 1,23 triệu"},              // near the middle of a step
		{15_450, "khoảng 15,5 nghìn"},                 // half-way: neither fits
		{10_150, "hơn 10 nghìn"},                      // within 2% of the round figure
		{2_500_000_000, "2,5 tỷ"},                     //
		{1_010_000_000_000, "hơn 1 nghìn tỷ"},         //
		{math.MaxInt64, "hơn 9.200 triệu tỷ"},         // no overflow
		{math.MinInt64, "-9.223.372.036.854.775.808"}, // exact
	}
	for _, tt := range tests {
		if got := Approx(tt.in); got != tt.want {
			t.Errorf("Approx(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestApproxHonest checks the direction on a sweep: "gần" is never above
// the figure, "hơn" never below it, and a bare round figure is exact.
func TestApproxHonest(t *testing.T) {
	for n := int64(1000); n < 200_000; n += 7 {
		s := Approx(n)
		var word string
		for _, w := range []string{"gần ", "hơn ", "khoảng "} {
			if len(s) > len(w) && s[:len(w)] == w {
				word = w
			}
		}
		v := parseRound(t, s[len(word):])
		switch word {
		case "gần ":
			if v <= n || float64(v-n) > 0.02*float64(n) {
				t.Fatalf("Approx(%d) = %q: not slightly below", n, s)
			}
		case "hơn ":
			if v >= n || float64(n-v) > 0.02*float64(n) {
				t.Fatalf("Approx(%d) = %q: not slightly above", n, s)
			}
		case "khoảng ":
			if math.Abs(float64(v-n)) > 0.01*float64(n) {
				t.Fatalf("Approx(%d) = %q: too far", n, s)
			}
		default:
			if v != n {
				t.Fatalf("Approx(%d) = %q: bare figure is not exact", n, s)
			}
		}
	}
}

// parseRound reads back "12,7 nghìn" → 12700.
func parseRound(t *testing.T, s string) int64 {
	t.Helper()
	for _, sc := range scales {
		suffix := " " + sc.word
		if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
			num, err := ParseText(s[:len(s)-len(suffix)])
			if err != nil {
				t.Fatalf("parse %q: %v", s, err)
			}
			return num.Hundredths * int64(sc.value) / 100
		}
	}
	t.Fatalf("no scale word in %q", s)
	return 0
}

func TestMoney(t *testing.T) {
	tests := []struct {
		in   int64 // hundredths of triệu đồng
		want string
	}{
		{0, "0 đồng"},
		{35, "350 nghìn đồng"},
		{1, "10 nghìn đồng"},
		{100, "1 triệu đồng"},
		{1250, "12,5 triệu đồng"},
		{1249, "12,5 triệu đồng"},
		{9_999, "100 triệu đồng"}, // 99,99 triệu rounds to 100
		{85_000, "850 triệu đồng"},
		{85_049, "850 triệu đồng"},
		{99_995, "1 tỷ đồng"}, // 999,95 triệu rounds to 1 tỷ
		{371_200, "3,7 tỷ đồng"},
		{11_410_685, "114,1 tỷ đồng"},
		{99_999_000, "1 nghìn tỷ đồng"},
		{120_000_000, "1,2 nghìn tỷ đồng"},
		{-371_200, "-3,7 tỷ đồng"},
		{math.MaxInt64, "92.233.720.368,5 nghìn tỷ đồng"},
	}
	for _, tt := range tests {
		if got := Money(tt.in); got != tt.want {
			t.Errorf("Money(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		cur, prev int64
		want      string
	}{
		{17980, 15980, "tăng 12,5%"},
		{969, 1000, "giảm 3,1%"},
		{1005, 1000, "tương đương"}, // +0,5% is within
		{995, 1000, "tương đương"},  // −0,5% is within
		{1006, 1000, "tăng 0,6%"},
		{1000, 1000, "tương đương"},
		{1120, 1000, "tăng 12%"},
		{0, 1000, "giảm 100%"},
		{2000, 1000, "gấp 2 lần"},
		{22859, 5911, "gấp 3,9 lần"},
		{5144, 492, "gấp 10,5 lần"},
		{1000, 0, ""}, // nothing to compare with
		{1000, -5, ""},
		{math.MaxInt64, math.MaxInt64 - 1, "tương đương"}, // no overflow
	}
	for _, tt := range tests {
		if got := Change(tt.cur, tt.prev); got != tt.want {
			t.Errorf("Change(%d, %d) = %q, want %q", tt.cur, tt.prev, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		date          time.Time
		text, docDate string
	}{
		{time.Date(2023, 7, 24, 0, 0, 0, 0, time.UTC), "ngày 24 tháng 7 năm 2023", "ngày 24 tháng 7 năm 2023"},
		{time.Date(2020, 1, 5, 0, 0, 0, 0, time.UTC), "ngày 5 tháng 1 năm 2020", "ngày 05 tháng 01 năm 2020"},
		{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), "ngày 29 tháng 2 năm 2024", "ngày 29 tháng 02 năm 2024"},
		{time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC), "ngày 9 tháng 3 năm 2024", "ngày 09 tháng 3 năm 2024"},
		{time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC), "ngày 31 tháng 12 năm 2027", "ngày 31 tháng 12 năm 2027"},
	}
	for _, tt := range tests {
		if got := Date(tt.date); got != tt.text {
			t.Errorf("Date(%v) = %q, want %q", tt.date, got, tt.text)
		}
		if got := DocDate(tt.date); got != tt.docDate {
			t.Errorf("DocDate(%v) = %q, want %q", tt.date, got, tt.docDate)
		}
	}
}
