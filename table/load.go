package table

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// LoadFile reads a submitted workbook (a submission, a roster, a unit list
// or a catalog) whole, refusing one over the size limit before reading it;
// a problem comes back as a file-level finding.
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

// ReadProblem turns an error of book.Rows/MergedRows into the corrupt-file
// (or other container) finding located at sheet. A damaged sheet is named
// in the message: the rows before the damage were read, and an officer
// must not take them for the whole table.
func ReadProblem(sheet string, err error) finding.Finding {
	var ce *xlsx.ContainerError
	if errors.As(err, &ce) && ce.Code == xlsx.CodeCorrupt {
		return fileFinding(finding.CorruptFile, lang.F(
			"Trang \"%s\" bị hỏng hoặc bị cắt cụt nên không đọc hết được (%s); các dòng đã đọc không được dùng. Hãy mở tệp bằng Excel, kiểm tra trang này còn đủ dòng, lưu lại thành .xlsx rồi gửi lại.",
			"Sheet \"%s\" is damaged or cut short and cannot be read to the end (%s); the rows read so far are not used. Open the file in Excel, check the sheet has all its rows, save it again as .xlsx and resend it.",
			sheet, ce.Detail)).At(sheet, "", 0)
	}
	return ContainerFinding(err).At(sheet, "", 0)
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

// CellText is a cell's content as the text a person reads in it, for
// codes and names: NFC and trimmed; a whole number without decimals, with
// the leading zeros its number format shows ("00000" shows 5 as "00005"),
// so a code typed as a number reads as the code.
func CellText(c xlsx.Cell, f xlsx.Format) string {
	if c.Kind == xlsx.Number {
		if v, err := strconv.ParseFloat(c.Value, 64); err == nil && v == float64(int64(v)) {
			s := strconv.FormatInt(int64(v), 10)
			if f.IntDigits > len(s) && !f.Date && f.Scale == 0 && !f.Percent {
				s = strings.Repeat("0", f.IntDigits-len(s)) + s
			}
			return s
		}
	}
	return strings.TrimSpace(vn.NFC(c.Value))
}
