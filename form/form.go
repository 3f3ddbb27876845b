// Package form writes blank submission templates (biểu mẫu): the wide
// layout of FORMATS.md §2 for one unit and period, with the catalog's
// indicators, Excel data validation on every value cell, the structure
// locked by sheet protection (no password), a "Hướng dẫn" sheet telling the
// submitter how to fill it in, and the hidden `_tongket` sheet the reader
// prefers to the lines above the table. It plans which unit's template
// goes to which file (For, ForAll) and writes them (WriteFiles), each file
// whole or not at all.
//
// A template filled in as its guide says is read back by the submission
// package with no finding.
package form

import (
	"errors"
	"fmt"
	"github.com/tongket/tongket/sheetstyle"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/submission"
)

// Sheets of a template, in tab order.
const (
	DataSheet  = "Biểu số liệu"
	GuideSheet = "Hướng dẫn"
	MetaSheet  = "_tongket" // hidden: key in column A, value in column B
)

// Layout of the data sheet: the header row and the first year column; the
// indicators follow the header row in catalog order.
const (
	HeaderRow    = 5
	FirstYearCol = 5 // E
)

// Version is the template version written to the `_tongket` sheet, the one
// the reader knows.
const Version = submission.TemplateVersion

// Title is A1 of the data sheet, the title of every wide submission.
const Title = "BIỂU SỐ LIỆU TỔNG KẾT PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC"

// maxYears bounds the period: one column per year.
const maxYears = 100

// Template is one unit's blank submission for a period.
type Template struct {
	UnitCode   string
	UnitName   string
	From, To   int // the years, inclusive
	Indicators []catalog.Indicator
	// Date stamps the document properties; zero leaves excelize's default
	// (now).
	Date time.Time
}

// Years returns the template's year columns, ascending.
func (t Template) Years() []int {
	var ys []int
	for y := t.From; y <= t.To; y++ {
		ys = append(ys, y)
	}
	return ys
}

// Cell returns the data-sheet cell where an indicator's figure for a year
// goes ("E6"), and false when the template has no such cell.
func (t Template) Cell(code string, year int) (string, bool) {
	if year < t.From || year > t.To {
		return "", false
	}
	for i, ind := range t.Indicators {
		if ind.Code == code {
			return ref(FirstYearCol+year-t.From, HeaderRow+1+i), true
		}
	}
	return "", false
}

// NoteColumn is the column letter of "Ghi chú".
func (t Template) NoteColumn() string { return colName(FirstYearCol + t.To - t.From + 1) }

// FileName is the template's default file name:
// "bieu-mau-HP-HONGBANG-2019-2024.xlsx". Characters a file name cannot hold
// become "-".
func FileName(unitCode string, from, to int) string {
	code := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '-'
	}, strings.TrimSpace(unitCode))
	code = strings.Trim(code, ".-")
	if code == "" {
		code = "don-vi"
	}
	return fmt.Sprintf("bieu-mau-%s-%d-%d.xlsx", code, from, to)
}

func (t Template) check() error {
	switch {
	case strings.TrimSpace(t.UnitCode) == "":
		return errors.New("no unit code")
	case t.From > t.To || t.From < submission.MinYear:
		return fmt.Errorf("invalid period %d-%d", t.From, t.To)
	case t.To-t.From+1 > maxYears:
		return fmt.Errorf("period %d-%d has more than %d years", t.From, t.To, maxYears)
	case len(t.Indicators) == 0:
		return errors.New("no indicators")
	}
	seen := map[string]bool{}
	for _, ind := range t.Indicators {
		if seen[ind.Code] {
			return fmt.Errorf("indicator %s is listed twice", ind.Code)
		}
		seen[ind.Code] = true
	}
	return nil
}

// Write writes the template workbook to w.
func (t Template) Write(w io.Writer) error {
	if err := t.check(); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, t: t, styles: sheetstyle.NewCache(f)}
	if err := b.write(); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

const font = sheetstyle.Font

// Fills: the locked structure is grey, the header blue, the cells to fill
// white.
const (
	fillHead  = "D9E1F2"
	fillFixed = "F2F2F2"
)

type style = sheetstyle.Style

var (
	sTitle     = style{Bold: true, Size: 14, Align: "center"}
	sLabel     = style{}
	sValue     = style{Bold: true}
	sHint      = style{Italic: true, Size: 11, Color: "404040"}
	sHead      = style{Bold: true, Align: "center", Wrap: true, Border: true, Fill: fillHead}
	sSTT       = style{Align: "center", Border: true, Fill: fillFixed}
	sCode      = style{Align: "center", Border: true, Fill: fillFixed}
	sName      = style{Wrap: true, Border: true, Fill: fillFixed}
	sUnit      = style{Align: "center", Wrap: true, Border: true, Fill: fillFixed}
	sCount     = style{Align: "right", Border: true, NumFmt: "#,##0", Unlocked: true}
	sMoney     = style{Align: "right", Border: true, NumFmt: "#,##0.0#", Unlocked: true}
	sNote      = style{Wrap: true, Border: true, Unlocked: true}
	sGuideHead = style{Bold: true, Size: 14}
	sGuideNum  = style{Bold: true, Align: "right", Top: true}
	sGuide     = style{Wrap: true, Top: true}
)

type book struct {
	f      *excelize.File
	t      Template
	styles *sheetstyle.Cache
}

func (b *book) write() error {
	f := b.f
	if err := f.SetDefaultFont(font); err != nil {
		return err
	}
	props := &excelize.DocProperties{
		Title:          "Biểu số liệu tổng kết giai đoạn " + b.period() + " — " + b.unitLine(),
		Subject:        "Biểu mẫu số liệu phong trào Toàn dân bảo vệ an ninh Tổ quốc",
		Creator:        "tongket",
		LastModifiedBy: "tongket",
		Language:       "vi-VN",
	}
	if !b.t.Date.IsZero() {
		d := b.t.Date.UTC().Format(time.RFC3339)
		props.Created, props.Modified = d, d
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	if err := f.SetSheetName(f.GetSheetName(0), DataSheet); err != nil {
		return err
	}
	if err := b.dataSheet(); err != nil {
		return fmt.Errorf("sheet %s: %w", DataSheet, err)
	}
	if _, err := f.NewSheet(GuideSheet); err != nil {
		return err
	}
	if err := b.guideSheet(); err != nil {
		return fmt.Errorf("sheet %s: %w", GuideSheet, err)
	}
	if _, err := f.NewSheet(MetaSheet); err != nil {
		return err
	}
	if err := b.metaSheet(); err != nil {
		return fmt.Errorf("sheet %s: %w", MetaSheet, err)
	}
	f.SetActiveSheet(0)
	return nil
}

// period is "2019–2024".
func (b *book) period() string { return fmt.Sprintf("%d–%d", b.t.From, b.t.To) }

func (b *book) unitLine() string {
	if b.t.UnitName == "" {
		return b.t.UnitCode
	}
	return b.t.UnitName + " (" + b.t.UnitCode + ")"
}

// ---- Biểu số liệu ----

var (
	wSTT, wCode, wName, wUnit, wYear, wNote = 5.0, 12.0, 48.0, 12.0, 10.0, 28.0
)

func (b *book) dataSheet() error {
	f, t, sh := b.f, b.t, DataSheet
	years := t.Years()
	// Cells are placed by Cell and NoteColumn, the layout a submitter's
	// program (and the tests) fill in by.
	last := t.NoteColumn()

	// Codes are upper case, wider than the digit the width counts in.
	codeW := wCode
	for _, ind := range t.Indicators {
		codeW = max(codeW, float64(utf8.RuneCountInString(ind.Code))*1.45+2)
	}
	widths := []float64{wSTT, codeW, wName, wUnit}
	for range years {
		widths = append(widths, wYear)
	}
	widths = append(widths, wNote)
	for i, w := range widths {
		c := colName(i + 1)
		if err := f.SetColWidth(sh, c, c, w); err != nil {
			return err
		}
	}

	if err := b.set(sh, "A1", Title, sTitle); err != nil {
		return err
	}
	if err := f.MergeCell(sh, "A1", last+"1"); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 1, 24); err != nil {
		return err
	}
	// Unit lines: the label, then the value two columns right (the reader
	// takes the next cell of the row), so the code is a text cell of its own
	// and "00005" stays "00005".
	for _, l := range []struct {
		row          int
		label, value string
	}{{2, "Đơn vị:", t.UnitName}, {3, "Mã đơn vị:", t.UnitCode}} {
		if err := b.set(sh, ref(1, l.row), l.label, sLabel); err != nil {
			return err
		}
		if err := b.set(sh, ref(3, l.row), l.value, sValue); err != nil {
			return err
		}
	}
	hint := "Giai đoạn " + b.period() + ". Chỉ điền vào các ô trắng; ô để trống là chưa báo cáo, số 0 là bằng không. Cách điền: xem trang \"" + GuideSheet + "\"."
	if err := b.set(sh, "A4", hint, sHint); err != nil {
		return err
	}

	head := []any{"STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"}
	for _, y := range years {
		head = append(head, y)
	}
	head = append(head, "Ghi chú")
	for i, v := range head {
		if err := b.set(sh, ref(i+1, HeaderRow), v, sHead); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, HeaderRow, 33); err != nil {
		return err
	}

	for i, ind := range t.Indicators {
		r := HeaderRow + 1 + i
		cells := []struct {
			v  any
			st style
		}{{i + 1, sSTT}, {ind.Code, sCode}, {ind.Name, sName}, {ind.Unit, sUnit}}
		for j, c := range cells {
			if err := b.set(sh, ref(j+1, r), c.v, c.st); err != nil {
				return err
			}
		}
		vs := sCount
		if ind.Kind == catalog.Money {
			vs = sMoney
		}
		first, _ := t.Cell(ind.Code, t.From)
		lastYear, _ := t.Cell(ind.Code, t.To)
		if err := b.style(sh, first, lastYear, vs); err != nil {
			return err
		}
		note := last + strconv.Itoa(r)
		if err := b.style(sh, note, note, sNote); err != nil {
			return err
		}
		lines := max(sName.Lines(ind.Name, wName), sUnit.Lines(ind.Unit, wUnit))
		if err := f.SetRowHeight(sh, r, float64(lines)*15+3); err != nil {
			return err
		}
		dv, err := validation(ind, first+":"+lastYear)
		if err != nil {
			return err
		}
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}

	if err := f.SetPanes(sh, &excelize.Panes{
		Freeze: true, XSplit: FirstYearCol - 1, YSplit: HeaderRow,
		TopLeftCell: ref(FirstYearCol, HeaderRow+1), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: ref(FirstYearCol, HeaderRow+1), ActiveCell: ref(FirstYearCol, HeaderRow+1), Pane: "bottomRight"}},
	}); err != nil {
		return err
	}
	if err := b.print(sh, "landscape"); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, HeaderRow, HeaderRow),
		Scope:    sh,
	}); err != nil {
		return err
	}
	return protect(f, sh)
}

// validation is the data validation of an indicator's year cells: a whole
// number ≥ 0 for counts, a number ≥ 0 for money, with an input message and
// a stop alert, both in Vietnamese. Empty is allowed: it means "not
// reported".
func validation(ind catalog.Indicator, sqref string) (*excelize.DataValidation, error) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	what := ind.Name
	if ind.Unit != "" {
		what += " (" + ind.Unit + ")"
	}
	if ind.Kind == catalog.Money {
		if err := dv.SetRange(0, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
			return nil, err
		}
		dv.SetInput("Nhập số từ 0 trở lên", fit(what+": nhập số, được có phần thập phân, ví dụ 3,5. Để trống nếu chưa có số liệu; bằng không thì gõ 0."))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Số liệu không hợp lệ",
			fit("Ô này chỉ nhận số từ 0 trở lên, tính bằng "+unitOr(ind.Unit, "đơn vị tính của chỉ tiêu")+" (ví dụ 3,5), không nhận chữ hay số âm. Để trống nếu chưa có số liệu."))
		return dv, nil
	}
	if err := dv.SetRange(0, "", excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
		return nil, err
	}
	dv.SetInput("Nhập số nguyên từ 0 trở lên", fit(what+": nhập số nguyên, ví dụ 200. Để trống nếu chưa có số liệu; bằng không thì gõ 0."))
	dv.SetError(excelize.DataValidationErrorStyleStop, "Số liệu không hợp lệ",
		"Ô này chỉ nhận số nguyên từ 0 trở lên (ví dụ 200), không nhận chữ (như \"khoảng 200\"), số thập phân hay số âm. Để trống nếu chưa có số liệu.")
	return dv, nil
}

func unitOr(unit, alt string) string {
	if unit == "" {
		return alt
	}
	return unit
}

// MaxMessage is Excel's limit on a data validation message, in UTF-16
// units; a longer one makes Excel repair the file.
const MaxMessage = 255

// fit keeps a message within Excel's limit, cutting at a word.
func fit(s string) string {
	if utf16Len(s) <= MaxMessage {
		return s
	}
	r := []rune(s)
	for utf16Len(string(r))+1 > MaxMessage {
		r = r[:len(r)-1]
	}
	out := string(r)
	if i := strings.LastIndexByte(out, ' '); i > 0 {
		out = out[:i]
	}
	return out + "…"
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// protect locks the sheet without a password: the locked cells cannot be
// changed, columns and rows can still be resized.
func protect(f *excelize.File, sh string) error {
	return f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		FormatColumns:       true,
		FormatRows:          true,
	})
}

// print sets A4, fit to one page wide, with the page number in the footer.
func (b *book) print(sh, orientation string) error {
	a4, wide, tall := 9, 1, 0
	if err := b.f.SetPageLayout(sh, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	yes := true
	if err := b.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	lr, tb, hf := 0.4, 0.6, 0.3
	if err := b.f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return err
	}
	return b.f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddFooter: `&L&"Times New Roman,Italic"&9` + escapeFooter(b.unitLine()+" — giai đoạn "+b.period()) + `&R&"Times New Roman,Regular"&10Trang &P/&N`,
	})
}

// escapeFooter doubles "&", the footer's control character.
func escapeFooter(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// ---- Hướng dẫn ----

// Guide is the text of the "Hướng dẫn" sheet, one numbered point each.
var Guide = []string{
	"Điền số liệu của từng năm vào các ô trắng ở trang \"" + DataSheet + "\", mỗi chỉ tiêu một dòng, mỗi năm một cột. Chỉ các ô trắng và cột \"Ghi chú\" sửa được; các ô khác đã được khóa.",
	"Ô để trống nghĩa là chưa báo cáo (chưa có số liệu), khác với số 0. Năm nào số liệu bằng không thì gõ 0. (Ở các biểu tự lập, dấu \"-\" cũng được hiểu là 0; biểu mẫu này chỉ nhận số, nên hãy gõ 0.)",
	"Nhập số dưới dạng số, không kèm chữ: gõ 200, không gõ \"khoảng 200\", \"trên 200\" hay \"200 buổi\". Không nhập số âm. Gõ số liền, không cần dấu phân cách hàng nghìn: gõ 1234, Excel tự hiển thị 1.234.",
	"Chỉ tiêu đếm (buổi, người, mô hình, …) là số nguyên. Chỉ tiêu tiền tính bằng triệu đồng, được có phần thập phân: 3,5 là ba triệu năm trăm nghìn đồng.",
	"Không sửa mã chỉ tiêu, tên chỉ tiêu, các năm và mã đơn vị; không thêm, xóa hay đổi thứ tự dòng, cột. Số liệu khác hoặc giải thích thì ghi vào cột \"Ghi chú\".",
	"Chép số từ tệp khác thì dán giá trị (Dán đặc biệt > Giá trị), đừng dán cả ô: dán cả ô sẽ xóa quy tắc kiểm tra của ô.",
	"Lưu tệp dưới dạng Sổ làm việc Excel (.xlsx); không lưu thành .xls, .ods, .csv hay PDF, và không đặt mật khẩu cho tệp. Trong tệp có một trang ẩn ghi mã đơn vị và phiên bản biểu mẫu: giữ nguyên trang đó.",
	"Gửi tệp cho cơ quan tổng hợp. Nếu nhận lại bản có đuôi \"-loi\", mở trang \"Lỗi\" của bản đó để xem các ô cần sửa (ô tô đỏ là lỗi, phải sửa; ô tô vàng là cảnh báo, hãy kiểm tra lại), sửa trong tệp của mình (tệp này) rồi gửi lại.",
}

var wGuideNum, wGuide = 5.0, 100.0

func (b *book) guideSheet() error {
	f, sh := b.f, GuideSheet
	if err := f.SetColWidth(sh, "A", "A", wGuideNum); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", wGuide); err != nil {
		return err
	}
	if err := b.set(sh, "A1", "HƯỚNG DẪN ĐIỀN BIỂU SỐ LIỆU", sGuideHead); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 1, 24); err != nil {
		return err
	}
	info := [][2]string{
		{"Đơn vị:", b.t.UnitName},
		{"Mã đơn vị:", b.t.UnitCode},
		{"Giai đoạn:", b.period()},
		{"Biểu mẫu:", "phiên bản " + Version + ", lập bằng tongket"},
	}
	r := 2
	for _, kv := range info {
		r++
		if err := b.set(sh, ref(2, r), kv[0]+" "+kv[1], sLabel); err != nil {
			return err
		}
	}
	r++
	for i, text := range Guide {
		r++
		if err := b.set(sh, ref(1, r), strconv.Itoa(i+1)+".", sGuideNum); err != nil {
			return err
		}
		if err := b.set(sh, ref(2, r), text, sGuide); err != nil {
			return err
		}
		if err := f.SetRowHeight(sh, r, float64(sGuide.Lines(text, wGuide))*15+8); err != nil {
			return err
		}
	}
	off := false
	if err := f.SetSheetView(sh, 0, &excelize.ViewOptions{ShowGridLines: &off}); err != nil {
		return err
	}
	if err := b.print(sh, "portrait"); err != nil {
		return err
	}
	return protect(f, sh)
}

// ---- _tongket ----

// metaSheet writes the hidden sheet the reader prefers: key in column A,
// value in column B, every value a text cell.
func (b *book) metaSheet() error {
	f, sh := b.f, MetaSheet
	rows := [][2]string{
		{"version", Version},
		{"unit_code", b.t.UnitCode},
		{"unit_name", b.t.UnitName},
		{"years", fmt.Sprintf("%d-%d", b.t.From, b.t.To)},
	}
	for i, kv := range rows {
		if err := f.SetCellStr(sh, ref(1, i+1), kv[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, ref(2, i+1), kv[1]); err != nil {
			return err
		}
	}
	if err := protect(f, sh); err != nil {
		return err
	}
	// Very hidden: Excel's menus cannot show it, so it is not edited by
	// accident; readers treat it as hidden.
	return f.SetSheetVisible(sh, false, true)
}

// ---- helpers ----

func (b *book) set(sh, cell string, v any, st style) error {
	if s, ok := v.(string); ok {
		// Text stays text: never a formula, never a number.
		if err := b.f.SetCellStr(sh, cell, s); err != nil {
			return err
		}
	} else if err := b.f.SetCellValue(sh, cell, v); err != nil {
		return err
	}
	return b.style(sh, cell, cell, st)
}

func (b *book) style(sh, from, to string, st style) error {
	id, err := b.styleID(st)
	if err != nil {
		return err
	}
	return b.f.SetCellStyle(sh, from, to, id)
}

func (b *book) styleID(s style) (int, error) { return b.styles.ID(s) }

func ref(col, row int) string {
	r, _ := excelize.CoordinatesToCellName(col, row)
	return r
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}
