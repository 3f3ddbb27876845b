package table

import (
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/xlsx"
)

// Hidden rows and columns. A person reading a sheet, on screen or
// printed, does not see what its hidden rows and columns hold, so a figure
// or an entry there cannot be stored "as the sheet shows it": each reader
// refuses it with HiddenRow or HiddenCol, worded here once. What counts (a
// figure, a nominee) is the reader's to say; a hidden row or column that
// holds nothing it would read stays fine.

// HiddenCol reports whether column col of the sheet row r belongs to is
// hidden.
func HiddenCol(r xlsx.Row, col int) bool {
	_, ok := r.View.HiddenCol(col)
	return ok
}

// HiddenRows is the hidden-cell error for total rows of sheet, the first
// of them r and the first few numbered in rows, which the sheet hides but
// which hold what holds: named in both languages, e.g. "số liệu ở các ô
// E7, F7" / "figures in cells E7, F7". It is located at the first of
// cells, else at the row.
func HiddenRows(sheet string, r xlsx.Row, rows []int, total int, holds lang.Text, cells []string) finding.Finding {
	how, advice := hiddenRowHow(r)
	nums := make([]string, len(rows))
	for i, n := range rows {
		nums[i] = strconv.Itoa(n)
	}
	list := ListCells(nums)
	if more := total - len(rows); more > 0 {
		list += " … (+" + strconv.Itoa(more) + ")"
	}
	t := lang.F(
		"Dòng %s đang bị ẩn%s nên người đọc bảng (trên màn hình hay bản in) không nhìn thấy, nhưng dòng này có %s. tongket không lưu những gì bị ẩn. Nếu đó là nội dung cần báo cáo, hãy cho hiện lại dòng (%s) rồi gửi lại; nếu là bản nháp, hãy xóa hẳn dòng đó rồi gửi lại.",
		"Row %s is hidden%s, so a person reading the sheet (on screen or printed) does not see it, yet it holds %s. tongket does not store what is hidden. If it is to be reported, unhide the row (%s) and resend; if it is a draft, delete the row and resend.",
		nums[0], how, holds, advice)
	if total > 1 {
		t = lang.F(
			"Các dòng %s đang bị ẩn%s nên người đọc bảng (trên màn hình hay bản in) không nhìn thấy, nhưng lại có %s. tongket không lưu những gì bị ẩn. Nếu đó là nội dung cần báo cáo, hãy cho hiện lại các dòng đó (%s) rồi gửi lại; nếu là bản nháp, hãy xóa hẳn các dòng đó rồi gửi lại.",
			"Rows %s are hidden%s, so a person reading the sheet (on screen or printed) does not see them, yet they hold %s. tongket does not store what is hidden. If it is to be reported, unhide the rows (%s) and resend; if it is a draft, delete those rows and resend.",
			list, how, holds, advice)
	}
	f := finding.New(finding.Error, finding.HiddenCell, t)
	if len(cells) > 0 {
		col, row, _ := xlsx.ParseRef(cells[0])
		return f.At(sheet, xlsx.ColumnName(col), row)
	}
	return f.At(sheet, "", rows[0])
}

// hiddenRowHow says how row r is hidden, as far as the file tells, and
// how to show it again.
func hiddenRowHow(r xlsx.Row) (how, advice lang.Text) {
	unhide := lang.F("chọn các dòng bao quanh, bấm chuột phải > Bỏ ẩn (Unhide)",
		"select the rows around it, right-click > Unhide")
	switch {
	case r.Outline > 0:
		return lang.F(" (nằm trong một nhóm dòng đang thu gọn, Group)", " (in a collapsed group of rows)"),
			lang.F("bấm dấu + ở lề trái để mở nhóm, hoặc %s", "click the + in the left margin to expand the group, or %s", unhide)
	case r.View != nil && r.View.Filtered:
		return lang.F(" (bị bộ lọc AutoFilter ẩn đi)", " (hidden by an AutoFilter)"),
			lang.F("bỏ lọc: Dữ liệu (Data) > Xóa (Clear), hoặc %s", "clear the filter: Data > Clear, or %s", unhide)
	}
	return lang.Text{}, lang.F("%s; nếu đang lọc (AutoFilter) thì bỏ lọc: Dữ liệu (Data) > Xóa (Clear)",
		"%s; if a filter is on, clear it: Data > Clear", unhide)
}

// HiddenColumn is the hidden-cell error for column col of sheet, which the
// sheet hides (as view says) but which holds what holds in cells (at
// least one); label is the column's header, "" when none. The finding is
// located at the first cell.
func HiddenColumn(sheet string, view *xlsx.SheetView, col int, label string, holds lang.Text, cells []string) finding.Finding {
	name := xlsx.ColumnName(col)
	if label != "" {
		name += " (\"" + label + "\")"
	}
	how := lang.Text{}
	advice := lang.F("chọn các cột bao quanh, bấm chuột phải > Bỏ ẩn (Unhide)", "select the columns around it, right-click > Unhide")
	if span, _ := view.HiddenCol(col); span.Outline > 0 {
		how = lang.F(" (nằm trong một nhóm cột đang thu gọn, Group)", " (in a collapsed group of columns)")
		advice = lang.F("bấm dấu + phía trên để mở nhóm, hoặc %s", "click the + above the columns to expand the group, or %s", advice)
	}
	f := finding.New(finding.Error, finding.HiddenCell, lang.F(
		"Cột %s đang bị ẩn%s nên người đọc bảng (trên màn hình hay bản in) không nhìn thấy, nhưng cột này có %s. tongket không lưu những gì bị ẩn. Nếu đó là nội dung cần báo cáo, hãy cho hiện lại cột (%s) rồi gửi lại; nếu là bản nháp, hãy xóa hẳn cột đó rồi gửi lại.",
		"Column %s is hidden%s, so a person reading the sheet (on screen or printed) does not see it, yet it holds %s. tongket does not store what is hidden. If it is to be reported, unhide the column (%s) and resend; if it is a draft, delete the column and resend.",
		name, how, holds, advice))
	_, row, _ := xlsx.ParseRef(cells[0])
	return f.At(sheet, xlsx.ColumnName(col), row)
}

// ListCells names up to ten cells, then how many more.
func ListCells(refs []string) string {
	if len(refs) <= 10 {
		return strings.Join(refs, ", ")
	}
	return strings.Join(refs[:10], ", ") + " … (+" + strconv.Itoa(len(refs)-10) + ")"
}
