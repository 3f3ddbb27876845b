package docx

import "strings"

// Codes of Error. They are stable: callers word them for the officer.
const (
	CodeNotDocx   = "not-docx"     // Detail: "doc" (old Word), "pdf", "xlsx", "odt", "text" or "unknown"
	CodeEncrypted = "encrypted"    // password-protected
	CodeMacro     = "macro"        // a macro-enabled document (.docm, .dotm) or one holding a VBA project
	CodeCorrupt   = "corrupt-file" // Detail says what is wrong, in plain English
	CodeTooLarge  = "too-large"    // Detail says which limit was hit
)

// Error is a file that is not a Word document tongket reads: Code is one
// of the Code* constants, Detail a machine word for CodeNotDocx and a short
// English explanation otherwise, Err the underlying error, if any.
type Error struct {
	Code   string
	Detail string
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("docx: ")
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

func (e *Error) Unwrap() error { return e.Err }

func corrupt(detail string, err error) *Error {
	return &Error{Code: CodeCorrupt, Detail: detail, Err: err}
}
