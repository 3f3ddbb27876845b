package submission

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/xlsx"
)

// headerScanRows is how far down a sheet the header row may stand (FORMATS §2).
const headerScanRows = 30

// MinYear is the earliest year a figure may belong to.
const MinYear = 1975

// TemplateVersion is the version of the `_tongket` sheet this reader knows.
const TemplateVersion = "1"

// Options configure a read.
type Options struct {
	Catalog *catalog.Catalog
	Limits  xlsx.Limits
	// Now is the clock: a year after Now's year is out of range.
	Now func() time.Time
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// errStop ends a sheet scan early without being an error.
var errStop = errors.New("stop")

// Read reads one submitted file. It always returns a Submission; problems,
// including a file that is not a workbook at all, are findings on it.
func Read(path string, opt Options) *Submission {
	data, problem := LoadFile(path, opt.Limits)
	if problem != nil {
		return &Submission{File: path, Findings: []finding.Finding{*problem}, badCells: map[cellKey]bool{}}
	}
	return ReadBytes(path, data, opt)
}

// LoadFile reads a submitted workbook (a submission or a roster) whole,
// refusing one over the size limit before reading it; a problem comes back
// as a file-level finding.
func LoadFile(path string, lim xlsx.Limits) ([]byte, *finding.Finding) {
	if lim == (xlsx.Limits{}) {
		lim = xlsx.DefaultLimits
	}
	st, err := os.Stat(path)
	if err != nil {
		f := fileFinding(finding.CorruptFile, lang.F(
			"Không đọc được tệp: %v. Hãy kiểm tra tệp còn tồn tại và bạn có quyền đọc.",
			"Cannot read the file: %v. Check that it exists and is readable.", err))
		return nil, &f
	}
	if st.Size() > lim.MaxFileBytes {
		f := fileFinding(finding.TooLarge, lang.F(
			"Tệp nặng %d MB, vượt giới hạn %d MB. Hãy chia thành nhiều tệp nhỏ hơn.",
			"The file is %d MB, over the %d MB limit. Split it into smaller files.",
			st.Size()>>20, lim.MaxFileBytes>>20))
		return nil, &f
	}
	data, err := os.ReadFile(path)
	if err != nil {
		f := fileFinding(finding.CorruptFile, lang.F(
			"Không đọc được tệp: %v.", "Cannot read the file: %v.", err))
		return nil, &f
	}
	return data, nil
}

// ReadBytes reads a submission already in memory; name is how findings and
// history refer to it.
func ReadBytes(name string, data []byte, opt Options) *Submission {
	sub := &Submission{File: name, Size: int64(len(data)), badCells: map[cellKey]bool{}}
	if opt.Limits == (xlsx.Limits{}) {
		opt.Limits = xlsx.DefaultLimits
	}
	sum := sha256.Sum256(data)
	sub.SHA256 = hex.EncodeToString(sum[:])
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), filepath.Base(name), opt.Limits)
	if err != nil {
		sub.add(ContainerFinding(err))
		return sub
	}
	defer book.Close()
	r := &reader{sub: sub, book: book, cat: opt.Catalog, maxYear: opt.now().Year()}
	r.read()
	r.legacyWarning()
	sub.SortFindings()
	return sub
}

func fileFinding(code string, t lang.Text) finding.Finding {
	return finding.New(finding.Error, code, t)
}

// ContainerFinding turns a file that is not a readable workbook into a
// finding that tells the officer what to do with it.
func ContainerFinding(err error) finding.Finding {
	var ce *xlsx.ContainerError
	if !errors.As(err, &ce) {
		return fileFinding(finding.CorruptFile, lang.F(
			"Không đọc được tệp: %v.", "Cannot read the file: %v.", err))
	}
	switch ce.Code {
	case finding.NotXLSX:
		return fileFinding(finding.NotXLSX, notXLSXText(ce.Detail))
	case finding.Encrypted:
		return fileFinding(finding.Encrypted, lang.F(
			"Tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại.",
			"The workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save again."))
	case finding.TooLarge:
		return fileFinding(finding.TooLarge, lang.F(
			"Tệp quá lớn khi giải nén (%s), có thể là tệp hỏng hoặc độc hại. Hãy gửi lại tệp xuất trực tiếp từ Excel, chia nhỏ nếu cần.",
			"The file is too large when unpacked (%s); it may be damaged or malicious. Send a file saved directly from Excel, split if needed.",
			ce.Detail))
	default:
		return fileFinding(finding.CorruptFile, lang.F(
			"Tệp bị hỏng, không đọc được (%s). Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại.",
			"The file is damaged and cannot be read (%s). Open it in Excel, save it again as .xlsx and resend it.",
			ce.Detail))
	}
}

// notXLSXText says what the file really is and how to save it as .xlsx.
func notXLSXText(detail string) lang.Text {
	switch detail {
	case "xls":
		return lang.F("Đây là tệp Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành (Save As) > Sổ làm việc Excel (*.xlsx) rồi gửi lại.",
			"This is an old Excel file (.xls). Open it in Excel, Save As > Excel Workbook (*.xlsx) and resend it.")
	case "ods":
		return lang.F("Đây là tệp LibreOffice/OpenOffice (.ods). Hãy lưu lại dưới dạng Excel 2007-365 (.xlsx) rồi gửi lại.",
			"This is a LibreOffice/OpenOffice file (.ods). Save it as Excel 2007-365 (.xlsx) and resend it.")
	case "csv", "text":
		return lang.F("Đây là tệp văn bản/CSV, không phải sổ làm việc Excel. Hãy mở bằng Excel, lưu thành Sổ làm việc Excel (*.xlsx) rồi gửi lại.",
			"This is a text/CSV file, not an Excel workbook. Open it in Excel, save it as Excel Workbook (*.xlsx) and resend it.")
	}
	return lang.F("Tệp không phải là sổ làm việc Excel (.xlsx). Hãy lưu thành Sổ làm việc Excel (*.xlsx) rồi gửi lại.",
		"The file is not an Excel workbook (.xlsx). Save it as Excel Workbook (*.xlsx) and resend it.")
}

// NotXLSXByName is the finding for a file whose extension shows it is a
// spreadsheet in the wrong format (.xls, .ods, .csv); it is not opened.
func NotXLSXByName(path string) finding.Finding {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	return fileFinding(finding.NotXLSX, notXLSXText(ext))
}

// reader holds the state of one file's read.
type reader struct {
	sub     *Submission
	book    *xlsx.Book
	cat     *catalog.Catalog
	maxYear int

	tmplUnit Unit
	noYears  *finding.Finding // a label row without years, reported if no sheet has a table
	legacy   legacyState      // TCVN3/VNI text converted (legacy.go)
}

func (r *reader) read() {
	sheets := r.book.Sheets()
	for _, s := range sheets {
		if s.Name == "_tongket" {
			r.readTemplateSheet(s)
		}
	}
	if finding.HasError(r.sub.Findings) {
		return
	}
	for _, s := range sheets {
		if s.Hidden {
			continue
		}
		found, err := r.readSheet(s)
		if err != nil {
			r.sub.add(ContainerFinding(err).At(s.Name, "", 0))
			return
		}
		if found {
			return
		}
	}
	if r.noYears != nil {
		r.sub.add(*r.noYears)
		return
	}
	r.sub.add(fileFinding(finding.NoTable, lang.F(
		"Không tìm thấy bảng số liệu trong %d dòng đầu của các trang tính. Bảng cần một dòng tiêu đề có cột \"Mã chỉ tiêu\" hoặc \"Chỉ tiêu\" và các cột năm (2013, 2014, … hoặc \"Năm 2013\").",
		"No table of figures found in the first %d rows of any sheet. The table needs a header row with a \"Mã chỉ tiêu\" or \"Chỉ tiêu\" column and year columns (2013, 2014, … or \"Năm 2013\").",
		headerScanRows)))
}

// readTemplateSheet reads the hidden `_tongket` sheet that `tongket template`
// writes: key in column A, value in column B.
func (r *reader) readTemplateSheet(s xlsx.Sheet) {
	var versionCell string
	_ = r.book.Rows(s, func(row xlsx.Row) error {
		if len(row.Cells) < 2 || row.Cells[0].Col != 1 {
			return nil
		}
		key, val := strings.TrimSpace(row.Cells[0].Value), strings.TrimSpace(row.Cells[1].Value)
		switch key {
		case "version":
			r.sub.Template, versionCell = val, row.Cells[1].Ref
		case "unit_code":
			r.tmplUnit.Code, r.tmplUnit.Cell, r.tmplUnit.Sheet = val, row.Cells[1].Ref, s.Name
		case "unit_name":
			r.tmplUnit.Name = val
		}
		return nil
	})
	if r.sub.Template != "" && r.sub.Template != TemplateVersion {
		f := finding.New(finding.Error, finding.TemplateVersion, lang.F(
			"Biểu mẫu phiên bản %q không được hỗ trợ; tongket này cần phiên bản %s. Hãy tải biểu mẫu mới bằng \"tongket template\" và chép số liệu sang.",
			"Template version %q is not supported; this tongket expects version %s. Make a new template with \"tongket template\" and copy the figures over.",
			r.sub.Template, TemplateVersion))
		f.Sheet, f.Cell, f.Value = s.Name, versionCell, r.sub.Template
		r.sub.add(f)
	}
}

// readSheet streams one sheet. It reports whether the sheet held a table.
func (r *reader) readSheet(s xlsx.Sheet) (bool, error) {
	var meta metaScan
	var t table
	found := false
	err := r.book.Rows(s, func(row xlsx.Row) error {
		row = r.legacyRow(s.Name, row)
		if found {
			r.useLegacyTableRow(s.Name, &t.header, row)
			return t.row(r, s.Name, row)
		}
		if row.Num > headerScanRows {
			return errStop
		}
		h, ok := r.detectHeader(s.Name, row)
		if !ok {
			meta.scan(s.Name, row)
			return nil
		}
		if h.layout == "" {
			// A label row without year columns: remember it in case no
			// sheet has a real table.
			if r.noYears == nil {
				f := finding.New(finding.Error, finding.NoYears, lang.F(
					"Dòng %d có cột chỉ tiêu nhưng không có cột năm nào. Hãy ghi năm vào dòng tiêu đề, mỗi năm một cột: 2013, 2014, … (hoặc \"Năm 2013\").",
					"Row %d has an indicator column but no year columns. Put the years in the header row, one per column: 2013, 2014, … (or \"Năm 2013\").",
					row.Num)).At(s.Name, "", row.Num)
				r.noYears = &f
			}
			return nil
		}
		found = true
		t = table{header: h}
		r.sub.Layout, r.sub.Sheet = h.layout, s.Name
		r.useLegacyHeader(s.Name, h)
		if h.layout == Wide {
			r.sub.Units = []Unit{r.wideUnit(s.Name, meta)}
			r.legacyUnit(s.Name, meta, r.sub.Units[0])
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil {
		return found, fmt.Errorf("read sheet %s: %w", s.Name, err)
	}
	if found {
		t.finish(r)
	}
	return found, nil
}

// wideUnit picks the unit of a wide file: the template sheet first, then the
// lines above the table.
func (r *reader) wideUnit(sheet string, meta metaScan) Unit {
	if r.tmplUnit.Code != "" || r.tmplUnit.Name != "" {
		return r.tmplUnit
	}
	u := Unit{Code: meta.code, Name: meta.name, Sheet: sheet, Cell: meta.codeCell}
	if u.Cell == "" {
		u.Cell = meta.nameCell
	}
	return u
}
