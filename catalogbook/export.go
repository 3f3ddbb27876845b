package catalogbook

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/catalog"
)

// Write writes the catalog as a workbook: one sheet per part, a header row
// and one row per entry, every value a string or number cell (never a
// formula, whatever the text).
func Write(w io.Writer, c *catalog.Catalog) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	if err != nil {
		return fmt.Errorf("catalog workbook: %w", err)
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return fmt.Errorf("catalog workbook: %w", err)
	}
	var ind [][]any
	for _, i := range c.Indicators {
		ind = append(ind, []any{i.Code, i.Name, i.Unit, string(i.Agg), string(i.Kind), i.Order})
	}
	var rules [][]any
	for _, r := range c.Rules {
		rules = append(rules, []any{r.Left, r.Op, r.Right, r.When, r.Severity, r.MessageVI, r.MessageEN})
	}
	var orgs, forms [][]any
	for i, o := range c.Organisations {
		orgs = append(orgs, []any{o, i + 1})
	}
	for i, o := range c.AwardForms {
		forms = append(forms, []any{o, i + 1})
	}
	sheets := []struct {
		name   string
		cols   []string
		widths []float64
		rows   [][]any
	}{
		{SheetIndicators, indicatorCols, []float64{16, 60, 16, 12, 10, 8}, ind},
		{SheetRules, ruleCols, []float64{14, 10, 26, 16, 10, 60, 50}, rules},
		{SheetOrganisations, organisationCols, []float64{30, 8}, orgs},
		{SheetForms, formCols, []float64{30, 8}, forms},
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		for c, name := range sh.cols {
			col, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(sh.name, col, col, sh.widths[c]); err != nil {
				return err
			}
			if err := setCell(f, sh.name, c+1, 1, name, head); err != nil {
				return err
			}
		}
		for r, row := range sh.rows {
			for c, v := range row {
				if err := setCell(f, sh.name, c+1, r+2, v, body); err != nil {
					return err
				}
			}
		}
		if err := f.SetPanes(sh.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("catalog workbook: %w", err)
	}
	return nil
}

// setCell writes text as a string cell (SetCellStr never makes a formula).
func setCell(f *excelize.File, sheet string, col, row int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case string:
		err = f.SetCellStr(sheet, ref, x)
	default:
		err = f.SetCellValue(sheet, ref, x)
	}
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, ref, ref, style)
}
