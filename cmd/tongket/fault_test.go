package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/tongket/tongket/store"
)

// Failure places: each refusal exits 2 with a Vietnamese sentence naming
// what is wrong, and changes nothing — not the database, not the files.
// Paths under a regular file stand for folders that cannot be written:
// they fail for root too, which ignores permissions.

// snapshot is the files of a folder tree with their hashes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			m[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		m[rel] = hex.EncodeToString(h[:])
		return nil
	})
	return m
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if w, ok := after[k]; !ok {
			t.Errorf("%s is gone", k)
		} else if w != v {
			t.Errorf("%s changed", k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s appeared", k)
		}
	}
}

// refused runs a command expected to fail: exit 2, a Vietnamese message
// containing want, and dir unchanged.
func refused(t *testing.T, dir string, want string, args ...string) string {
	t.Helper()
	before := snapshot(t, dir)
	code, stdout, stderr := run(t, dir, args...)
	if code != exitFailed {
		t.Errorf("exit %d, want 2\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}
	if !vietnamese(stderr) {
		t.Errorf("not a Vietnamese message: %q", stderr)
	}
	sameTree(t, before, snapshot(t, dir))
	return stderr
}

// vietnamese reports whether the error line ("tongket: …") of s has
// Vietnamese letters.
func vietnamese(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "tongket: ") {
			return strings.ContainsAny(line, "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ")
		}
	}
	return false
}

// filled is a test folder whose database holds one demo file and the demo
// rosters, and a regular file "tep" to put paths under.
func filled(t *testing.T) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	in := inbox(t, dir)
	if code, _, stderr := run(t, dir, "ingest", filepath.Join(in, "01-hong-bang.xlsx")); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	file = filepath.Join(dir, "tep")
	os.WriteFile(file, []byte("một tệp thường, không phải thư mục"), 0o644)
	return dir, file
}

// TestFaultOutputNotWritable: outputs into a folder that cannot be
// written are refused whole, the database untouched.
func TestFaultOutputNotWritable(t *testing.T) {
	dir, file := filled(t)
	blocked := filepath.Join(dir, "chan")
	os.MkdirAll(filepath.Join(blocked, "tong-ket-2019-2024.xlsx"), 0o755) // a folder where the file should go
	tests := []struct {
		name string
		want string
		args []string
	}{
		{"summarize into a folder under a file", "không tạo được thư mục", []string{"summarize", "--period", "2019-2024", "-o", filepath.Join(file, "bao-cao")}},
		{"summarize json under a file", "không ghi được tệp", []string{"summarize", "--period", "2019-2024", "--format", "json", "-o", filepath.Join(file, "tk.json")}},
		{"summarize over a folder", "không ghi được báo cáo", []string{"summarize", "--period", "2019-2024", "--format", "xlsx", "-o", blocked}},
		{"awards export into a folder under a file", "không tạo được thư mục", []string{"awards", "export", "--period", "2019-2024", "-o", filepath.Join(file, "kt")}},
		{"awards export json under a file", "không ghi được", []string{"awards", "export", "--period", "2019-2024", "--format", "json", "-o", filepath.Join(file, "kt.json")}},
		{"backup under a file", "Không tạo được tệp trong thư mục", []string{"backup", "-o", filepath.Join(file, "sao-luu.db")}},
		{"backup into a missing folder", "Không tạo được tệp trong thư mục", []string{"backup", "-o", filepath.Join(dir, "khong-co", "sao-luu.db")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refused(t, dir, tt.want, tt.args...)
		})
	}
}

// TestFaultDatabasePlace: a database path that cannot be a database file.
func TestFaultDatabasePlace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep")
	os.WriteFile(file, []byte("x"), 0o644)
	folder := filepath.Join(dir, "thu-muc")
	os.MkdirAll(folder, 0o755)
	commands := [][]string{{"init"}, {"history"}, {"summarize", "--period", "2019-2024", "--format", "json"}, {"backup", "-o", filepath.Join(dir, "b.db")}}
	for _, c := range commands {
		t.Run("under a file: "+c[0], func(t *testing.T) {
			msg := refused(t, dir, filepath.Join(file, "t.db"), append([]string{"--db", filepath.Join(file, "t.db")}, c...)...)
			if strings.Contains(msg, "bị hỏng") && c[0] != "backup" {
				t.Errorf("the message claims damage for a folder that does not exist: %s", msg)
			}
		})
		t.Run("a folder: "+c[0], func(t *testing.T) {
			want := "không phải là cơ sở dữ liệu"
			if c[0] == "backup" {
				want = "không có cơ sở dữ liệu"
			}
			refused(t, dir, want, append([]string{"--db", folder}, c...)...)
		})
	}
	if os.Geteuid() != 0 {
		t.Run("read-only file", func(t *testing.T) {
			db := filepath.Join(dir, "chi-doc.db")
			if code, _, stderr := run(t, dir, "--db", db, "init"); code != 0 {
				t.Fatal(stderr)
			}
			os.Chmod(db, 0o444)
			defer os.Chmod(db, 0o644)
			in := inbox(t, t.TempDir())
			sum := snapshot(t, dir)["chi-doc.db"]
			code, _, stderr := run(t, dir, "--db", db, "ingest", filepath.Join(in, "01-hong-bang.xlsx"))
			if code != exitFailed || !strings.Contains(stderr, "chỉ đọc") || !vietnamese(stderr) {
				t.Errorf("exit %d, %q: want 2 and the read-only hint", code, stderr)
			}
			// SQLite may leave an empty -wal and -shm beside a file it can
			// only read; the database itself is as it was.
			if snapshot(t, dir)["chi-doc.db"] != sum {
				t.Errorf("the read-only database changed")
			}
		})
	}
}

// TestFaultNotADatabase: every command refuses a database file that is not
// SQLite, leaving it as it is.
func TestFaultNotADatabase(t *testing.T) {
	dir := t.TempDir()
	in := inbox(t, dir)
	db := filepath.Join(dir, "t.db")
	os.WriteFile(db, []byte("Biên bản họp Ban Chỉ đạo — không phải cơ sở dữ liệu"), 0o644)
	for _, c := range [][]string{
		{"init"}, {"ingest", filepath.Join(in, "01-hong-bang.xlsx")}, {"summarize", "--period", "2019-2024", "--format", "json"},
		{"history"}, {"status", "--period", "2019-2024"}, {"revert", "1"}, {"config"},
		{"awards", "export", "--period", "2019-2024", "--format", "json"}, {"backup", "-o", filepath.Join(dir, "b.db")},
	} {
		t.Run(strings.Join(c, " "), func(t *testing.T) {
			refused(t, dir, "không phải là cơ sở dữ liệu của tongket", c...)
		})
	}
}

// TestFaultNewerDatabase: a database written by a newer tongket is refused
// by every command, and not migrated down.
func TestFaultNewerDatabase(t *testing.T) {
	dir, _ := filled(t)
	raw, err := sql.Open("sqlite", filepath.Join(dir, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, strconv.Itoa(store.SchemaVersion+1)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	in := filepath.Join(dir, "inbox")
	for _, c := range [][]string{
		{"init"}, {"ingest", filepath.Join(in, "02-ngo-quyen.xlsx")}, {"summarize", "--period", "2019-2024", "--format", "json"},
		{"history"}, {"revert", "1"}, {"config", "set", "place", "Hải Phòng"},
		{"awards", "import", filepath.Join(dir, "inbox")}, {"backup", "-o", filepath.Join(dir, "b.db")},
	} {
		t.Run(strings.Join(c, " "), func(t *testing.T) {
			refused(t, dir, "phiên bản tongket mới hơn", c...)
		})
	}
}

// TestBackupRestoreCommands runs backup and restore end to end.
func TestBackupRestoreCommands(t *testing.T) {
	dir, _ := filled(t)
	before := summarize(t, dir)
	bak := filepath.Join(dir, "sao-luu.db")
	code, out, stderr := run(t, dir, "backup", "-o", bak)
	if code != 0 || !strings.HasPrefix(out, bak+" (") || !strings.Contains(out, "KB)") || !strings.Contains(stderr, "Đã sao lưu 1 lần nộp") {
		t.Fatalf("backup: %d %q %q", code, out, stderr)
	}
	refused(t, dir, "đã có", "backup", "-o", bak)
	refused(t, dir, "phải khác tệp cơ sở dữ liệu", "backup", "-o", filepath.Join(dir, "t.db"), "--force")
	if code, _, stderr := run(t, dir, "backup", "-o", bak, "--force"); code != 0 {
		t.Fatalf("backup --force: %s", stderr)
	}
	// Into a folder: a name of its own.
	code, out, _ = run(t, dir, "backup", "-o", filepath.Join(dir, "cac-ban-sao")+string(filepath.Separator))
	if p, _, _ := strings.Cut(out, " ("); code != 0 || !strings.HasPrefix(filepath.Base(p), "tongket-sao-luu-") {
		t.Fatalf("backup into a folder: %d %q", code, out)
	} else if _, err := store.CheckFile(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	// No database: nothing to back up, and none created.
	empty := t.TempDir()
	refused(t, empty, "không có cơ sở dữ liệu", "backup", "-o", filepath.Join(empty, "b.db"))

	if code, out, _ := run(t, dir, "restore", "--dry-run", bak); code != 0 || !strings.Contains(out, "hợp lệ, 1 lần nộp") {
		t.Fatalf("restore --dry-run: %d %q", code, out)
	}
	in := filepath.Join(dir, "inbox")
	if code, _, _ := run(t, dir, "ingest", filepath.Join(in, "02-ngo-quyen.xlsx")); code != 0 {
		t.Fatal("ingest")
	}
	if summarize(t, dir) == before {
		t.Fatal("the second file changed nothing")
	}
	code, _, stderr = run(t, dir, "restore", bak)
	if code != 0 || !strings.Contains(stderr, "Đã khôi phục") || !strings.Contains(stderr, "Cơ sở dữ liệu cũ được giữ tại "+filepath.Join(dir, "t.db")+store.KeptSuffix) {
		t.Fatalf("restore: %d %s", code, stderr)
	}
	if summarize(t, dir) != before {
		t.Error("the summary after the restore is not the one of the backup")
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "t.db"+store.KeptSuffix+"*"))
	if len(kept) != 1 {
		t.Fatalf("kept copies %v", kept)
	}
	if code, out, _ := run(t, dir, "--db", kept[0], "history"); code != 0 || strings.Count(out, "hiệu lực") != 2 {
		t.Errorf("the kept copy's history:\n%s", out)
	}
	if slices.ContainsFunc(listNames(t, dir), func(n string) bool { return strings.HasPrefix(n, ".tongket") }) {
		t.Errorf("temporary files left: %v", listNames(t, dir))
	}
	for _, c := range [][]string{{"backup", "--help"}, {"restore", "--help"}} {
		if _, out, _ := run(t, dir, c...); !strings.Contains(out, "EXIT STATUS") || !strings.Contains(out, "Examples:") {
			t.Errorf("%s lacks the exit status or examples:\n%s", c[0], out)
		}
	}
}

func listNames(t *testing.T, dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// TestFaultRestore: restore refuses what is not a whole tongket database it
// can use, with exit 2, changing nothing.
func TestFaultRestore(t *testing.T) {
	dir, _ := filled(t)
	src := t.TempDir()
	good := filepath.Join(src, "tot.db")
	if code, _, stderr := run(t, dir, "backup", "-o", good); code != 0 {
		t.Fatal(stderr)
	}
	goodBytes, _ := os.ReadFile(good)
	write := func(name string, b []byte) string {
		p := filepath.Join(src, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	withSQL := func(name string, stmts ...string) string {
		p := write(name, goodBytes)
		raw, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		for _, q := range stmts {
			if _, err := raw.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	other := filepath.Join(src, "khac.db")
	raw, _ := sql.Open("sqlite", other)
	raw.Exec(`CREATE TABLE contacts(name TEXT)`)
	raw.Close()
	truncated := write("cat-doi.db", goodBytes[:len(goodBytes)/2])
	mangled := slices.Clone(goodBytes)
	// Data pages in the second half, away from the schema and meta.
	for i := len(mangled) / 2 / 4096 * 4096; i < len(mangled)-4096; i += 3 * 4096 {
		copy(mangled[i:], bytes.Repeat([]byte{0xA5}, 64))
	}
	tests := []struct{ name, file, want string }{
		{"missing", filepath.Join(src, "khong-co.db"), "Không tìm thấy tệp"},
		{"a letter", write("thu.txt", []byte("Kính gửi Ban Chỉ đạo")), "không phải là cơ sở dữ liệu của tongket"},
		{"another program's SQLite", other, "không phải của tongket"},
		{"truncated", truncated, "bị hỏng"},
		{"pages overwritten", write("hong.db", mangled), "bị hỏng"},
		{"a newer tongket", withSQL("moi.db", `UPDATE meta SET value = '`+strconv.Itoa(store.SchemaVersion+1)+`' WHERE key = 'schema_version'`), "phiên bản tongket mới hơn"},
		{"no submissions table", withSQL("thieu.db", `DROP TABLE audit`, `DROP VIEW current`, `DROP VIEW figures`, `DROP TABLE submission_figures`, `DROP TABLE series`, `DROP TABLE submissions`), "không phải của tongket"},
		{"the database itself", filepath.Join(dir, "t.db"), "chính là cơ sở dữ liệu đang dùng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srcBefore := snapshot(t, src)
			refused(t, dir, tt.want, "restore", tt.file)
			if tt.name != "the database itself" { // a valid file: checking it is fine
				refused(t, dir, tt.want, "restore", "--dry-run", tt.file)
			}
			sameTree(t, srcBefore, snapshot(t, src))
		})
	}
}
