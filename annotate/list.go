package annotate

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

// Layout of the list sheet.
const (
	ListHeaderRow = 5 // the findings follow, one a row, in the order given
	listFont      = "Times New Roman"
)

var listWidths = []float64{5, 11, 18, 10, 95}

// listSheet adds the sheet listing every finding, first in the workbook and
// active, with a link from each to its place.
func (a *annotator) listSheet(name string, fs []finding.Finding, c *Copy) error {
	f, l := a.f, a.l
	sh := Sheet
	for i := 2; a.taken(sh); i++ {
		sh = Sheet + " " + strconv.Itoa(i)
	}
	c.Sheet = sh
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	if err := f.MoveSheet(sh, f.GetSheetList()[0]); err != nil {
		return err
	}
	a.sheets[strings.ToLower(sh)] = sh
	for i, w := range listWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}

	errs, warns := finding.Count(fs)
	title := lang.F("CÁC LỖI CẦN SỬA TRONG BIỂU SỐ LIỆU", "PROBLEMS TO FIX IN THE SUBMISSION")
	file := lang.F("Tệp: %s — tongket kiểm tra thấy %d lỗi, %d cảnh báo.", "File: %s — tongket found %d errors, %d warnings.",
		filepath.Base(name), errs, warns)
	how := lang.F("Ô có lỗi được tô đỏ: phải sửa thì biểu mới được nhận. Ô có cảnh báo được tô vàng: hãy kiểm tra lại, số liệu đúng thì giữ nguyên. "+
		"Bấm vào địa chỉ ô ở cột \"Ô\" để đến chỗ cần sửa; di chuột lên ô tô màu để đọc ghi chú. Sửa trong tệp gốc (không phải bản này) rồi gửi lại.",
		"Cells with an error are filled red: they must be fixed for the file to be accepted. Cells with a warning are filled yellow: check them, and keep the figure if it is right. "+
			"Click a cell address in the \"Cell\" column to go there; hover over a coloured cell to read its note. Fix the original file (not this copy) and send it again.")
	last := "E"
	rows := []struct {
		row    int
		text   lang.Text
		st     listStyle
		height float64
	}{
		{1, title, lsTitle, 24},
		{2, file, lsMeta, 0},
		{3, how, lsHow, float64(lines(how.In(l), sum(listWidths)))*15 + 4},
	}
	for _, r := range rows {
		cell := "A" + strconv.Itoa(r.row)
		if err := a.text(sh, cell, r.text.In(l), r.st); err != nil {
			return err
		}
		if err := f.MergeCell(sh, cell, last+strconv.Itoa(r.row)); err != nil {
			return err
		}
		if r.height > 0 {
			if err := f.SetRowHeight(sh, r.row, r.height); err != nil {
				return err
			}
		}
	}

	head := []lang.Text{lang.F("STT", "No."), lang.F("Mức độ", "Severity"), lang.F("Trang tính", "Sheet"),
		lang.F("Ô", "Cell"), lang.F("Nội dung và cách sửa", "What is wrong and how to fix it")}
	for i, h := range head {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := a.text(sh, col+strconv.Itoa(ListHeaderRow), h.In(l), lsHead); err != nil {
			return err
		}
	}
	r := ListHeaderRow
	for i, fd := range fs {
		r++
		row := strconv.Itoa(r)
		sev := lsWarn
		if fd.Severity == finding.Error {
			sev = lsErr
		}
		msg := message(fd, l)
		sheet, cell, _ := a.target(fd)
		place := ""
		switch {
		case sheet == "":
			sheet = "—"
			place = lang.F("cả tệp", "whole file").In(l)
		case fd.Cell != "":
			place = fd.Cell
		case fd.Row > 0:
			place = lang.F("dòng %d", "row %d", fd.Row).In(l)
		default:
			place = lang.F("cả trang", "whole sheet").In(l)
		}
		if err := f.SetCellInt(sh, "A"+row, int64(i+1)); err != nil {
			return err
		}
		if err := a.style(sh, "A"+row, lsNum); err != nil {
			return err
		}
		for _, c := range []struct {
			cell, v string
			st      listStyle
		}{{"B" + row, severity(fd.Severity).In(l), sev}, {"C" + row, sheet, lsText}, {"D" + row, place, lsText}, {"E" + row, msg, lsText}} {
			if err := a.text(sh, c.cell, c.v, c.st); err != nil {
				return err
			}
		}
		if cell != "" {
			loc := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + cell
			tip := lang.F("Đến ô %s", "Go to %s", sheet+"!"+cell).In(l)
			if err := f.SetCellHyperLink(sh, "D"+row, loc, "Location", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
				return err
			}
			if err := a.style(sh, "D"+row, lsLink); err != nil {
				return err
			}
		}
		h := max(lines(msg, listWidths[4]), lines(sheet, listWidths[2]))
		if err := f.SetRowHeight(sh, r, float64(h)*15+4); err != nil {
			return err
		}
	}
	if len(fs) == 0 {
		r++
		if err := a.text(sh, "A"+strconv.Itoa(r), lang.F("Không có lỗi nào.", "No problems.").In(l), lsMeta); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{
		Freeze: true, YSplit: ListHeaderRow, TopLeftCell: "A" + strconv.Itoa(ListHeaderRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "D" + strconv.Itoa(ListHeaderRow+1), ActiveCell: "D" + strconv.Itoa(ListHeaderRow+1), Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	a4, land, wide, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &land, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	yes := true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	// The list is what the submitter sees first (SetActiveSheet also
	// deselects the other tabs).
	f.SetActiveSheet(0)
	return nil
}

func (a *annotator) taken(name string) bool {
	_, ok := a.sheets[strings.ToLower(name)]
	return ok
}

type listStyle int

const (
	lsTitle listStyle = iota
	lsMeta
	lsHow
	lsHead
	lsNum
	lsText
	lsErr
	lsWarn
	lsLink
)

func (a *annotator) text(sh, cell, v string, st listStyle) error {
	if err := a.f.SetCellStr(sh, cell, v); err != nil {
		return err
	}
	return a.style(sh, cell, st)
}

func (a *annotator) style(sh, cell string, st listStyle) error {
	if a.list == nil {
		a.list = map[listStyle]int{}
	}
	id, ok := a.list[st]
	if !ok {
		font := &excelize.Font{Family: listFont, Size: 12}
		al := &excelize.Alignment{Vertical: "center", WrapText: true}
		var fill excelize.Fill
		border := true
		switch st {
		case lsTitle:
			font.Bold, font.Size, al.Horizontal, border = true, 14, "center", false
		case lsMeta:
			border = false
		case lsHow:
			font.Italic, border = true, false
		case lsHead:
			font.Bold, al.Horizontal = true, "center"
			fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}
		case lsNum:
			al.Horizontal = "center"
		case lsErr:
			font.Bold, al.Horizontal = true, "center"
			fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{FillError}}
		case lsWarn:
			font.Bold, al.Horizontal = true, "center"
			fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{FillWarning}}
		case lsLink:
			font.Color, font.Underline = "0563C1", "single"
		}
		s := &excelize.Style{Font: font, Alignment: al, Fill: fill}
		if border {
			for _, side := range []string{"left", "right", "top", "bottom"} {
				s.Border = append(s.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
			}
		}
		var err error
		if id, err = a.f.NewStyle(s); err != nil {
			return fmt.Errorf("style: %w", err)
		}
		a.list[st] = id
	}
	return a.f.SetCellStyle(sh, cell, cell, id)
}

// lines estimates the lines a text wraps to in a column width at 12 pt.
func lines(s string, width float64) int {
	capacity := max(int(width*1.05), 1)
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n++
		used := 0
		for _, w := range strings.Fields(para) {
			k := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = k
			case used+1+k <= capacity:
				used += 1 + k
			default:
				n++
				used = k
			}
		}
	}
	return n
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
