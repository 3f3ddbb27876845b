package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Calc computes the formula in cell ref of sheet s, for formula cells the
// writer left without a cached value. The first call opens the file with
// excelize (slow, whole-file; hence only on demand) and keeps it until
// Close. The result is excelize's raw, unformatted value; a result that is
// an Excel error value is returned as a *FormulaError, and a formula whose
// references lead back to a cell they came from (a circular reference,
// which excelize computes as if it were not one) gives an error wrapping
// ErrCircular.
func (b *Book) Calc(s Sheet, ref string) (v string, err error) {
	i, err := b.lookup(s)
	if err != nil {
		return "", err
	}
	if _, _, err := ParseRef(ref); err != nil {
		return "", err
	}
	name := b.sheets[i].Name
	b.calcMu.Lock()
	defer b.calcMu.Unlock()
	// The calculation engine runs on the submitted file's formulas; a
	// panic in it must not take the whole run down.
	defer func() {
		if p := recover(); p != nil {
			v, err = "", fmt.Errorf("xlsx: calculating %s!%s: excelize panicked: %v", name, ref, p)
		}
	}()
	if b.xf == nil && b.xfErr == nil {
		b.xf, b.xfErr = b.openExcelize()
	}
	if b.xfErr != nil {
		return "", b.xfErr
	}
	col, row, _ := ParseRef(ref)
	loop, err := b.findCycle(cellPos{sheet: i, col: int32(col), row: int32(row)})
	if err != nil {
		return "", err
	}
	if loop != "" {
		return "", fmt.Errorf("xlsx: calculating %s!%s: %w (through %s)", name, ref, ErrCircular, loop)
	}
	v, err = b.xf.CalcCellValue(name, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		if IsExcelError(err.Error()) {
			return "", &FormulaError{Value: err.Error()}
		}
		if IsExcelError(v) {
			return "", &FormulaError{Value: v}
		}
		return "", fmt.Errorf("xlsx: calculating %s!%s: %w", name, ref, err)
	}
	if IsExcelError(v) {
		return "", &FormulaError{Value: v}
	}
	return v, nil
}

// openExcelize opens the same bytes with excelize. Its unzip limits
// default to 16 GB; ours bound it like the streaming reader.
func (b *Book) openExcelize() (*excelize.File, error) {
	opt := excelize.Options{
		UnzipSizeLimit:    b.lim.MaxUncompressed,
		UnzipXMLSizeLimit: min(b.lim.MaxUncompressed, 16<<20),
	}
	f, err := excelize.OpenReader(io.NewSectionReader(b.ra, 0, b.size), opt)
	if err != nil {
		return nil, fmt.Errorf("xlsx: opening %s for calculation: %w", b.name, err)
	}
	return f, nil
}
