// Package catalogbook writes the catalog (indicators, rules, organisations,
// award forms) to a workbook an officer can edit in Excel, and reads an
// edited one back, with findings located by sheet and cell like any
// submission.
//
// It only converts between a workbook and catalog values; whether an import
// may replace the catalog in force (figures already stored under it) is the
// store's decision.
package catalogbook

// Sheet names and their columns, in Vietnamese as officers read them.
const (
	SheetIndicators    = "Chỉ tiêu"
	SheetRules         = "Quy tắc"
	SheetOrganisations = "Tổ chức"
	SheetForms         = "Hình thức khen thưởng"
)

var (
	indicatorCols    = []string{"Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Cách cộng", "Kiểu số", "Thứ tự"}
	ruleCols         = []string{"Vế trái", "Phép so sánh", "Vế phải", "Điều kiện", "Mức độ", "Lời nhắn", "Lời nhắn (tiếng Anh)"}
	organisationCols = []string{"Tổ chức", "Thứ tự"}
	formCols         = []string{"Hình thức khen thưởng", "Thứ tự"}
)
