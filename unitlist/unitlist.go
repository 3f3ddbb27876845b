// Package unitlist reads the official list of units expected to report
// (danh sách đơn vị: code, name, parent, level, other names), so
// completeness knows who is missing before they ever submit and a name like
// "Q. Hồng Bàng" resolves to one code.
//
// It reads and checks only; storing the list is the store's job.
package unitlist

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/vn"
	"github.com/tongket/tongket/xlsx"
)

// Unit is one row of the list.
type Unit struct {
	Code    string
	Name    string
	Parent  string
	Level   string
	Aliases []string
	Row     int
}

// List is a read unit list.
type List struct {
	File     string
	SHA256   string
	Units    []Unit
	Findings []finding.Finding
}

// Valid reports whether the list has no error finding.
func (l *List) Valid() bool { return !finding.HasError(l.Findings) }

var labels = map[string]int{
	vn.Key("Mã đơn vị"): 0, vn.Key("Mã"): 0,
	vn.Key("Tên đơn vị"): 1, vn.Key("Đơn vị"): 1, vn.Key("Tên"): 1,
	vn.Key("Cấp trên"): 2, vn.Key("Mã cấp trên"): 2, vn.Key("Đơn vị cấp trên"): 2,
	vn.Key("Cấp"): 3, vn.Key("Cấp hành chính"): 3,
	vn.Key("Tên khác"): 4, vn.Key("Tên gọi khác"): 4, vn.Key("Bí danh"): 4,
}

// Read reads a unit list workbook: the first visible sheet with a header
// row (in its first 30 rows) holding "Mã đơn vị" and "Tên đơn vị". Other
// names are separated by ";".
func Read(name string, data []byte) *List {
	l := &List{File: name}
	sum := sha256.Sum256(data)
	l.SHA256 = hex.EncodeToString(sum[:])
	book, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), name, xlsx.DefaultLimits)
	if err != nil {
		l.Findings = append(l.Findings, submission.ContainerFinding(err))
		return l
	}
	defer book.Close()
	bad := func(sheet string, col, row int, code string, t lang.Text, v string) {
		f := finding.New(finding.Error, code, t).At(sheet, xlsx.ColumnName(col), row)
		f.Value = v
		l.Findings = append(l.Findings, f)
	}
	for _, s := range book.Sheets() {
		if s.Hidden {
			continue
		}
		var cols [5]int
		found := false
		codes := map[string]int{}
		aliases := map[string]string{}
		_ = book.Rows(s, func(row xlsx.Row) error {
			if !found {
				var c [5]int
				for _, cell := range row.Cells {
					if i, ok := labels[vn.Key(cell.Value)]; ok && cell.Kind == xlsx.Text && c[i] == 0 {
						c[i] = cell.Col
					}
				}
				if c[0] != 0 && c[1] != 0 {
					cols, found = c, true
				}
				return nil
			}
			var v [5]string
			for _, cell := range row.Cells {
				for i, col := range cols {
					if col != 0 && cell.Col == col {
						v[i] = strings.TrimSpace(vn.NFC(cell.Value))
						if cell.Kind == xlsx.Number {
							if f, err := strconv.ParseFloat(cell.Value, 64); err == nil && f == float64(int64(f)) {
								v[i] = strconv.FormatInt(int64(f), 10)
							}
						}
					}
				}
			}
			if v == [5]string{} {
				return nil
			}
			u := Unit{Code: v[0], Name: v[1], Parent: v[2], Level: v[3], Row: row.Num}
			switch {
			case u.Code == "":
				bad(s.Name, cols[0], row.Num, finding.MissingUnit, lang.F(
					"Dòng %d chưa có mã đơn vị. Hãy ghi mã (ví dụ HP-HONGBANG).", "Row %d has no unit code. Write the code (e.g. HP-HONGBANG).", row.Num), "")
				return nil
			case u.Name == "":
				bad(s.Name, cols[1], row.Num, finding.MissingLabel, lang.F(
					"Đơn vị %s chưa có tên. Hãy ghi tên đơn vị.", "Unit %s has no name. Write its name.", u.Code), "")
				return nil
			case codes[strings.ToUpper(u.Code)] != 0:
				bad(s.Name, cols[0], row.Num, finding.DuplicateRow, lang.F(
					"Mã đơn vị %s đã có ở dòng %d. Mỗi đơn vị một dòng.", "Unit code %s is already on row %d. One row per unit.", u.Code, codes[strings.ToUpper(u.Code)]), u.Code)
				return nil
			}
			codes[strings.ToUpper(u.Code)] = row.Num
			for _, a := range strings.Split(v[4], ";") {
				a = strings.TrimSpace(a)
				if a == "" {
					continue
				}
				k := vn.UnitKey(a)
				if other, dup := aliases[k]; dup && other != u.Code {
					bad(s.Name, cols[4], row.Num, finding.DuplicateLabel, lang.F(
						"Tên khác \"%s\" đã dùng cho đơn vị %s; một tên chỉ được chỉ một đơn vị.",
						"The other name \"%s\" already stands for unit %s; a name may point to one unit only.", a, other), a)
					continue
				}
				aliases[k] = u.Code
				u.Aliases = append(u.Aliases, a)
			}
			l.Units = append(l.Units, u)
			return nil
		})
		if found {
			finding.Sort(l.Findings)
			return l
		}
	}
	l.Findings = append(l.Findings, finding.New(finding.Error, finding.NoTable, lang.F(
		"Không tìm thấy bảng đơn vị: cần một dòng tiêu đề có cột \"Mã đơn vị\" và \"Tên đơn vị\" (thêm \"Cấp trên\", \"Cấp\", \"Tên khác\" nếu có).",
		"No unit table found: it needs a header row with \"Mã đơn vị\" and \"Tên đơn vị\" (and \"Cấp trên\", \"Cấp\", \"Tên khác\" if any).")))
	return l
}
