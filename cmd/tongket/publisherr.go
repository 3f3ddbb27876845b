package main

import (
	"strings"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/publish"
)

// publishText words an output that could not be made, in both languages,
// naming the flags that fix it. publish only says which problem it was
// (publish.Error.Code).
func publishText(pe *publish.Error) lang.Text {
	switch pe.Code {
	case publish.CodeNoIndicator:
		return lang.F("không có chỉ tiêu mã %q để vẽ biểu đồ; xem mã trong báo cáo JSON hoặc biểu số liệu.",
			"there is no indicator %q to chart; see the codes in the JSON report or the workbook.", pe.Path)
	case publish.CodeNarrative:
		return lang.F("không đọc được mẫu lời văn %s.", "cannot load the narrative template %s.", pe.Path)
	case publish.CodeBuild:
		return lang.F("không lập được báo cáo.", "cannot build the report.")
	case publish.CodeFolder:
		return lang.F("không tạo được thư mục %s.", "cannot create the folder %s.", pe.Path)
	case publish.CodeWriteReport:
		return lang.F("không ghi được báo cáo vào %s: hãy kiểm tra thư mục có quyền ghi và ổ đĩa còn chỗ.",
			"cannot write the report into %s: check the folder is writable and the disk has room.", pe.Path)
	case publish.CodeWriteFile:
		return lang.F("không ghi được tệp %s: hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
			"cannot write %s: check the folder exists and is writable.", pe.Path)
	case publish.CodeWriteRoster:
		return lang.F("không ghi được danh sách vào %s.", "cannot write the roster into %s.", pe.Path)
	case publish.CodeNoForm:
		return lang.F("không có hình thức khen thưởng %q; các hình thức: %s.", "there is no award form %q; forms: %s.", pe.Path, strings.Join(pe.Choices, ", "))
	case publish.CodeNoOrganisation:
		return lang.F("không có tổ chức %q; các tổ chức: %s.", "there is no organisation %q; organisations: %s.", pe.Path, strings.Join(pe.Choices, ", "))
	}
	return lang.F("không lập được kết quả (%s).", "cannot make the outputs (%s).", pe.Code)
}
