package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tongket/tongket/docx"
	"github.com/tongket/tongket/internal/goldenfile"
	"github.com/tongket/tongket/summary"
)

// sectionsSample is the demo's 2019–2024 summary (comparable with
// 2013–2018, so the drafts have rises and falls), its outline and
// placeholders.
func sectionsSample(t *testing.T) (*summary.Summary, *Outline, *Placeholders) {
	t.Helper()
	s := loadSummary(t, filepath.Join("testdata", "sections", "summary.json"))
	o, err := BuildOutline(s, sampleDocument(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, o, NewPlaceholders(s, sampleDocument(), o, nil)
}

// marks writes a paragraph with its styles marked: *bold*, _italic_,
// ~underlined~, and "- " for a list line.
func marks(p Para) string {
	var b strings.Builder
	if p.Bullet {
		b.WriteString("- ")
	}
	for _, r := range p.Runs {
		t := r.Text
		if r.Underline {
			t = "~" + t + "~"
		}
		if r.Italic {
			t = "_" + t + "_"
		}
		if r.Bold {
			t = "*" + t + "*"
		}
		b.WriteString(t)
	}
	return b.String()
}

// TestSectionsBase writes the sections file of the sample and compares it
// with testdata/sections/base.docx, from which gen.py makes the edited
// copies (go test ./report -run TestSectionsBase -update, then run gen.py).
// Read back untouched, it gives the drafts and nothing else.
func TestSectionsBase(t *testing.T) {
	s, o, ph := sectionsSample(t)
	var b bytes.Buffer
	if err := WriteSections(&b, o, s, sampleDocument(), ph); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "sections", "base.docx")
	if goldenfile.Update() {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the sections file differs from %s (%v): go test ./report -run TestSectionsBase -update, then /usr/bin/python3 report/testdata/sections/gen.py", path, err)
	}
	// Untouched, the drafts are suggestions: counted, told, not used.
	read := readFile(t, path, o, ph)
	if len(read.paras) > 0 || read.drafts["uu-diem"] != 5 || read.drafts["han-che"] != 2 || len(read.warnings) != 2 {
		t.Errorf("untouched: paragraphs %v, drafts %v, warnings %v; want none, 5 and 2 drafts told", read.paras, read.drafts, read.warnings)
	}
	// Kept (their marks deleted), they go in with today's figures.
	kept := filepath.Join(t.TempDir(), "kept.docx")
	if err := os.WriteFile(kept, withText(t, want, draftMark+" ", "", -1), 0o644); err != nil {
		t.Fatal(err)
	}
	read = readFile(t, kept, o, ph)
	got := map[string][]string{}
	for k, ps := range read.paras {
		for _, p := range ps {
			got[k] = append(got[k], marks(p))
		}
	}
	want2 := map[string][]string{
		"uu-diem": {
			"- Số mô hình đang hoạt động hiệu quả: 1.044 mô hình, tăng 94,4% so với năm 2018.",
			"- Số tiền hỗ trợ vốn phát triển sản xuất: 79.117,1 triệu đồng, tăng 59,8% so với giai đoạn 2013–2018.",
			"- Số camera an ninh được lắp đặt, kết nối: 5.439 camera, tăng 57,1% so với năm 2018.",
			"- Về số mô hình, cách làm hay được xây dựng, triển khai, dẫn đầu là Huyện Vĩnh Bảo với 65 mô hình, tiếp đến là Quận Ngô Quyền (64) và Quận Hải An (59).",
			"- Về số mô hình đang hoạt động hiệu quả, dẫn đầu là Huyện Vĩnh Bảo với 115 mô hình, tiếp đến là Quận Lê Chân (113) và Quận Ngô Quyền (111).",
		},
		"han-che": {
			"- Số vũ khí, vật liệu nổ, công cụ hỗ trợ được vận động giao nộp: 675 (khẩu, quả, chiếc), giảm 32,5% so với giai đoạn 2013–2018.",
			"- Việc báo cáo số liệu của các đơn vị chưa đầy đủ: mới có 71/72 (98,6%) lượt đơn vị-năm có số liệu (các năm, các đơn vị còn thiếu ghi ở Phụ lục I).",
		},
	}
	for _, k := range []string{"uu-diem", "han-che"} {
		if !slices.Equal(got[k], want2[k]) {
			t.Errorf("drafts of %s:\n got %q\nwant %q", k, got[k], want2[k])
		}
	}
	if len(got) != 2 || len(read.warnings) != 0 {
		t.Errorf("sections with text: %v, warnings %v; want the two with drafts, no warnings", got, read.warnings)
	}
}

func readFile(t *testing.T, path string, o *Outline, ph *Placeholders) *sectionsRead {
	t.Helper()
	read, err := readSections(path, o, ph)
	if err != nil {
		t.Fatal(err)
	}
	return read
}

// TestSectionsEdited reads the sections file as python-docx, LibreOffice
// and Word leave it after the officer's edits (testdata/sections/gen.py):
// the same paragraphs under the same sections, with their styles and list
// lines, placeholders filled where Word split them, text kept as text, the
// text of an unknown heading kept with the section before; and the same
// warnings.
func TestSectionsEdited(t *testing.T) {
	want := map[string][]string{
		"dac-diem": {"Địa bàn có 12 phường, xã; dân số hơn 180 nghìn người."},
		"lanh-dao": {"Ban Chỉ đạo đã ban hành *36 kế hoạch*, _kiểm tra 120 lượt_.", "- Kiện toàn Ban Chỉ đạo hằng năm.", "- Sơ kết 5 năm vào năm 2018."},
		"bai-hoc": {
			"Phải *bám sát cơ sở*, ~dựa vào dân~; tổ chức *13.868* buổi tuyên truyền, tăng 20,7% so với giai đoạn 2013–2018.",
			"Ký hiệu =SUM(A1), <b>&</b> và {{ xin chào }} là chữ.",
			"*1. Bài học về phối hợp*",
			"Phối hợp chặt chẽ với Mặt trận.",
		},
		"phuong-huong": {"Mục tiêu 1", "Mục tiêu 2"},
		"kien-nghi":    {"Đề nghị cấp trên hỗ trợ kinh phí."},
	}
	warnings := []string{
		`"Ghi chú riêng của người soạn." đứng trước mọi đề mục`,
		`Đề mục "1. Bài học về phối hợp" không có trong báo cáo`,
		`Đoạn hướng dẫn "Hướng dẫn: viết về mục tiêu, chỉ tiêu`,
		`Bảng trong mục "V. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI"`,
		`Mục "III.1. Ưu điểm" còn 5 gợi ý rút từ số liệu chưa đưa vào báo cáo`,
		`Đoạn "Ghi thêm ở cuối tệp." đứng dưới đề mục "CHỖ ĐIỀN SỐ LIỆU`,
	}
	for _, file := range []string{"pydocx.docx", "libreoffice.docx", "word.docx"} {
		t.Run(file, func(t *testing.T) {
			_, o, ph := sectionsSample(t)
			read := readFile(t, filepath.Join("testdata", "sections", file), o, ph)
			for key, w := range want {
				var got []string
				for _, p := range read.paras[key] {
					got = append(got, marks(p))
				}
				if w != nil && !slices.Equal(got, w) {
					t.Errorf("%s:\n got %q\nwant %q", key, got, w)
				}
			}
			if ps := read.paras["han-che"]; len(ps) > 0 {
				t.Errorf("han-che, whose drafts were deleted, reads %+v", ps)
			}
			if len(read.warnings) != len(warnings) {
				t.Errorf("%d warnings, want %d: %v", len(read.warnings), len(warnings), read.warnings)
			}
			for _, w := range warnings {
				if !containsWarning(read, w) {
					t.Errorf("no warning %q in %v", w, read.warnings)
				}
			}
			for k, ps := range read.paras {
				o.Fill(k, ps)
			}
			if got := o.Blanks(); !slices.Equal(got, []string{"III.1. Ưu điểm", "III.2. Hạn chế, tồn tại", "III.3. Nguyên nhân"}) {
				t.Errorf("blanks %q", got)
			}
		})
	}
}

func containsWarning(r *sectionsRead, w string) bool {
	for _, x := range r.warnings {
		if strings.Contains(x.VI, w) {
			return true
		}
	}
	return false
}

// TestSectionsRefused: a sections file that is not a Word document tongket
// reads, or whose placeholders it cannot fill, is refused with a sentence
// naming the file, what is wrong and what to do.
func TestSectionsRefused(t *testing.T) {
	_, o, ph := sectionsSample(t)
	dir := t.TempDir()
	base, err := os.ReadFile(filepath.Join("testdata", "sections", "base.docx"))
	if err != nil {
		t.Fatal(err)
	}
	cfb := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	for _, tc := range []struct {
		name string
		data []byte
		want []string
	}{
		{"a.docx", []byte("chỉ là chữ"), []string{"a.docx là tệp văn bản thường", "Lưu thành (Save As) > Tài liệu Word (*.docx)"}},
		{"b.docx", cfb, []string{"b.docx là tệp Word cũ (.doc)"}},
		{"c.docx", append(cfb, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...), []string{"c.docx có đặt mật khẩu"}},
		{"d.docx", base[:len(base)/3], []string{"d.docx bị hỏng"}},
		{"e.docx", withPart(t, base, "word/vbaProject.bin", "VBA"), []string{"e.docx có macro (.docm)"}},
		{"bom.docx", withText(t, base, "<w:body>", "<w:body>"+strings.Repeat("<w:p/>", 2<<20), 1), []string{"bom.docx quá lớn hoặc bị nén bất thường"}},
		{"f.docx", withText(t, base, "Hướng dẫn: viết về những bài học", "Số buổi {{TT_BUOII}} và {{TT_BUOI.2010}} và {{bang_tong_hop}}. Hướng dẫn: viết về những bài học", 1),
			[]string{"f.docx có chỗ điền số liệu không đúng", "{{TT_BUOII}} trong đoạn", "có phải là {{TT_BUOI}}?", "{{TT_BUOI.2010}}", "năm 2010 ngoài giai đoạn 2019–2024", "{{bang_tong_hop}}", "là một bảng"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := readSections(path, o, ph)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an InputError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(ie.Text.VI, w) {
					t.Errorf("message lacks %q:\n%s", w, ie.Text.VI)
				}
			}
		})
	}
}

// withPart is a .docx with one more part.
func withPart(t *testing.T, data []byte, name, content string) []byte {
	t.Helper()
	return rezip(t, data, func(n string, b []byte) []byte { return b }, name, content)
}

// withText is a .docx whose document part has old replaced by new, n
// times (-1: every time).
func withText(t *testing.T, data []byte, old, new string, n int) []byte {
	t.Helper()
	return rezip(t, data, func(name string, b []byte) []byte {
		if name == "word/document.xml" {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("no %q in document.xml", old)
			}
			return bytes.Replace(b, []byte(old), []byte(new), n)
		}
		return b
	}, "", "")
}

// rezip copies a zip package, each part through edit, adding a part.
func rezip(t *testing.T, data []byte, edit func(string, []byte) []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(edit(f.Name, b))
	}
	if name != "" {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	zw.Close()
	return out.Bytes()
}

// FuzzSections: whatever Word file stands where the sections file does,
// it is read into the outline's sections or refused with an InputError;
// nothing else, and never a panic.
func FuzzSections(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "sections", "*.docx"))
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(b)
		}
	}
	s := loadSummary(f, filepath.Join("testdata", "sections", "summary.json"))
	o, err := BuildOutline(s, sampleDocument(), Options{})
	if err != nil {
		f.Fatal(err)
	}
	ph := NewPlaceholders(s, sampleDocument(), o, nil)
	keys := map[string]bool{}
	for _, sec := range o.Sections() {
		keys[sec.Key] = true
	}
	lim := docx.Limits{MaxFileBytes: 1 << 20, MaxPartBytes: 2 << 20, MaxTotal: 4 << 20}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := docx.Parse(data, lim)
		if err != nil {
			return
		}
		ps, err := file.Paragraphs()
		if err != nil {
			return
		}
		read, err := placeSections("noi-dung.docx", ps, o, ph)
		var ie *InputError
		if err != nil && !errors.As(err, &ie) {
			t.Fatalf("%v is not an InputError", err)
		}
		if err == nil {
			for k := range read.paras {
				if !keys[k] {
					t.Fatalf("text placed in %q, which is no section", k)
				}
			}
		}
	})
}

// TestEditedGuide: guidance the officer typed into is told about;
// guidance tongket now words otherwise (the awards section's, once a
// roster is imported) is not the officer's.
func TestEditedGuide(t *testing.T) {
	guides := map[string]bool{"Hướng dẫn: viết về bài học.": true, "Hướng dẫn: đoạn bổ sung (nếu có).": true}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Hướng dẫn: viết về bài học.", false},
		{"Hướng dẫn: viết về bài học. Phải lấy dân làm gốc.", true},
		{"Hướng dẫn: viết về kết quả công tác thi đua, khen thưởng (chưa có danh sách khen thưởng nào).", false},
	} {
		if got := edited(tc.text, guides); got != tc.want {
			t.Errorf("edited(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
