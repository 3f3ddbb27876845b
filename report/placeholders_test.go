package report

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/summary"
)

// TestPlaceholderValues: every placeholder of FORMATS.md §9, on a summary
// that compares with its previous period (2019–2024) and one that does
// not (2013–2023): figures as officers write them, "…" for what is not
// known or not comparable, the sentence of §5.1 instead of a comparison.
func TestPlaceholderValues(t *testing.T) {
	_, _, five := sectionsSample(t)
	ten := func() *Placeholders {
		s := loadSummary(t, filepath.Join("testdata", "pdf", "summary.json"))
		o, err := BuildOutline(s, sampleDocument(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return NewPlaceholders(s, sampleDocument(), o, nil)
	}()
	blank := func() *Placeholders {
		s := &summary.Summary{Period: summary.Period{From: 2020, To: 2024}}
		return NewPlaceholders(s, Document{}, &Outline{}, nil)
	}()
	for _, tc := range []struct {
		p          *Placeholders
		name, want string
	}{
		{five, "TT_BUOI", "13.868"},
		{five, " tt_buoi ", "13.868"},
		{five, "TT_BUOI.2020", "1.925"},
		{five, "TT_BUOI.truoc", "11.488"},
		{five, "TT_BUOI.so_sanh", "tăng 20,7% so với giai đoạn 2013–2018"},
		{five, "MH_HIEUQUA.so_sanh", "tăng 94,4% so với năm 2018"},
		{five, "TT_BUOI.uoc", "gần 14 nghìn"},
		{five, "VON_TIEN", "79.117,1"},
		{five, "VON_TIEN.uoc", "hơn 79 tỷ đồng"},
		{five, "TT_BUOI.dan_dau", "dẫn đầu là Huyện Thủy Nguyên với 1.526 buổi, tiếp đến là Quận Lê Chân (1.447) và Huyện Vĩnh Bảo (1.339)"},
		{five, "giai_doan", "2019–2024"},
		{five, "so_nam", "5"},
		{five, "tu_nam", "2019"},
		{five, "den_nam", "2024"},
		{five, "so_don_vi", "12"},
		{five, "ty_le_bao_cao", "71/72 (98,6%)"},
		{five, "co_quan", "CÔNG AN QUẬN HỒNG BÀNG"},
		{five, "co_quan_cap_tren", "CÔNG AN THÀNH PHỐ HẢI PHÒNG"},
		{five, "so_van_ban", "125/BC-CAQ"},
		{five, "dia_danh", "Hải Phòng"},
		{five, "ngay_thang", "ngày 05 tháng 01 năm 2024"},
		{five, "nguoi_ky", "Nguyễn Văn An"},
		{five, "chuc_vu_nguoi_ky", "TRƯỞNG CÔNG AN QUẬN"},
		{five, "khen_thuong", "92 gương điển hình tiên tiến, trong đó: 23 tập thể, 69 cá nhân"},
		{ten, "TT_BUOI", "22.859"},
		{ten, "TT_BUOI.truoc", "…"},
		{ten, "TT_BUOI.so_sanh", "chưa so sánh được với giai đoạn 2002–2012 (giai đoạn 2002–2012 mới có 28,7% số liệu, giai đoạn 2013–2023 mới có 88,8% số liệu)"},
		{ten, "NHA_TIEN", "114.106,85"},
		{ten, "NHA_TIEN.uoc", "hơn 114 tỷ đồng"},
		{blank, "so_van_ban", "……/BC-……"},
		{blank, "ngay_thang", "ngày …… tháng …… năm ……"},
		{blank, "co_quan", "……"},
		{blank, "khen_thuong", "Chưa có tập thể, cá nhân nào được khen thưởng"},
	} {
		got, err := tc.p.Text(tc.name)
		if err != nil || got != tc.want {
			t.Errorf("{{%s}} = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

// TestPlaceholderErrors: an unknown name, a year outside the period, a
// part after the code that is none of §9's, and a table where only text
// goes are errors naming the closest known placeholder.
func TestPlaceholderErrors(t *testing.T) {
	_, _, p := sectionsSample(t)
	for _, tc := range []struct{ name, why, closest string }{
		{"TT_BUOII", "không phải là chỗ điền số liệu tongket biết", "TT_BUOI"},
		{"ngày_tháng", "không phải là chỗ điền số liệu tongket biết", "ngay_thang"},
		{"giai_doan_truoc", "không phải là chỗ điền số liệu tongket biết", "giai_doan"},
		{"TT_BUOI.2010", "năm 2010 ngoài giai đoạn 2019–2024", "TT_BUOI.2024"},
		{"TT_BUOI.tang", "sau mã chỉ tiêu chỉ có thể là một năm", "TT_BUOI.truoc"},
		{"bang_tong_hop", "là một bảng", ""},
	} {
		_, err := p.Text(tc.name)
		pe, ok := placeholderErr(err)
		if !ok {
			t.Errorf("{{%s}}: err = %v, want a PlaceholderError", tc.name, err)
			continue
		}
		if !strings.Contains(pe.Why.VI, tc.why) || pe.Closest != tc.closest {
			t.Errorf("{{%s}}: %q closest %q; want %q closest %q", tc.name, pe.Why.VI, pe.Closest, tc.why, tc.closest)
		}
	}
	if _, table, err := p.Value("bang_theo_don_vi"); err != nil || table == nil || table.Head[1] != "Đơn vị" {
		t.Errorf("{{bang_theo_don_vi}} is not the table by unit: %v %v", table, err)
	}
}

// FuzzPlaceholderName: whatever the name, a placeholder has a value or an
// error that names a known placeholder as the closest.
func FuzzPlaceholderName(f *testing.F) {
	for _, s := range []string{"TT_BUOI", "TT_BUOI.2020", "tt_buoi.so_sanh", "ngày_tháng", "TT_BUOI.", ".", "bang_tong_hop", "X.Y.Z"} {
		f.Add(s)
	}
	s := &summary.Summary{Period: summary.Period{From: 2019, To: 2024}, Indicators: []summary.Indicator{{Code: "TT_BUOI", Name: "Số buổi", Unit: "buổi"}}}
	p := NewPlaceholders(s, Document{}, &Outline{}, nil)
	f.Fuzz(func(t *testing.T, name string) {
		_, err := p.Text(name)
		if err == nil {
			return
		}
		pe, ok := placeholderErr(err)
		if !ok {
			t.Fatalf("{{%s}}: %v is not a PlaceholderError", name, err)
		}
		if pe.Closest != "" && !strings.Contains(strings.Join(p.Names(), "|"), pe.Closest) {
			t.Fatalf("{{%s}}: closest %q is not a known name", name, pe.Closest)
		}
	})
}

// TestTemplate fills the officer's own Word template (FORMATS.md §9):
// {{TT_BUOI}} split over three runs comes out filled in the first run's
// bold 15 pt, the header's placeholder filled, a placeholder in a table
// cell filled, the lone {{bang_tong_hop}} a real table of Phụ lục I; a
// template with an unknown placeholder is refused, naming it, its
// paragraph and the closest name, and nothing is made.
func TestTemplate(t *testing.T) {
	s, o, _ := sectionsSample(t)
	path := filepath.Join("..", "docx", "testdata", "word", "template.docx")
	p, err := Prepare(s, sampleDocument(), Options{Template: path}, false)
	if err != nil {
		t.Fatal(err)
	}
	f, err := docx.Parse(p.Template, docx.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.Paragraphs()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, q := range ps {
		texts = append(texts, q.Text())
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"BÁO CÁO TỔNG KẾT 2019–2024|Tổ chức 13.868 buổi tuyên truyền.|STT|Chỉ tiêu|Đơn vị tính|2019|2020 (*)", "Tổng số buổi|13.868|Kết thúc."} {
		if !strings.Contains(all, want) {
			t.Errorf("filled template lacks %q:\n%s", want, all)
		}
	}
	if r := ps[1].Runs; len(r) != 3 || r[1].Text != "13.868" || !r[1].Bold {
		t.Errorf("the split placeholder: runs %+v, want the figure bold in the first run's place", r)
	}
	filled := filepath.Join(t.TempDir(), "filled.docx")
	if err := os.WriteFile(filled, p.Template, 0o644); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(part(t, filled, "word/document.xml"), `<w:sz w:val="30"/></w:rPr><w:t xml:space="preserve">13.868</w:t>`) {
		t.Error("the figure lost the 15 pt of the run where its placeholder starts")
	}
	if n := strings.Count(all, "|"); n < len(o.Appendices[0].Table.Rows)*3 {
		t.Errorf("Phụ lục I's table is not in the template (%d paragraphs)", n)
	}

	bad := filepath.Join(t.TempDir(), "mau.docx")
	src, _ := os.ReadFile(path)
	if err := os.WriteFile(bad, withText(t, src, "Kết thúc.", "Kết thúc {{TT_BUOII}}.", 1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Prepare(s, sampleDocument(), Options{Template: bad}, false)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Text.VI, `{{TT_BUOII}} trong đoạn "Kết thúc {{TT_BUOII}}."`) || !strings.Contains(ie.Text.VI, "có phải là {{TT_BUOI}}?") {
		t.Errorf("unknown placeholder: %v", err)
	}
}
