package report

import (
	"strings"
	"unicode"
)

// body lays out the outline's body: headings in bold, paragraphs and list
// lines justified with the first line indented, the officer's sections as
// their paragraphs or, while empty, as a marked blank.
func (p *pdfDoc) body(blocks []Block) {
	for _, b := range blocks {
		switch b.Kind {
		case BlockHeading, BlockSubheading:
			// Keep a heading with the two lines after it.
			p.y += 1
			p.need(bodyLine*3 + paraSpace)
			head := Para{Runs: []Run{{Text: b.Number + " " + b.Para.Text(), Bold: true}}}
			p.runs(head, firstIndent, alignJustify, false)
		case BlockSection:
			s := b.Section
			if s.Empty() {
				if s.Optional {
					continue
				}
				p.runs(Para{Runs: []Run{{Text: s.Blank(), Italic: true}}}, firstIndent, alignLeft, true)
				break
			}
			for i, para := range s.Paras {
				if i > 0 {
					p.y += paraSpace
				}
				p.runs(para, firstIndent, alignJustify, false)
			}
		default:
			p.runs(b.Para, firstIndent, alignJustify, false)
		}
		p.y += paraSpace
	}
}

// word is a word of a paragraph: pieces of text in their styles, drawn
// without a space between them.
type word []Run

// words splits runs at white space; a word may change style in its middle.
func words(runs []Run) []word {
	var out []word
	var cur word
	for _, r := range runs {
		var b strings.Builder
		flush := func() {
			if b.Len() > 0 {
				cur = append(cur, Run{Text: b.String(), Bold: r.Bold, Italic: r.Italic, Underline: r.Underline})
				b.Reset()
			}
		}
		for _, c := range r.Text {
			if unicode.IsSpace(c) {
				flush()
				if len(cur) > 0 {
					out = append(out, cur)
					cur = nil
				}
				continue
			}
			b.WriteRune(c)
		}
		flush()
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// runStyle is a run's fpdf style.
func runStyle(r Run) string {
	s := ""
	if r.Bold {
		s += "B"
	}
	if r.Italic {
		s += "I"
	}
	if r.Underline {
		s += "U"
	}
	return s
}

// wordWidth measures a word in the body size.
func (p *pdfDoc) wordWidth(w word) float64 {
	total := 0.0
	for _, r := range w {
		p.font(strings.ReplaceAll(runStyle(r), "U", ""), bodySize)
		total += p.width(r.Text)
	}
	return total
}

// runs lays out a paragraph of styled runs over the content width in the
// body size, breaking pages between lines; a list line starts with "- ".
// marked draws a light band behind the text, for a blank the officer must
// fill.
func (p *pdfDoc) runs(para Para, indent float64, align int, marked bool) {
	ws := words(para.Runs)
	if para.Bullet {
		ws = append([]word{{{Text: "-"}}}, ws...)
	}
	if len(ws) == 0 {
		return
	}
	widths := make([]float64, len(ws))
	for i, w := range ws {
		widths[i] = p.wordWidth(w)
	}
	p.font("", bodySize)
	sp := p.width(" ")
	// Greedy line breaking.
	var lines [][2]int // [first, end) word indices
	start, lineW := 0, 0.0
	for i, w := range widths {
		avail := p.cw()
		if len(lines) == 0 {
			avail -= indent
		}
		if i > start && lineW+sp+w > avail+1e-6 {
			lines = append(lines, [2]int{start, i})
			start, lineW = i, 0
		}
		if i > start {
			lineW += sp
		}
		lineW += w
	}
	lines = append(lines, [2]int{start, len(ws)})
	for k, l := range lines {
		p.need(bodyLine)
		x, avail := p.lm, p.cw()
		if k == 0 {
			x, avail = x+indent, avail-indent
		}
		total := 0.0
		for i := l[0]; i < l[1]; i++ {
			total += widths[i]
		}
		gap := sp
		if n := l[1] - l[0]; align == alignJustify && k < len(lines)-1 && n > 1 {
			if g := (avail - total) / float64(n-1); g <= 3*sp { // a very loose line reads better ragged
				gap = g
			}
		}
		if marked {
			p.f.SetFillColor(255, 242, 204)
			p.f.Rect(x-0.8, p.y+0.3, total+gap*float64(l[1]-l[0]-1)+1.6, bodyLine-0.6, "F")
		}
		for i := l[0]; i < l[1]; i++ {
			wx := x
			for _, r := range ws[i] {
				p.font(runStyle(r), bodySize)
				p.text(wx, p.y, bodyLine, r.Text)
				wx += p.width(r.Text)
			}
			x += widths[i] + gap
		}
		p.y += bodyLine
	}
	p.font("", bodySize)
}
