// Package xlsx is tongket's low-level read path for .xlsx and .xlsm
// workbooks: the cells of a sheet, in order, with their type and the value
// the writing program cached.
//
// It reads the OOXML package directly with archive/zip and encoding/xml
// instead of going through excelize, for two reasons: excelize's row API
// turns every cell into a formatted string, so a text cell "1.234" and the
// number 1.234 become indistinguishable, and excelize.OpenFile unpacks far
// more of the file than a reader needs. Sheets are streamed: a
// million-row sheet is never held in memory, only the row being reported.
// The shared-string table is the one part held whole, because cells refer
// to it by index.
//
// Every problem with the file itself (not a workbook, password-protected,
// damaged, too big or a zip bomb) is reported as a *ContainerError with a
// stable Code so callers can turn it into advice for the officer.
//
// Formulas whose result was not cached by the writer (openpyxl never caches)
// can be computed with Book.Calc, which falls back to excelize's calculation
// engine, opened lazily once per Book.
package xlsx
