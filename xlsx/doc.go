// Package xlsx is tongket's low-level read path for .xlsx and .xlsm
// workbooks: the cells of a sheet, in order, with their type and the value
// the writing program cached.
//
// It reads the OOXML package itself with archive/zip rather than through
// excelize, for two reasons: excelize's row API turns every cell into a
// formatted string, so a text cell "1.234" and the number 1.234 become
// indistinguishable, and excelize.OpenFile unpacks far more of the file
// than a reader needs.
//
// Sheets are streamed: a million-row sheet is never held in memory, only
// the row being reported, and a row costs one allocation. Every part is
// read with a purpose-built tokenizer (scanner.go) that returns slices of
// its buffer, because encoding/xml allocates for every token and read
// sheets about five times slower. FuzzScanner checks the tokenizer against
// encoding/xml. The shared-string table is the one part held whole,
// because cells refer to it by index.
//
// Values are reported as stored, hidden rows and columns too. What Excel
// shows is left to the caller, with what it needs to know: Row.Hidden and
// Row.Outline say a row is hidden (by hand, a filter or a collapsed
// group), Row.View the columns <cols> hides (read on the way to the rows,
// at no cost per cell), Book.NumFmt and ParseFormat say what a
// cell's number format does (a date, a year, a percentage, a division by
// thousands, leading zeros, no digit at all for a value), Book.Date1904
// and DateSerial turn a serial number into its date, and
// Book.FullCalcOnLoad says the cached formula
// values may be stale. Book.MergedRows reports merged ranges as a reader
// sees them, every covered cell carrying the value of the range's
// top-left cell; since <mergeCells> follows the sheet data, it first
// searches the inflated sheet part for it (about 40% of the time of Rows
// on a long sheet), which Rows never does.
//
// Every problem with the file itself (not a workbook, password-protected,
// damaged, too big, a zip bomb) is reported as a *ContainerError with a
// stable Code so callers can turn it into advice for the officer. Limits
// bounds the file size, the bytes unpacked and the rows per sheet; the
// reader also refuses a cell over 4 MB of text and a shared-string table
// over 256 MB, which no real workbook reaches.
//
// Formulas whose result the writer did not cache (openpyxl never does) are
// computed with Book.Calc, which falls back to excelize's calculation
// engine, opened lazily once per Book. excelize computes a circular
// reference as if it were none, so Calc follows a formula's references
// itself first and refuses a loop (ErrCircular).
package xlsx
