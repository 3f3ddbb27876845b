package vn

import (
	"fmt"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// This file phrases figures the way officers write them in a report's
// prose: "gần 18 nghìn", "hơn 1,8 triệu", "3,7 tỷ đồng", "tăng 12,5%",
// "ngày 05 tháng 01 năm 2024". Tables keep the exact figures (FormatInt,
// FormatDecimal); these helpers are for sentences.

// scale is a Vietnamese number word and its value.
type scale struct {
	value uint64
	word  string
}

// scales are the words for large numbers, largest first.
var scales = []scale{
	{1_000_000_000_000_000, "triệu tỷ"},
	{1_000_000_000_000, "nghìn tỷ"},
	{1_000_000_000, "tỷ"},
	{1_000_000, "triệu"},
	{1_000, "nghìn"},
}

// Approx phrases a count as a round figure that stays honest about its
// direction:
//
//   - below 1.000 the number is written exactly: 999 → "999";
//   - a round figure is written without a qualifier: 18.000 → "18 nghìn";
//   - "gần" (nearly) when the figure is slightly below a round one:
//     17.980 → "gần 18 nghìn", 12.664 → "gần 12,7 nghìn";
//   - "hơn" (more than) when it is slightly above: 1.812.345 → "hơn 1,8 triệu";
//   - "khoảng" (about) only where neither fits, half-way between two round
//     figures: 15.450 → "khoảng 15,5 nghìn".
//
// "Slightly" is within 1,5% of the value for a round figure of two
// significant digits, then within 0,3% for three. Negative numbers are
// written exactly.
func Approx(n int64) string {
	if n < 1000 {
		return FormatInt(n)
	}
	u := uint64(n)
	d := uint64(len(strconv.FormatUint(u, 10)))
	for _, try := range []struct {
		sig      uint64
		num, den uint64 // tolerance num/den of the value
	}{{2, 15, 1000}, {3, 3, 1000}} {
		step := pow10(d - try.sig)
		lo := u / step * step
		hi := lo + step
		if u == lo {
			return roundFigure(lo)
		}
		dlo, dhi := u-lo, hi-u
		okLo := mulLE(dlo, try.den, u, try.num)
		okHi := mulLE(dhi, try.den, u, try.num)
		switch {
		case okHi && (!okLo || dhi < dlo):
			return "gần " + roundFigure(hi)
		case okLo:
			return "hơn " + roundFigure(lo)
		}
	}
	step := pow10(d - 3)
	r := u / step * step
	if (u-r)*2 >= step {
		r += step
	}
	return "khoảng " + roundFigure(r)
}

// roundFigure writes a round number (at most three significant digits, at
// least 1.000) with its scale word: 1.800.000 → "1,8 triệu".
func roundFigure(r uint64) string {
	for _, sc := range scales {
		if r >= sc.value {
			return FormatDecimal(int64(r/(sc.value/100))) + " " + sc.word
		}
	}
	return FormatInt(int64(r))
}

func pow10(e uint64) uint64 {
	p := uint64(1)
	for ; e > 0; e-- {
		p *= 10
	}
	return p
}

// mulLE reports a*b <= c*d without overflow.
func mulLE(a, b, c, d uint64) bool {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	return h1 < h2 || h1 == h2 && l1 <= l2
}

// Money phrases an amount given in hundredths of triệu đồng (the unit of
// the catalog's money indicators) as officers write it in prose:
// 371.200 (3.712 triệu) → "3,7 tỷ đồng", 85.000 → "850 triệu đồng",
// 1250 → "12,5 triệu đồng", 35 → "350 nghìn đồng",
// 120.000.000 → "1,2 nghìn tỷ đồng". Rounded half up; a trailing ",0" is
// dropped.
func Money(trieuHundredths int64) string {
	neg, u := magnitude(trieuHundredths)
	sign := ""
	if neg {
		sign = "-"
	}
	if u == 0 {
		return "0 đồng"
	}
	// Each branch rounds, then moves up a scale if rounding reached it.
	if u < 100 { // below 1 triệu: nghìn đồng, exact
		return sign + FormatInt(int64(u*10)) + " nghìn đồng"
	}
	if u < 10_000 { // below 100 triệu: triệu, one decimal
		if t := (u + 5) / 10; t < 1000 {
			return sign + tenths(t) + " triệu đồng"
		}
	}
	if u < 100_000 { // below 1 tỷ: whole triệu
		if w := (u + 50) / 100; w < 1000 {
			return sign + FormatInt(int64(w)) + " triệu đồng"
		}
	}
	if u < 100_000_000 { // below 1 nghìn tỷ: tỷ, one decimal
		if t := (u + 5_000) / 10_000; t < 10_000 {
			return sign + tenths(t) + " tỷ đồng"
		}
	}
	return sign + tenths((u+5_000_000)/10_000_000) + " nghìn tỷ đồng"
}

// tenths writes t/10 with a decimal comma, without a trailing ",0".
func tenths(t uint64) string {
	s := FormatHundredths(int64(t*10), 1)
	return strings.TrimSuffix(s, ",0")
}

// Change phrases a figure against the previous period's:
// "tăng 12,5%", "giảm 3,1%", "tương đương" (within ±0,5%), and
// "gấp 3,9 lần" from twice the previous figure up. It is "" when there is
// nothing to compare with (prev is zero or negative). Percentages and
// ratios have one decimal, rounded half up, without a trailing ",0".
// cur and prev are in the same unit (hundredths are fine).
func Change(cur, prev int64) string {
	if prev <= 0 {
		return ""
	}
	c, p := big.NewInt(cur), big.NewInt(prev)
	d := new(big.Int).Sub(c, p)
	ad := new(big.Int).Abs(d)
	// |d|/p <= 0,5%  ⇔  200·|d| <= p
	if new(big.Int).Mul(ad, big.NewInt(200)).Cmp(p) <= 0 {
		return "tương đương"
	}
	if c.Cmp(new(big.Int).Mul(p, big.NewInt(2))) >= 0 {
		return "gấp " + ratioTenths(c, p, 10) + " lần"
	}
	word := "tăng "
	if d.Sign() < 0 {
		word = "giảm "
	}
	return word + ratioTenths(ad, p, 1000) + "%"
}

// ratioTenths writes a·k/b rounded half up to tenths (k scales the ratio:
// 10 for a plain ratio, 1000 for a percentage), e.g. "12,5".
func ratioTenths(a, b *big.Int, k int64) string {
	num := new(big.Int).Mul(a, big.NewInt(2*k))
	num.Add(num, b)
	q := num.Div(num, new(big.Int).Mul(b, big.NewInt(2)))
	s := q.String() // tenths
	if len(s) < 2 {
		s = "0" + s
	}
	whole, frac := s[:len(s)-1], s[len(s)-1:]
	if w, err := strconv.ParseInt(whole, 10, 64); err == nil {
		whole = FormatInt(w)
	}
	if frac == "0" {
		return whole
	}
	return whole + "," + frac
}

// Date is the date in running text: "ngày 24 tháng 7 năm 2023".
func Date(t time.Time) string {
	return fmt.Sprintf("ngày %d tháng %d năm %d", t.Day(), int(t.Month()), t.Year())
}

// DocDate is the date of the place-and-date line of an official document
// (Nghị định 30/2020/NĐ-CP): days below 10 and the months 1 and 2 take a
// leading zero, "ngày 05 tháng 01 năm 2020", "ngày 24 tháng 7 năm 2023".
func DocDate(t time.Time) string {
	m := strconv.Itoa(int(t.Month()))
	if t.Month() <= time.February {
		m = "0" + m
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), m, t.Year())
}
