package report

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

// preamble is the guidance at the top of the sections file.
var preamble = []string{
	guidePrefix + "tệp này là phần nội dung đơn vị tự viết của báo cáo tổng kết. Hãy viết dưới từng đề mục; mỗi lần chạy tongket summarize, nội dung ở đây được đưa vào báo cáo (PDF và Word) đúng đề mục của nó. tongket không bao giờ ghi đè tệp này.",
	guidePrefix + "giữ nguyên các đề mục (kiểu Heading 1, Heading 2). Chữ đậm, nghiêng, gạch chân được giữ; dòng bắt đầu bằng \"- \" là một gạch đầu dòng. Mục để trống được in \"[Đơn vị bổ sung: …]\" và được nhắc khi chạy lệnh. Các đoạn chữ nghiêng màu xám bắt đầu bằng \"Hướng dẫn:\" như đoạn này không đưa vào báo cáo; có thể xóa.",
	guidePrefix + "số liệu viết dạng {{TT_BUOI}} (tổng giai đoạn), {{TT_BUOI.so_sanh}} (so sánh với giai đoạn trước), {{ty_le_bao_cao}} được điền số mới nhất mỗi lần lập báo cáo, nên không phải sửa tay khi có số liệu bổ sung. Danh sách ở cuối tệp.",
}

// sectionGuide is the guidance under a section's heading.
func sectionGuide(s *Section) string {
	switch {
	case !s.Optional:
		return guidePrefix + "viết về " + strings.TrimSuffix(s.Guide, ".") + "."
	case s.Guide != "":
		return guidePrefix + s.Guide + "; để trống thì báo cáo không in gì ở đây."
	}
	return guidePrefix + "đoạn bổ sung (nếu có), in sau phần số liệu tongket viết ở mục này; để trống thì không in gì."
}

// draftGuide stands above the drafts drawn from the figures.
const draftGuide = guidePrefix + "các đoạn bắt đầu bằng \"" + draftMark + "\" dưới đây là gợi ý rút từ số liệu, chưa đưa vào báo cáo. Muốn dùng đoạn nào, xóa chữ \"" + draftMark + "\" ở đầu đoạn đó (có thể sửa thêm); không dùng thì xóa cả đoạn. Các số viết {{…}} tự cập nhật."

// guideTexts are the guidance paragraphs a sections file of this outline
// holds, as written.
func guideTexts(o *Outline, plan []planHeading) map[string]bool {
	out := map[string]bool{draftGuide: true}
	for _, p := range preamble {
		out[p] = true
	}
	for _, h := range plan {
		if h.section != nil {
			out[sectionGuide(h.section)] = true
		}
	}
	return out
}

// WriteSections writes the sections file of a report: its title, the
// guidance, one Word heading per heading of the outline above a section
// the officer writes, under each the section's guidance and, where the
// figures suggest one, drafts to keep, change or delete; then the list of
// placeholders with their present values.
func WriteSections(w io.Writer, o *Outline, s *summary.Summary, d Document, ph *Placeholders) error {
	doc := &docx.Document{
		Title: "Nội dung đơn vị tự viết — " + strings.ReplaceAll(o.Title, "\n", " "), Creator: "tongket", Created: d.Date, Size: bodySize,
		Styles: []docx.Style{{ID: guideStyle, Name: guideStyleName, Next: "Normal", Italic: true, Color: "595959", Size: 12, After: 6}},
	}
	sec := &docx.Section{Margins: docx.Margins{Top: marginTop, Bottom: marginBottom, Left: marginLeft, Right: marginRight}}
	doc.Sections = []*docx.Section{sec}
	add := func(p *docx.Paragraph) { sec.Blocks = append(sec.Blocks, p) }
	text := func(style, t string) *docx.Paragraph {
		return &docx.Paragraph{Style: style, Runs: []docx.Run{{Text: t}}}
	}
	add(text("Title", "NỘI DUNG ĐƠN VỊ TỰ VIẾT\n"+textTitle(s.Period, lang.VI)))
	for _, p := range preamble {
		add(text(guideStyle, p))
	}
	for _, h := range sectionsPlan(o) {
		style := "Heading1"
		if h.level > 1 {
			style = "Heading2"
		}
		add(text(style, h.text))
		if h.section == nil {
			continue
		}
		add(text(guideStyle, sectionGuide(h.section)))
		if ds := drafts(h.section.Key, s); len(ds) > 0 {
			add(text(guideStyle, draftGuide))
			for _, d := range ds {
				add(&docx.Paragraph{Align: docx.Left, Indent: docx.Indent{FirstLine: firstIndent}, After: 3,
					Runs: []docx.Run{{Text: draftMark + " ", Bold: true, Color: "7F6000", Shade: blankShade}, {Text: d}}})
			}
		}
		for _, p := range h.section.Paras {
			add(bodyPara(p))
		}
	}
	add(text("Heading1", refHeading))
	add(text(guideStyle, guidePrefix+"các chỗ điền số liệu dùng được trong tệp này và trong mẫu Word riêng của đơn vị (summarize --docx-template); trong ngoặc là giá trị hiện tại. Nội dung dưới đề mục này không đưa vào báo cáo."))
	sec.Blocks = append(sec.Blocks, placeholderTable(s, ph))
	if _, err := doc.WriteTo(w); err != nil {
		return fmt.Errorf("write sections file: %w", err)
	}
	return nil
}

// drafts are the suggestions drawn from the figures for a section: for
// Ưu điểm the largest rises and the leading units, for Hạn chế the falls
// and the reports missing. Their figures are placeholders, so a late
// correction never leaves a wrong number in them.
func drafts(key string, s *summary.Summary) []string {
	line := func(ind summary.Indicator) string {
		unit := " " + oneLine(ind.Unit)
		if strings.Contains(unit, ",") { // "khẩu, quả, chiếc" reads as a list
			unit = " (" + strings.TrimSpace(unit) + ")"
		}
		return fmt.Sprintf("- %s: {{%s}}%s, {{%s.so_sanh}}.", oneLine(ind.Name), ind.Code, unit, ind.Code)
	}
	var out []string
	switch key {
	case "uu-diem":
		for _, ind := range changed(s, true) {
			out = append(out, line(ind))
		}
		n := 0
		for _, ind := range s.Indicators {
			if ind.UnitsReporting >= 2 && len(ind.Leading) > 0 && ind.Leading[0].Value > 0 && n < 2 {
				out = append(out, fmt.Sprintf("- Về %s, {{%s.dan_dau}}.", strings.ToLower(oneLine(ind.Name)), ind.Code))
				n++
			}
		}
	case "han-che":
		for _, ind := range changed(s, false) {
			out = append(out, line(ind))
		}
		if c := s.Completeness; c.Received < c.Expected {
			out = append(out, "- Việc báo cáo số liệu của các đơn vị chưa đầy đủ: mới có {{ty_le_bao_cao}} lượt đơn vị-năm có số liệu (các năm, các đơn vị còn thiếu ghi ở Phụ lục I).")
		}
	}
	return out
}

// changed are up to three indicators that rose (or fell) against a
// previous period they may be compared with, the largest change first;
// one within 0,5 % is "tương đương" (vn.Change), neither.
func changed(s *summary.Summary, rose bool) []summary.Indicator {
	var out []summary.Indicator
	for _, ind := range s.Indicators {
		if ind.Change != nil && (*ind.Change > 0) == rose && math.Abs(*ind.Change) > 0.005 {
			out = append(out, ind)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := *out[i].Change, *out[j].Change
		if rose {
			return a > b
		}
		return a < b
	})
	return out[:min(3, len(out))]
}

// placeholderTable is the list of placeholders with their values now, in
// the guidance style, for the end of the file.
func placeholderTable(s *summary.Summary, ph *Placeholders) *docx.Table {
	t := &docx.Table{Widths: []float64{55, a4W - marginLeft - marginRight - 55}, Borders: true, FontSize: 11, CellPad: 1}
	row := func(name, meaning string) {
		cell := func(s string) docx.Cell {
			return docx.Cell{Paras: []*docx.Paragraph{{Style: guideStyle, Runs: []docx.Run{{Text: s}}}}}
		}
		t.Rows = append(t.Rows, docx.Row{CantSplit: true, Cells: []docx.Cell{cell("{{" + name + "}}"), cell(meaning)}})
	}
	for _, n := range fixedNames {
		switch n {
		case TableByYear, TableByUnit, TableAwards:
			row(n, "một bảng (chỉ trong mẫu Word, đứng riêng một đoạn)")
			continue
		}
		v, _ := ph.Text(n)
		row(n, v)
	}
	for _, ind := range s.Indicators {
		v, _ := ph.Text(ind.Code)
		row(ind.Code, oneLine(ind.Name)+" ("+v+"); thêm ."+strconv.Itoa(s.Period.To)+" (số của một năm), .truoc, .so_sanh, .uoc, .dan_dau")
	}
	return t
}
