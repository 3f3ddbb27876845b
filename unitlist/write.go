package unitlist

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The sheets Write makes.
const (
	SheetUnits       = "Danh sách"
	SheetSuccessions = "Sáp nhập"
)

// Write writes a unit list as a workbook that Read reads back the same:
// sheet "Danh sách" (Mã đơn vị | Tên đơn vị | Cấp trên | Cấp | Tên khác |
// Hiệu lực từ | Hiệu lực đến) and sheet "Sáp nhập" (Mã đơn vị cũ | Mã đơn
// vị mới | Ngày hiệu lực | Tỷ lệ | Căn cứ), dates as date cells, text as
// string cells (never a formula, whatever the text).
func Write(w io.Writer, units []Unit, succ []Succession) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("unit list workbook: %w", err)
	}
	var urows, srows [][]any
	for _, u := range units {
		urows = append(urows, []any{u.Code, u.Name, u.Parent, u.Level, strings.Join(u.Aliases, "; "), isoTime(u.ValidFrom), isoTime(u.ValidTo)})
	}
	for _, s := range succ {
		srows = append(srows, []any{s.Old, s.New, isoTime(s.Date), float64(s.Share) / Whole, s.Basis})
	}
	sheets := []struct {
		name   string
		head   []string
		widths []float64
		rows   [][]any
	}{
		{SheetUnits, []string{"Mã đơn vị", "Tên đơn vị", "Cấp trên", "Cấp", "Tên khác", "Hiệu lực từ", "Hiệu lực đến"},
			[]float64{18, 32, 14, 12, 28, 14, 14}, urows},
		{SheetSuccessions, []string{"Mã đơn vị cũ", "Mã đơn vị mới", "Ngày hiệu lực", "Tỷ lệ", "Căn cứ"},
			[]float64{18, 18, 14, 10, 40}, srows},
	}
	for i, sh := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err != nil {
			return fmt.Errorf("unit list workbook: %w", err)
		}
		if err := st.writeSheet(f, sh.name, sh.head, sh.widths, sh.rows); err != nil {
			return fmt.Errorf("unit list workbook: %w", err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("unit list workbook: %w", err)
	}
	return nil
}

// isoTime is an ISO date as a time for a date cell, nil for none.
func isoTime(iso string) any {
	t, err := time.Parse(isoDate, iso)
	if err != nil {
		return nil
	}
	return t
}

type styles struct{ head, text, date, share int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	dmy, share := "dd/mm/yyyy", "0.0#####"
	var err error
	for _, x := range []struct {
		dst *int
		st  excelize.Style
	}{
		{&s.head, excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&s.text, excelize.Style{Font: font}},
		{&s.date, excelize.Style{Font: font, CustomNumFmt: &dmy}},
		{&s.share, excelize.Style{Font: font, CustomNumFmt: &share}},
	} {
		if *x.dst, err = f.NewStyle(&x.st); err != nil {
			return s, err
		}
	}
	return s, nil
}

func (st styles) writeSheet(f *excelize.File, sheet string, head []string, widths []float64, rows [][]any) error {
	for c, h := range head {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, col, col, widths[c]); err != nil {
			return err
		}
		if err := st.set(f, sheet, c+1, 1, h, st.head); err != nil {
			return err
		}
	}
	for r, row := range rows {
		for c, v := range row {
			style := st.text
			switch v.(type) {
			case nil:
				continue
			case time.Time:
				style = st.date
			case float64:
				style = st.share
			}
			if err := st.set(f, sheet, c+1, r+2, v, style); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// set writes text as a string cell (SetCellStr never makes a formula).
func (st styles) set(f *excelize.File, sheet string, col, row int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if s, ok := v.(string); ok {
		if s == "" {
			return nil
		}
		err = f.SetCellStr(sheet, ref, s)
	} else {
		err = f.SetCellValue(sheet, ref, v)
	}
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}
