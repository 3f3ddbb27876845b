package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongket/tongket/demo"
)

// TestAwardsRoundTrip: the roster workbook `awards export` writes, given
// to `awards import` on a fresh database, is the same roster: its JSON
// export is byte for byte the one it was written from. So is the same
// workbook after an officer opened and saved it in LibreOffice.
func TestAwardsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	rosters, err := demo.WriteRosters(dir)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, dir, "awards", "import", rosters); code != exitRefused || !strings.Contains(out, "Đã lưu 1 danh sách (92 tập thể, cá nhân), từ chối 1") {
		t.Fatalf("import the demo's rosters: %d\n%s", code, out)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "xlsx", "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	_, want, _ := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "json")
	written := filepath.Join(out, "khen-thuong-2019-2024.xlsx")

	again := func(t *testing.T, file string) {
		t.Helper()
		fresh := t.TempDir()
		code, stdout, stderr := run(t, fresh, "awards", "import", file)
		if code != 0 || !strings.Contains(stdout, "Đã lưu 1 danh sách (92 tập thể, cá nhân), từ chối 0") {
			t.Fatalf("import the written roster: exit %d\n%s%s", code, stdout, stderr)
		}
		if _, got, _ := run(t, fresh, "awards", "export", "--period", "2019-2024", "--format", "json"); got != want {
			t.Errorf("the roster read back differs from the one written:\n%s\nwant\n%s", got[:min(len(got), 600)], want[:min(len(want), 600)])
		}
	}
	t.Run("as written", func(t *testing.T) { again(t, written) })
	t.Run("saved by LibreOffice", func(t *testing.T) {
		if _, err := exec.LookPath("soffice"); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("soffice is missing in CI")
			}
			t.Skip("soffice missing")
		}
		tmp := t.TempDir()
		cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"), "--headless",
			"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(tmp, "lo"), written)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
		again(t, filepath.Join(tmp, "lo", "khen-thuong-2019-2024.xlsx"))
	})
}

// TestAwardsTwoCommunes: two communes that both send "DS khen
// thuong.xlsx" are two rosters, and the counts the import prints say so.
func TestAwardsTwoCommunes(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	for sub, fixture := range map[string]string{"xa-an-dong": "two-sheets.xlsx", "phuong-lach-tray": "printed-layout.xlsx"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "roster", "testdata", "offices", fixture))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(inbox, sub), 0o755)
		if err := os.WriteFile(filepath.Join(inbox, sub, "DS khen thuong.xlsx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := run(t, dir, "awards", "import", inbox)
	if code != 0 || !strings.Contains(out, "Đã lưu 2 danh sách (10 tập thể, cá nhân), từ chối 0") || strings.Contains(out, "thay cho") {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	if _, js, _ := run(t, dir, "awards", "export", "--period", "2019-2024", "--format", "json"); !strings.Contains(js, `"total": 10`) {
		t.Errorf("export after two communes:\n%s", js[:min(len(js), 400)])
	}
}
