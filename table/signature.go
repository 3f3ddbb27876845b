package table

import (
	"regexp"

	"github.com/tongket/tongket/vn"
)

// signatureRe matches the first lines of the signature block under a
// table ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)", "TM.
// ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "Nơi nhận:"): the table ends there.
var signatureRe = regexp.MustCompile(`^\(?(?:người lập|người tổng hợp|người duyệt|người ký|thủ trưởng|lãnh đạo đơn vị|ký,|ký và|ký tên|tm\.|t/m|kt\.|nơi nhận|xác nhận của)`)

// SignatureLine reports a text that opens the signature block under a
// table, where every reader of tables (submissions, rosters) stops.
func SignatureLine(s string) bool { return signatureRe.MatchString(vn.Key(s)) }
