package report

import (
	"math/big"
	"strings"

	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// This file phrases figures for sentences the way the conferences' own
// reports and the press write them: "gần 18 nghìn buổi", "hơn 1,8 triệu
// lượt người", "hơn 4,1 nghìn tin", "hơn 3,7 tỷ đồng". Tables keep the
// exact figures.

// roundScales are the words of a rounded figure, largest first.
var roundScales = []struct {
	value int64
	word  string
}{
	{1_000_000_000_000, "nghìn tỷ"},
	{1_000_000_000, "tỷ"},
	{1_000_000, "triệu"},
	{1_000, "nghìn"},
}

// rounded phrases a whole, non-negative quantity of at least 1.000 as a
// round figure with at most one decimal, saying which side of it the
// quantity lies: "gần 18 nghìn" (17.980), "hơn 1,8 triệu" (1.834.567),
// "hơn 4,1 nghìn" (4.123), "gần 57 nghìn" (56.896). Below 10 of its scale
// word it keeps one decimal, from 10 up none. exact is true when the
// quantity is the round figure itself ("18 nghìn", "1,5 triệu"), which
// needs neither word; ok is false below 1.000 or for
// a negative quantity, where the exact figure is the only way to say it.
func rounded(n *big.Int) (phrase string, exact, ok bool) {
	if n.Sign() < 0 || n.Cmp(big.NewInt(1000)) < 0 {
		return "", false, false
	}
	i := 0
	for n.Cmp(big.NewInt(roundScales[i].value)) < 0 {
		i++
	}
	r, text := roundAt(n, i)
	if i > 0 && r.Cmp(big.NewInt(roundScales[i-1].value)) >= 0 {
		// 999.600 rounds to 1.000 nghìn, which is said "1 triệu".
		i--
		r, text = roundAt(n, i)
	}
	word := "hơn "
	switch c := r.Cmp(n); {
	case c == 0:
		word, exact = "", true
	case c > 0:
		word = "gần "
	}
	return word + text + " " + roundScales[i].word, exact, true
}

// roundAt rounds n in the scale word roundScales[i]: to tenths below 10 of
// it, to whole ones above. It returns the rounded quantity and its figure
// ("1,8", "57").
func roundAt(n *big.Int, i int) (*big.Int, string) {
	unit := big.NewInt(roundScales[i].value)
	tenths := n.Cmp(new(big.Int).Mul(unit, big.NewInt(10))) < 0
	step := unit
	if tenths {
		step = new(big.Int).Div(unit, big.NewInt(10))
	}
	q := roundDiv(n, step)
	r := new(big.Int).Mul(q, step)
	if tenths {
		return r, strings.TrimSuffix(vn.FormatHundredths(q.Int64()*10, 1), ",0")
	}
	return r, vn.FormatInt(q.Int64())
}

// roundDiv is a/b rounded half up (a ≥ 0, b > 0).
func roundDiv(a, b *big.Int) *big.Int {
	q := new(big.Int).Mul(a, big.NewInt(2))
	q.Add(q, b)
	return q.Div(q, new(big.Int).Mul(b, big.NewInt(2)))
}

// approxCount is the rounded phrase of a count given in hundredths
// ("gần 18 nghìn"), or the exact figure when no rounded form says it
// better (below 1.000, or already round).
func approxCount(h int64) string {
	p, exact, ok := rounded(big.NewInt(roundWhole(h)))
	if !ok || exact {
		return Amount(summary.Amount(h))
	}
	return p
}

// approxMoney phrases an amount in hundredths of triệu đồng as money is
// told in prose: "hơn 3,7 tỷ đồng" (3.712,5 triệu), "850 triệu đồng",
// "hơn 114 tỷ đồng" (114.106,85 triệu). Below 1.000 đồng, or negative, it
// is the exact amount in triệu đồng.
func approxMoney(h int64) string {
	dong := new(big.Int).Mul(big.NewInt(h), big.NewInt(10_000)) // 1/100 triệu = 10.000 đồng
	p, _, ok := rounded(dong)
	if !ok {
		return Amount(summary.Amount(h)) + " triệu đồng"
	}
	return p + " đồng"
}

// roundedPhrase is the bracketed rounded form after an exact figure in a
// sentence, in the sentence's own noun: " (gần 57 nghìn lượt cán bộ)",
// " (hơn 3,7 tỷ đồng)" for money; "" when the exact figure needs none.
func roundedPhrase(f *Figure, noun string) string {
	if f == nil || !f.Known || f.Total < 0 {
		return ""
	}
	if f.Money {
		// Below 1 tỷ the figure in triệu đồng says it already.
		p, exact, ok := rounded(new(big.Int).Mul(big.NewInt(int64(f.Total)), big.NewInt(10_000)))
		if !ok || exact || f.Total < 100_000 {
			return ""
		}
		return " (" + p + " đồng)"
	}
	p, exact, ok := rounded(big.NewInt(roundWhole(int64(f.Total))))
	if !ok || exact {
		return ""
	}
	if noun = oneLine(noun); noun != "" {
		p += " " + noun
	}
	return " (" + p + ")"
}
