package roster

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/table/tabletest"
)

// TestMergedFixtures reads a roster drawn with merged cells as it is
// printed (testdata/gen.py): the two-row header under a merged "Quyết định
// khen thưởng", section rows and a signature block merged across the
// table, and fields merged down over two collectives, which belong to both.
func TestMergedFixtures(t *testing.T) {
	want := []string{
		"Chi hội Nông dân thôn Đông|Tập thể|Xã An Đồng|Hội Nông dân|Giấy khen|Chủ tịch UBND huyện|45/QĐ-UBND|2021-03-02|Dẫn đầu phong trào@8",
		"Chi hội Nông dân thôn Tây|Tập thể|Xã An Đồng|Hội Nông dân|Giấy khen|Chủ tịch UBND huyện|45/QĐ-UBND|2021-03-02|Tích cực@9",
		"Nguyễn Văn An|Cá nhân|Xã Đông Xuân|Hội Cựu chiến binh|Bằng khen|Chủ tịch UBND thành phố|123/QĐ-UBND|2024-08-01|Gương mẫu@11",
		"Trần Thị Ánh|Cá nhân|Phường Lạch Tray|Hội Liên hiệp Phụ nữ|Giấy khen|Chủ tịch UBND quận|7/QĐ-UBND|2019-09-05|@12",
	}
	for _, file := range []string{"testdata/gop-o.xlsx", "testdata/gop-o-lo.xlsx"} {
		t.Run(file, func(t *testing.T) {
			ro := Read(file, lists, now)
			if !ro.Valid() || len(ro.Findings) != 0 {
				t.Fatalf("findings: %v", messages(ro.Findings))
			}
			if ro.Sheet != "Danh sách" || ro.Years != [2]int{2019, 2024} {
				t.Errorf("sheet %q years %v", ro.Sheet, ro.Years)
			}
			var got []string
			for _, e := range ro.Entries {
				got = append(got, strings.Join([]string{e.Name, e.Kind, e.Unit, e.Organisation, e.Form, e.Authority,
					e.DecisionNumber, e.DecisionDate.Format("2006-01-02"), e.Achievement}, "|")+"@"+strconv.Itoa(e.Row))
			}
			if !slices.Equal(got, want) {
				t.Errorf("entries\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestCutRoster: a roster whose sheet ends mid-row is refused at that
// sheet, for that alone: the entries above the cut are not kept, and no
// finding is made of them (the cut took the merged ranges, which follow
// the rows, so rows 8-9 of gop-o-lo.xlsx would seem to lack their
// organisation).
func TestCutRoster(t *testing.T) {
	tests := []struct {
		file, part, at, sheet string
	}{
		{"testdata/openpyxl.xlsx", "xl/worksheets/sheet2.xml", `<row r="12"`, "Danh sách"},
		{"testdata/gop-o-lo.xlsx", "xl/worksheets/sheet1.xml", `<row r="11"`, "Danh sách"},
		{"testdata/gop-o-lo.xlsx", "xl/worksheets/sheet1.xml", `<row r="4"`, "Danh sách"}, // in the header
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.at, func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			ro := ReadBytes("ds.xlsx", tabletest.CutSheet(t, data, tt.part, tt.at), lists, now)
			if got := codes(ro.Findings); !slices.Equal(got, []string{"corrupt-file@"}) {
				t.Fatalf("findings %v", got)
			}
			f := ro.Findings[0]
			if f.Sheet != tt.sheet || f.Severity != finding.Error || !strings.Contains(f.Text.VI, "bị hỏng hoặc bị cắt cụt") {
				t.Errorf("%+v", f)
			}
			if ro.Valid() || ro.Entries != nil {
				t.Errorf("valid %v with %d entries", ro.Valid(), len(ro.Entries))
			}
		})
	}
}
