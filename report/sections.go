package report

import (
	"errors"
	"regexp"
	"strings"

	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// This file is the officer's sections file (FORMATS.md §8): a Word file
// beside the report, tong-ket-FROM-TO-noi-dung.docx, holding one heading
// per section the officer writes. tongket writes it once, with guidance
// and drafts drawn from the figures, never overwrites it, and reads it
// back on every run: each heading's paragraphs go into the report.

// SectionsFileName is the name of a period's sections file.
func SectionsFileName(p summary.Period) string { return "tong-ket-" + p.String() + "-noi-dung.docx" }

// Styles of the sections file.
const (
	guideStyle     = "TongketGuide"
	guideStyleName = "Hướng dẫn"
	guidePrefix    = "Hướng dẫn: "
	// draftMark starts a draft drawn from the figures: it stays out of
	// the report until the officer deletes the mark.
	draftMark = "Gợi ý:"
	// refHeading heads the list of placeholders at the end of the file;
	// nothing under it goes into the report.
	refHeading = "CHỖ ĐIỀN SỐ LIỆU (để tham khảo, không đưa vào báo cáo)"
)

// planHeading is a heading of the sections file: a heading of the
// outline above a section the officer writes, with that section, or one
// holding such headings only.
type planHeading struct {
	level   int    // 1: "I. …", 2: "1. …"
	text    string // as the report numbers it
	section *Section
}

// sectionsPlan lists the headings of the sections file in the outline's
// order: every heading with a section under it, and the headings above
// those.
func sectionsPlan(o *Outline) []planHeading {
	var out []planHeading
	top, sub := -1, -1 // the current headings' places in out, -1 until placed
	var topText, subText string
	for _, b := range o.Body {
		switch b.Kind {
		case BlockHeading:
			top, sub = -1, -1
			topText, subText = b.Number+" "+b.Para.Text(), ""
		case BlockSubheading:
			sub = -1
			subText = b.Number + " " + b.Para.Text()
		case BlockSection:
			if topText == "" && subText == "" {
				continue // a section above every heading has no heading to go under
			}
			if top < 0 && topText != "" {
				out = append(out, planHeading{level: 1, text: topText})
				top = len(out) - 1
			}
			h := top
			if subText != "" {
				if sub < 0 {
					out = append(out, planHeading{level: 2, text: subText})
					sub = len(out) - 1
				}
				h = sub
			}
			if out[h].section == nil {
				out[h].section = b.Section
			}
		}
	}
	return out
}

// numbering is the number in front of a heading: "III.", "1.", "III.1.",
// "a)".
var numbering = regexp.MustCompile(`^\s*(?:(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)]\s*)+`)

// headingKey is a heading's text as headings are matched: without its
// number, case, accents' placement or trailing colon.
func headingKey(s string) string {
	return vn.Key(numbering.ReplaceAllString(vn.Key(s), ""))
}

// sectionsRead is what a sections file gave: each section's paragraphs,
// how many drafts each still holds, and what the officer should know
// about how it was read.
type sectionsRead struct {
	paras    map[string][]Para
	drafts   map[string]int
	warnings []lang.Text
}

// readSections reads the sections file at path for the outline's
// sections, filling its placeholders; a file that is not a Word document
// tongket reads, or a placeholder it cannot fill, is an *InputError.
func readSections(path string, o *Outline, ph *Placeholders) (*sectionsRead, error) {
	f, err := openWord(path)
	if err != nil {
		return nil, err
	}
	ps, err := f.Paragraphs()
	if err != nil {
		return nil, wordInputError(path, err)
	}
	return placeSections(path, ps, o, ph)
}

// placeSections puts the paragraphs of a sections file under their
// headings.
func placeSections(path string, ps []docx.TextPara, o *Outline, ph *Placeholders) (*sectionsRead, error) {
	pl := newPlacer(o, ph)
	for _, p := range ps {
		pl.place(p)
	}
	return pl.finish(path)
}

// placer reads a sections file paragraph by paragraph.
type placer struct {
	plan    []planHeading
	byKey   map[string]int // plan index by heading key
	names   []string       // the plan's headings, for suggestions
	guides  map[string]bool
	ph      *Placeholders
	out     *sectionsRead
	cur     *Section // where text goes now
	pending []Para   // text under a heading without a section of its own
	under   string   // that heading
	seen    bool     // a known heading was met
	inRef   bool     // under the list of placeholders
	errs    []error  // placeholders that could not be filled
	told    map[string]bool
}

func newPlacer(o *Outline, ph *Placeholders) *placer {
	pl := &placer{plan: sectionsPlan(o), byKey: map[string]int{}, ph: ph, told: map[string]bool{},
		out: &sectionsRead{paras: map[string][]Para{}, drafts: map[string]int{}}}
	for i, h := range pl.plan {
		pl.byKey[headingKey(h.text)] = i
		pl.names = append(pl.names, h.text)
	}
	pl.guides = guideTexts(o, pl.plan)
	return pl
}

func (pl *placer) warn(t lang.Text) { pl.out.warnings = append(pl.out.warnings, t) }

// once warns with t the first time what is met in the current section.
func (pl *placer) once(what string, t lang.Text) {
	if k := what + "\x00" + pl.cur.Key; !pl.told[k] {
		pl.told[k] = true
		pl.warn(t)
	}
}

// place reads one paragraph: a heading, tongket's own text, or the
// officer's.
func (pl *placer) place(p docx.TextPara) {
	text := strings.TrimSpace(vn.NFC(p.Text()))
	switch {
	case text == "":
		if p.Objects > 0 && pl.cur != nil {
			pl.once("picture", lang.F("Mục \"%s\" có hình ảnh hoặc hộp chữ; tongket chỉ đưa chữ vào báo cáo, hãy chèn hình vào tệp báo cáo Word.",
				"Section \"%s\" holds a picture or text box; tongket takes only text into the report: insert the picture in the Word report.", pl.cur.Heading))
		}
	case pl.heading(p, text), pl.tongkets(p, text):
	default:
		pl.officers(p, text)
	}
}

// heading reads a heading tongket wrote (matched without its number) and
// reports whether the paragraph was one.
func (pl *placer) heading(p docx.TextPara, text string) bool {
	if headingKey(text) == headingKey(refHeading) {
		pl.inRef, pl.cur = true, nil
		return true
	}
	i, known := pl.byKey[headingKey(text)]
	if !known || p.InTable || p.Level == 0 && len(text) >= 120 {
		return false
	}
	pl.seen, pl.inRef = true, false
	h := pl.plan[i]
	if len(pl.pending) > 0 && h.section != nil {
		pl.warn(lang.F("Đoạn viết dưới đề mục \"%s\" (không có mục riêng) được đưa vào mục \"%s\".",
			"Text under the heading \"%s\" (which has no section of its own) went into \"%s\".", pl.under, h.section.Heading))
		pl.out.paras[h.section.Key] = append(pl.out.paras[h.section.Key], pl.pending...)
		pl.pending = nil
	}
	pl.cur = h.section
	if pl.cur == nil {
		pl.under = h.text
	}
	return true
}

// tongkets passes over what tongket wrote: the title, the guidance, the
// drafts still marked, the list of placeholders; and reports whether the
// paragraph was such.
func (pl *placer) tongkets(p docx.TextPara, text string) bool {
	switch {
	case !pl.seen && (p.Style == "Title" || p.StyleName == "Title" || guideStyled(p)):
	case strings.HasPrefix(text, draftMark):
		if pl.cur != nil {
			pl.out.drafts[pl.cur.Key]++
		}
	case pl.inRef:
		if !guideStyled(p) {
			pl.warn(lang.F("Đoạn \"%s\" đứng dưới đề mục \"%s\" nên không đưa vào báo cáo; hãy chuyển nó lên dưới đề mục của mục mình.",
				"The paragraph \"%s\" stands under \"%s\" and is not taken into the report; move it under its section's heading.", clip(text, 60), refHeading))
		}
	case isGuide(p):
		if edited(text, pl.guides) {
			pl.warn(lang.F("Đoạn hướng dẫn \"%s\" đã bị sửa nên không đưa vào báo cáo; nếu là nội dung của đơn vị, hãy viết thành một đoạn riêng, kiểu Normal.",
				"The guidance \"%s\" was edited, so it is not taken into the report; if it is your text, write it as a paragraph of its own in the Normal style.", clip(text, 60)))
		}
	default:
		return false
	}
	return true
}

// officers places a paragraph of the officer's in the current section; a
// heading tongket does not know is kept, in bold, with the section
// before, and told about.
func (pl *placer) officers(p docx.TextPara, text string) {
	para, errs := officerPara(p, pl.ph)
	if len(errs) > 0 {
		pl.errs = append(pl.errs, errs...)
		return
	}
	if p.Level > 0 {
		pl.warn(lang.F("Đề mục \"%s\" không có trong báo cáo (gần nhất là \"%s\"); nội dung dưới nó được đưa vào mục trước.",
			"The heading \"%s\" is not one of the report's (the closest is \"%s\"); the text under it goes with the section before.", clip(text, 60), nearest(text, pl.names)))
		for i := range para.Runs {
			para.Runs[i].Bold = true
		}
	}
	switch {
	case pl.cur != nil:
		if p.InTable {
			pl.once("table", lang.F("Bảng trong mục \"%s\" được đưa vào báo cáo thành các đoạn văn, mỗi ô một đoạn.",
				"The table in section \"%s\" goes into the report as paragraphs, one per cell.", pl.cur.Heading))
		}
		pl.out.paras[pl.cur.Key] = append(pl.out.paras[pl.cur.Key], para)
	case pl.seen:
		pl.pending = append(pl.pending, para)
	default:
		pl.warn(lang.F("Đoạn \"%s\" đứng trước mọi đề mục nên không thuộc mục nào, không đưa vào báo cáo.",
			"The paragraph \"%s\" stands before every heading, belongs to no section and is not taken into the report.", clip(text, 60)))
	}
}

// finish is what was read: an InputError when a placeholder could not be
// filled; otherwise the sections, with what was left out told.
func (pl *placer) finish(path string) (*sectionsRead, error) {
	if len(pl.errs) > 0 {
		return nil, placeholderInputError(path, errors.Join(pl.errs...))
	}
	if len(pl.pending) > 0 {
		pl.warn(lang.F("Đoạn viết dưới đề mục \"%s\" không thuộc mục nào nên không đưa vào báo cáo.",
			"Text under the heading \"%s\" belongs to no section and is not taken into the report.", pl.under))
	}
	for _, h := range pl.plan {
		if s := h.section; s != nil && pl.out.drafts[s.Key] > 0 {
			pl.warn(lang.F("Mục \"%s\" còn %d gợi ý rút từ số liệu chưa đưa vào báo cáo: muốn dùng đoạn nào, xóa chữ \"%s\" ở đầu đoạn đó trong tệp nội dung.",
				"Section \"%s\" holds %d suggestion(s) drawn from the figures, not in the report: to use one, delete the \"%s\" at its start in the sections file.", s.Heading, pl.out.drafts[s.Key], draftMark))
		}
	}
	return pl.out, nil
}

// isGuide tells the guidance tongket wrote: a paragraph in the guidance
// style starting as guidance does. A paragraph typed in that style
// without it is the officer's.
func isGuide(p docx.TextPara) bool {
	if !guideStyled(p) {
		return false
	}
	return strings.HasPrefix(strings.TrimSpace(p.Text()), strings.TrimSpace(guidePrefix))
}

// edited tells guidance the officer typed into: it holds a guidance text
// of this outline and more. Guidance tongket words otherwise now (the
// awards section's, once a roster is imported) is not the officer's.
func edited(text string, guides map[string]bool) bool {
	if guides[text] {
		return false
	}
	for g := range guides {
		if strings.Contains(text, strings.TrimSuffix(g, ".")) {
			return true
		}
	}
	return false
}

// guideStyled tells a paragraph in the guidance style (by its ID, or by
// its name, which LibreOffice keeps when it renames IDs).
func guideStyled(p docx.TextPara) bool { return p.Style == guideStyle || p.StyleName == guideStyleName }

// bulletMarks start a list line typed by hand.
var bulletMarks = []string{"- ", "– ", "— ", "• ", "+ "}

// officerPara is one paragraph of the officer's, its runs' styles kept,
// its placeholders filled, a list line (Word's or one typed "- ") marked.
func officerPara(p docx.TextPara, ph *Placeholders) (Para, []error) {
	var out Para
	for _, r := range p.Runs {
		t := strings.NewReplacer("\t", " ", "\n", " ", "\u00a0", " ").Replace(vn.NFC(r.Text))
		out.Runs = append(out.Runs, Run{Text: t, Bold: r.Bold, Italic: r.Italic, Underline: r.Underline})
	}
	segs := make([]string, len(out.Runs))
	for i, r := range out.Runs {
		segs[i] = r.Text
	}
	joined := strings.TrimSpace(strings.Join(segs, ""))
	filled, errs := docx.Splice(segs, func(x docx.Placeholder) (string, error) {
		v, err := ph.Text(x.Name)
		if err != nil {
			return "", &docx.PlaceholderError{Name: x.Name, Paragraph: joined, Err: err}
		}
		return v, nil
	})
	if len(errs) > 0 {
		return out, errs
	}
	for i := range out.Runs {
		out.Runs[i].Text = filled[i]
	}
	out.Bullet = p.List
	// A list line typed by hand: its mark goes, the renderers draw "- ".
	for i := range out.Runs {
		t := strings.TrimLeft(out.Runs[i].Text, " ")
		if t == "" {
			continue
		}
		for _, m := range bulletMarks {
			if strings.HasPrefix(t, m) {
				out.Runs[i].Text, out.Bullet = strings.TrimLeft(t[len(m):], " "), true
				break
			}
		}
		break
	}
	return out, nil
}
