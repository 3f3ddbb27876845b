package report

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"
)

// This file holds the layout both drawers share: text measured in
// Liberation Serif, the metric twin of Times New Roman, so that the PDF
// and the Word document break titles and size table columns alike.

// measure measures text in a font style and size. The PDF drawer measures
// with the document it draws; the Word drawer with one of its own
// (newMeasure).
type measure struct {
	f      *fpdf.Fpdf
	size   float64 // current font size, pt
	style  string  // current font style: "", "B", "I", "BI" ("U" is ignored)
	widths map[string]map[rune]float64
}

// newMeasure is a measure with no document to draw.
func newMeasure() *measure {
	f := fpdf.New("P", "mm", "A4", "")
	addFonts(f)
	return &measure{f: f}
}

// addFonts gives f Liberation Serif in its four styles.
func addFonts(f *fpdf.Fpdf) {
	f.AddUTF8FontFromBytes(pdfFamily, "", liberationserifregular.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "B", liberationserifbold.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "I", liberationserifitalic.TTF)
	f.AddUTF8FontFromBytes(pdfFamily, "BI", liberationserifbolditalic.TTF)
}

// font sets the style and size text is measured (and drawn) in.
func (p *measure) font(style string, size float64) {
	p.f.SetFont(pdfFamily, style, size)
	p.size, p.style = size, style
}

// width is the width of s in the current font. Glyph widths are cached per
// style at 1 pt (fpdf adds glyph widths without kerning, so the sum is
// exact): a table of thousands of rows is measured many times over.
func (p *measure) width(s string) float64 {
	if p.widths == nil {
		p.widths = map[string]map[rune]float64{}
	}
	cache := p.widths[p.style]
	if cache == nil {
		cache = map[rune]float64{}
		p.widths[p.style] = cache
	}
	w := 0.0
	for _, r := range s {
		g, ok := cache[r]
		if !ok {
			g = p.f.GetStringWidth(string(r)) / p.size
			cache[r] = g
		}
		w += g
	}
	return w * p.size
}

// wrap breaks s into lines no wider than w (first the first line, narrower
// by indent), breaking at spaces and, for a word too long for a line,
// between letters.
func (p *measure) wrap(s string, w, indent float64) []string {
	var lines []string
	var cur []string
	curW := 0.0
	sp := p.width(" ")
	avail := func() float64 {
		if len(lines) == 0 {
			return w - indent
		}
		return w
	}
	for _, word := range strings.Fields(s) {
		ww := p.width(word)
		for ww > avail()+1e-6 && len(cur) == 0 && utf8.RuneCountInString(word) > 1 {
			// Break an over-long word.
			r := []rune(word)
			k := len(r) - 1
			for k > 1 && p.width(string(r[:k])) > avail()+1e-6 {
				k--
			}
			lines = append(lines, string(r[:k]))
			word = string(r[k:])
			ww = p.width(word)
		}
		if len(cur) > 0 && curW+sp+ww > avail()+1e-6 {
			lines = append(lines, strings.Join(cur, " "))
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += sp
		}
		cur = append(cur, word)
		curW += ww
	}
	if len(cur) > 0 {
		lines = append(lines, strings.Join(cur, " "))
	}
	return lines
}

// balanced wraps s into as few lines as fit w, as even in length as
// possible (a title reads better as two halves than a line and a word). A
// title of two lines breaks between phrases: never inside a quoted name,
// and before "trong", "giai đoạn", "năm", "theo" when one fits.
func (p *measure) balanced(s string, w float64) []string {
	lines := p.wrap(s, w, 0)
	if len(lines) < 2 {
		return lines
	}
	if len(lines) == 2 {
		if two := p.phraseBreak(s, w); two != nil {
			return two
		}
	}
	lo, hi := w/float64(len(lines)), w
	for hi-lo > 0.5 {
		mid := (lo + hi) / 2
		if len(p.wrap(s, mid, 0)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return p.wrap(s, hi, 0)
}

// phraseStarts are words a title's second line reads well starting with.
var phraseStarts = map[string]bool{"trong": true, "giai": true, "năm": true, "theo": true, "của": true, "về": true, "tại": true}

// phraseBreak splits a title into two lines that fit w at the best break
// between phrases, or returns nil when none fits: a break inside a quoted
// name is never taken, one before a phrase-starting word is preferred, and
// among those the most even.
func (p *measure) phraseBreak(s string, w float64) []string {
	ws := strings.Fields(s)
	var best []string
	bestScore := math.Inf(1)
	quoted := false
	for i := 1; i < len(ws); i++ {
		prev := ws[i-1]
		quoted = quoted != (strings.Count(prev, "\"")%2 == 1)
		if strings.Contains(prev, "“") {
			quoted = !strings.Contains(prev, "”")
		} else if strings.Contains(prev, "”") {
			quoted = false
		}
		if quoted {
			continue
		}
		a, b := strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")
		wa, wb := p.width(a), p.width(b)
		if wa > w || wb > w {
			continue
		}
		score := math.Abs(wa - wb)
		if !phraseStarts[strings.ToLower(ws[i])] && !strings.HasPrefix(ws[i], "\"") && !strings.HasPrefix(ws[i], "“") {
			score += w // any phrase break beats an even split mid-phrase
		}
		if score < bestScore {
			best, bestScore = []string{a, b}, score
		}
	}
	return best
}
