package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	files := []string{"b.xlsx", "a.xlsm", "sub/c.xlsx", "old.xls", "lo.ods", "data.csv", "letter.pdf",
		"notes.docx", "~$b.xlsx", ".hidden.xlsx", ".git/x.xlsx", "sub/Đơn vị Hồng Bàng.xlsx"}
	for _, f := range files {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	in, skipped, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range in {
		rel, _ := filepath.Rel(dir, i.Path)
		if i.WrongExt {
			rel += "!"
		}
		got = append(got, rel)
	}
	want := "a.xlsm b.xlsx data.csv! lo.ods! old.xls! sub/c.xlsx sub/Đơn vị Hồng Bàng.xlsx"
	if strings.Join(got, " ") != want {
		t.Errorf("inputs %v\nwant %s", got, want)
	}
	if len(skipped) != 2 || !strings.HasSuffix(skipped[0].File, "letter.pdf") {
		t.Errorf("skipped %+v", skipped)
	}
	if _, _, err := Collect([]string{filepath.Join(dir, "nope")}); err == nil {
		t.Error("a missing path must be an error")
	}
}

// TestCollectOddPaths: a file named through ".." and the folder holding it
// give that file once; Vietnamese names are walked like any other.
// TestCollectLinks: a link to a workbook is read (once, under the link's
// name); links to a folder or to nothing are listed as skipped, not
// followed and not silently dropped.
func TestCollectLinks(t *testing.T) {
	dir := t.TempDir()
	elsewhere := t.TempDir()
	target := filepath.Join(elsewhere, "that.xlsx")
	os.WriteFile(target, []byte("x"), 0o644)
	for link, to := range map[string]string{"link.xlsx": target, "folder": elsewhere, "gone.xlsx": filepath.Join(elsewhere, "nope.xlsx")} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	in, skipped, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != 1 || filepath.Base(in[0].Path) != "link.xlsx" {
		t.Errorf("inputs %+v, want link.xlsx", in)
	}
	var got []string
	for _, s := range skipped {
		got = append(got, filepath.Base(s.File))
	}
	if strings.Join(got, " ") != "folder gone.xlsx" {
		t.Errorf("skipped %v, want the folder link and the broken one", got)
	}
}

func TestCollectOddPaths(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "Hộp thư", "Quận Hồng Bàng")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "Biểu số liệu năm 2023.xlsx"), []byte("x"), 0o644)
	sep := string(filepath.Separator)
	odd := sub + sep + ".." + sep + "Quận Hồng Bàng" + sep + "Biểu số liệu năm 2023.xlsx" // as typed, not cleaned
	in, _, err := Collect([]string{odd, filepath.Join(dir, "Hộp thư")})
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != 1 || !strings.HasSuffix(in[0].Path, "Biểu số liệu năm 2023.xlsx") {
		t.Fatalf("inputs %+v", in)
	}
}
