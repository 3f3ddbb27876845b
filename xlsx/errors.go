package xlsx

import (
	"errors"
	"strings"
)

// Codes of ContainerError. They are stable: callers map them to findings.
const (
	CodeNotXLSX   = "not-xlsx"     // Detail: "xls", "ods", "xlsb", "csv", "text" or "unknown"
	CodeEncrypted = "encrypted"    // a password-protected workbook (CFB with EncryptionInfo)
	CodeCorrupt   = "corrupt-file" // Detail says what is wrong, in plain English
	CodeTooLarge  = "too-large"    // Detail says which limit was hit, in plain English
)

// ContainerError is a file that is not a readable workbook. Code is one of
// the Code* constants; Detail is a machine word for CodeNotXLSX and a short
// English explanation otherwise; Err is the underlying error, if any.
type ContainerError struct {
	Code   string
	Detail string
	Err    error
}

func (e *ContainerError) Error() string {
	var b strings.Builder
	b.WriteString("xlsx: ")
	b.WriteString(e.Code)
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *ContainerError) Unwrap() error { return e.Err }

func corrupt(detail string, err error) *ContainerError {
	return &ContainerError{Code: CodeCorrupt, Detail: detail, Err: err}
}

func tooLarge(detail string) *ContainerError {
	return &ContainerError{Code: CodeTooLarge, Detail: detail}
}

func notXLSX(detail string) *ContainerError {
	return &ContainerError{Code: CodeNotXLSX, Detail: detail}
}

// FormulaError is a formula whose computed result is an Excel error value
// such as "#DIV/0!" or "#REF!"; Value holds that string.
type FormulaError struct {
	Value string
}

func (e *FormulaError) Error() string { return "xlsx: formula result is " + e.Value }

// excelErrors are the error values a cell or formula can hold.
var excelErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true,
	"#NAME?": true, "#NUM!": true, "#N/A": true, "#GETTING_DATA": true,
	"#SPILL!": true, "#CALC!": true, "#FIELD!": true, "#BLOCKED!": true,
	"#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true,
}

// IsExcelError reports whether s is one of Excel's error values ("#REF!"…).
func IsExcelError(s string) bool { return excelErrors[s] }

// errBudget is returned by the counting reader when the bytes actually
// decompressed exceed Limits.MaxUncompressed.
var errBudget = errors.New("uncompressed data exceeds the limit")
