package report

import (
	"strconv"
	"strings"
)

// Outline is the report as a document value (FORMATS.md §8, DESIGN.md
// "One document, several drawers"): the summary line, the body as headings,
// paragraphs and the officer's sections, and the appendices as tables and a
// chart. It is built once from a summary (BuildOutline) and drawn by each
// renderer (PDF, text); the renderers add only the header block and the
// signature, which come from the Document.
//
// The officer's sections arrive later as paragraphs (Fill); until then each
// required one is drawn as a visibly marked blank.
type Outline struct {
	Title      string  // the summary line under "BÁO CÁO" (trích yếu); "\n" breaks it
	Body       []Block // in reading order
	Appendices []Appendix
}

// Run is text in one style.
type Run struct {
	Text                    string
	Bold, Italic, Underline bool
}

// Para is a paragraph of runs; a list line is printed with its "- ".
type Para struct {
	Runs   []Run
	Bullet bool
}

// Text is the paragraph's text without styles.
func (p Para) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// plain is a paragraph of one unstyled run.
func plain(text string, bullet bool) Para { return Para{Runs: []Run{{Text: text}}, Bullet: bullet} }

// BlockKind tells what a block of the body is.
type BlockKind int

// Kinds of body blocks.
const (
	BlockPara       BlockKind = iota // a paragraph written by tongket
	BlockHeading                     // a section heading: "I. ĐẶC ĐIỂM TÌNH HÌNH"
	BlockSubheading                  // a part heading: "1. Công tác lãnh đạo, chỉ đạo"
	BlockSection                     // a section the officer writes (FORMATS.md §8)
)

// Block is one unit of the body.
type Block struct {
	Kind    BlockKind
	Number  string   // of a heading: "I.", "1."
	Para    Para     // a paragraph, or a heading's text
	Section *Section // of BlockSection
}

// Section is a part the officer writes: under a heading of the outline
// ("Đặc điểm tình hình"), or a paragraph they may add after a part that
// tongket writes.
type Section struct {
	Key      string // stable name: "dac-diem", "lanh-dao", "uu-diem", …
	Heading  string // the heading it stands under, numbered: "III.1. Ưu điểm"
	Guide    string // what belongs there, shown in the blank
	Optional bool   // nothing is shown, and nothing listed, while it is empty
	Paras    []Para
}

// Blank is the marked blank an empty section is drawn as.
func (s *Section) Blank() string {
	g := s.Guide
	if g == "" {
		g = strings.ToLower(s.Heading)
	}
	return "[Đơn vị bổ sung: " + g + "]"
}

// Empty reports whether the section has no text.
func (s *Section) Empty() bool {
	for _, p := range s.Paras {
		if strings.TrimSpace(p.Text()) != "" {
			return false
		}
	}
	return true
}

// Sections are the officer's sections in reading order.
func (o *Outline) Sections() []*Section {
	var out []*Section
	for _, b := range o.Body {
		if b.Kind == BlockSection {
			out = append(out, b.Section)
		}
	}
	return out
}

// Fill gives the section key its paragraphs; it reports whether the
// outline has that section.
func (o *Outline) Fill(key string, paras []Para) bool {
	for _, s := range o.Sections() {
		if s.Key == key {
			s.Paras = paras
			return true
		}
	}
	return false
}

// Blanks are the headings of the required sections still empty: what
// summarize lists on stderr.
func (o *Outline) Blanks() []string {
	var out []string
	for _, s := range o.Sections() {
		if !s.Optional && s.Empty() {
			out = append(out, s.Heading)
		}
	}
	return out
}

// parseOutline reads the narrative markup (see the template's header) into
// body blocks, numbering the headings: "# " I., II., … in capitals, "## "
// 1., 2., … within a section, "- " a list line, "@key guide" a section the
// officer writes ("@?key" one they may add), other lines paragraphs.
func parseOutline(src string) []Block {
	var out []Block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, Block{Kind: BlockPara, Para: plain(strings.Join(para, " "), false)})
			para = nil
		}
	}
	sec, sub := 0, 0
	heading := ""
	inBullet := false
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		slot := isSlot(line)
		for _, start := range []string{"# ", "## ", "- "} {
			if line == "" || slot || strings.HasPrefix(line, start) {
				flush()
			}
		}
		switch {
		case line == "":
			inBullet = false
		case strings.HasPrefix(line, "## "):
			inBullet = false
			sub++
			text := oneLine(line[3:])
			out = append(out, Block{Kind: BlockSubheading, Number: strconv.Itoa(sub) + ".", Para: plain(text, false)})
			heading = roman(max(sec, 1)) + "." + strconv.Itoa(sub) + ". " + text
		case strings.HasPrefix(line, "# "):
			inBullet = false
			sec++
			sub = 0
			text := strings.ToUpper(oneLine(line[2:]))
			out = append(out, Block{Kind: BlockHeading, Number: roman(sec) + ".", Para: plain(text, false)})
			heading = roman(sec) + ". " + text
		case slot:
			inBullet = false
			key, guide, _ := strings.Cut(line[1:], " ")
			s := &Section{Key: key, Heading: heading, Guide: oneLine(guide)}
			if strings.HasPrefix(key, "?") {
				s.Key, s.Optional = key[1:], true
			}
			out = append(out, Block{Kind: BlockSection, Section: s})
		case strings.HasPrefix(line, "- "):
			inBullet = true
			out = append(out, Block{Kind: BlockPara, Para: plain(oneLine(line[2:]), true)})
		case inBullet:
			p := &out[len(out)-1].Para
			p.Runs[0].Text += " " + oneLine(line)
		default:
			para = append(para, oneLine(line))
		}
	}
	flush()
	return out
}

// isSlot tells a section line: "@" and a key of lower-case ASCII letters,
// digits and dashes ("@?" for an optional one), so that text which merely
// starts with "@" stays text.
func isSlot(line string) bool {
	if !strings.HasPrefix(line, "@") {
		return false
	}
	key, _, _ := strings.Cut(strings.TrimPrefix(line[1:], "?"), " ")
	if key == "" {
		return false
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
