package report

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/lang"
)

// InputError is a Word file of the officer's (the sections file, a
// template) that summarize refuses, with what is wrong and what to do, in
// the words a refused submission gets. Nothing is written then.
type InputError struct {
	Path string
	Text lang.Text
	Err  error
}

func (e *InputError) Error() string {
	if e.Err != nil {
		return e.Path + ": " + e.Text.EN + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Text.EN
}

func (e *InputError) Unwrap() error { return e.Err }

// openWord opens an officer's Word file, refusing with an InputError what
// is not a Word document tongket reads.
func openWord(path string) (*docx.File, error) {
	f, err := docx.Open(path)
	if err == nil {
		return f, nil
	}
	return nil, wordInputError(path, err)
}

// wordInputError words why a Word file cannot be read.
func wordInputError(path string, err error) error {
	name := filepath.Base(path)
	var de *docx.Error
	if !errors.As(err, &de) {
		return &InputError{Path: path, Err: err, Text: lang.F("Không đọc được tệp %s. Hãy kiểm tra tệp còn đó và có quyền đọc.",
			"Cannot read %s. Check the file is there and readable.", name)}
	}
	var t lang.Text
	switch de.Code {
	case docx.CodeEncrypted:
		t = lang.F("Tệp %s có đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu), lưu lại rồi chạy lại.",
			"%s is password-protected. Open it in Word, remove the password (File > Info > Protect Document), save it and run again.", name)
	case docx.CodeMacro:
		t = lang.F("Tệp %s có macro (.docm). tongket không mở tệp có macro: hãy lưu lại thành Tài liệu Word (*.docx) rồi chạy lại.",
			"%s holds macros (.docm). tongket does not open files with macros: save it as Word Document (*.docx) and run again.", name)
	case docx.CodeTooLarge:
		t = lang.F("Tệp %s quá lớn hoặc bị nén bất thường (%s), không đọc. Hãy lưu lại bằng Word thành tệp .docx thường rồi chạy lại.",
			"%s is too large or abnormally packed (%s) and is not read. Save it again in Word as an ordinary .docx and run again.", name, de.Detail)
	case docx.CodeCorrupt:
		t = lang.F("Tệp %s bị hỏng, không đọc được (%s). Hãy mở bằng Word (Word sẽ đề nghị sửa), lưu lại thành .docx rồi chạy lại.",
			"%s is damaged and cannot be read (%s). Open it in Word (it offers to repair it), save it as .docx and run again.", name, de.Detail)
	default:
		t = notDocxText(name, de.Detail)
	}
	return &InputError{Path: path, Text: t, Err: err}
}

// notDocxText says what the file really is and how to save it as .docx.
func notDocxText(name, detail string) lang.Text {
	what := map[string]lang.Text{
		"doc":  lang.F("tệp Word cũ (.doc)", "an old Word file (.doc)"),
		"pdf":  lang.F("tệp PDF", "a PDF"),
		"rtf":  lang.F("tệp RTF", "an RTF file"),
		"odt":  lang.F("tệp LibreOffice/OpenOffice (.odt)", "a LibreOffice/OpenOffice file (.odt)"),
		"xlsx": lang.F("sổ làm việc Excel", "an Excel workbook"),
		"pptx": lang.F("tệp PowerPoint", "a PowerPoint file"),
		"text": lang.F("tệp văn bản thường", "a plain text file"),
	}[strings.ToLower(detail)]
	if what.VI == "" {
		return lang.F("Tệp %s không phải là tài liệu Word (.docx). Hãy mở bằng Word, chọn Lưu thành (Save As) > Tài liệu Word (*.docx) rồi chạy lại.",
			"%s is not a Word document (.docx). Open it in Word, Save As > Word Document (*.docx) and run again.", name)
	}
	return lang.F("Tệp %s là %s, không phải tài liệu Word (.docx). Hãy mở bằng Word, chọn Lưu thành (Save As) > Tài liệu Word (*.docx) rồi chạy lại.",
		"%s is %s, not a Word document (.docx). Open it in Word, Save As > Word Document (*.docx) and run again.", name, what)
}

// placeholderInputError words the placeholders of a Word file that cannot
// be filled: each with its paragraph and the closest known name.
func placeholderInputError(path string, err error) error {
	var vi, en []string
	for _, e := range flatten(err) {
		var de *docx.PlaceholderError
		if !errors.As(e, &de) {
			return &InputError{Path: path, Err: err, Text: lang.F("Không điền được tệp %s.", "Cannot fill %s.", filepath.Base(path))}
		}
		t := placeholderText(de.Name, de.Paragraph, de.Err)
		vi, en = append(vi, t.VI), append(en, t.EN)
	}
	name := filepath.Base(path)
	return &InputError{Path: path, Err: err, Text: lang.Text{
		VI: "Tệp " + name + " có chỗ điền số liệu không đúng, chưa ghi tệp nào:\n  - " + strings.Join(vi, "\n  - "),
		EN: name + " has placeholders tongket cannot fill; nothing was written:\n  - " + strings.Join(en, "\n  - "),
	}}
}

// placeholderText is one bad placeholder, its paragraph and the nearest
// known name.
func placeholderText(name, paragraph string, err error) lang.Text {
	why := lang.F("không phải là chỗ điền số liệu tongket biết", "is not a placeholder tongket knows")
	closest := ""
	if pe, ok := placeholderErr(err); ok {
		why, closest = pe.Why, pe.Closest
	}
	t := lang.F("{{%s}} trong đoạn \"%s\": %s", "{{%s}} in the paragraph \"%s\": %s", name, around(oneLine(paragraph), "{{"+name), why)
	if closest != "" {
		t = lang.F("%s; có phải là {{%s}}?", "%s; did you mean {{%s}}?", t, closest)
	}
	return t
}

// around is the part of a long paragraph around what, so the officer
// finds the place: up to 40 letters either side.
func around(paragraph, what string) string {
	r := []rune(paragraph)
	if len(r) <= 90 {
		return paragraph
	}
	at := len([]rune(paragraph[:max(0, strings.Index(paragraph, what))]))
	from, to := max(0, at-40), min(len(r), at+len([]rune(what))+40)
	s := string(r[from:to])
	if from > 0 {
		s = "…" + s
	}
	if to < len(r) {
		s += "…"
	}
	return s
}

// flatten lists the errors joined in err.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
