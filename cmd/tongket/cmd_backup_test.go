package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tongket/tongket/lang"
)

func TestBackupRestoreFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want backupOptions
	}{
		{nil, backupOptions{}},
		{[]string{"-o", "sao-luu/", "--force"}, backupOptions{output: "sao-luu/", force: true}},
		{[]string{"--output=b.db"}, backupOptions{output: "b.db"}},
	} {
		var got *backupOptions
		if err := execute(newBackupCmd(noDeps, func(_ context.Context, o *backupOptions) error { got = o; return nil }), tt.args...); err != nil || got == nil {
			t.Fatalf("backup %v: %v", tt.args, err)
		}
		if got.deps = (deps{}); !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("backup %v: %+v, want %+v", tt.args, *got, tt.want)
		}
	}
	if err := execute(newBackupCmd(noDeps, nil), "extra"); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("backup with an argument: %v", err)
	}
	for _, tt := range []struct {
		args []string
		want restoreOptions
	}{
		{[]string{"b.db"}, restoreOptions{file: "b.db"}},
		{[]string{"--dry-run", "b.db"}, restoreOptions{file: "b.db", dryRun: true}},
	} {
		var got *restoreOptions
		if err := execute(newRestoreCmd(noDeps, func(_ context.Context, o *restoreOptions) error { got = o; return nil }), tt.args...); err != nil || got == nil {
			t.Fatalf("restore %v: %v", tt.args, err)
		}
		if got.deps = (deps{}); !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("restore %v: %+v, want %+v", tt.args, *got, tt.want)
		}
	}
	if err := execute(newRestoreCmd(noDeps, nil)); err == nil || !strings.Contains(err.Error(), "accepts 1 arg") {
		t.Errorf("restore without a file: %v", err)
	}
}

// TestRunBackupRestore: a backup into a folder is named by the clock; the
// status lines follow the language and --quiet; restore --dry-run checks in
// the chosen language; restore brings the backup back.
func TestRunBackupRestore(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	d, _, _ := testDeps(t, dir)
	if err := runInit(ctx, &initOptions{deps: d}); err != nil {
		t.Fatal(err)
	}

	d, stdout, stderr := testDeps(t, dir)
	d.lang = lang.EN
	folder := filepath.Join(dir, "sao-luu") + string(filepath.Separator)
	if err := runBackup(ctx, &backupOptions{deps: d, output: folder}); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(dir, "sao-luu", "tongket-sao-luu-20250115-090000.db")
	if !strings.HasPrefix(stdout.String(), bak+" (") {
		t.Errorf("stdout %q, want the path %s and its size", stdout, bak)
	}
	if want := "Backed up 0 submissions and 0 award rosters. Restore with: tongket restore " + bak + "\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}

	d, _, stderr = testDeps(t, dir)
	d.quiet = true
	err := runBackup(ctx, &backupOptions{deps: d, output: folder})
	if !strings.Contains(said(err, lang.VI), "đã có: hãy chọn tên khác, hoặc thêm --force") || stderr.Len() != 0 {
		t.Errorf("again without --force: %q, stderr %q", said(err, lang.VI), stderr)
	}

	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		d, stdout, _ := testDeps(t, dir)
		d.lang = l
		if err := runRestore(ctx, &restoreOptions{deps: d, file: bak, dryRun: true}); err != nil {
			t.Fatal(err)
		}
		want := map[lang.Lang]string{lang.VI: bak + ": hợp lệ, 0 lần nộp, 0 danh sách khen thưởng (lược đồ ",
			lang.EN: bak + ": valid, 0 submissions, 0 award rosters (schema "}[l]
		if !strings.HasPrefix(stdout.String(), want) {
			t.Errorf("restore --dry-run %s: %q, want %q…", l, stdout, want)
		}
	}

	d, _, stderr = testDeps(t, dir)
	if err := runRestore(ctx, &restoreOptions{deps: d, file: bak}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stderr.String(), "Đã khôi phục "+d.dbPath+" từ "+bak+": 0 lần nộp") ||
		!strings.Contains(stderr.String(), "Cơ sở dữ liệu cũ được giữ tại "+d.dbPath) {
		t.Errorf("restore: %q", stderr)
	}
	d, _, _ = testDeps(t, dir)
	if err := runRestore(ctx, &restoreOptions{deps: d, file: d.dbPath}); !strings.Contains(said(err, lang.EN), "is the database itself (--db)") {
		t.Errorf("restore of the database itself: %v", err)
	}
}

// TestBackupFolderRefused: a backup folder that cannot be made is told in
// both languages, with the system's error beneath, and nothing is written.
func TestBackupFolderRefused(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	d, _, _ := testDeps(t, dir)
	if err := runInit(ctx, &initOptions{deps: d}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "tep")
	if err := os.WriteFile(file, []byte("một tệp thường"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(file, "sao-luu") + string(filepath.Separator)
	d, stdout, stderr := testDeps(t, dir)
	err := runBackup(ctx, &backupOptions{deps: d, output: folder})
	var ue *userError
	if said(err, lang.VI) != "không tạo được thư mục "+folder+"." || said(err, lang.EN) != "cannot create the folder "+folder+"." ||
		!errors.As(err, &ue) || ue.err == nil || stdout.Len() != 0 || stderr.Len() != 0 {
		t.Errorf("%q / %q (%v), stdout %q, stderr %q", said(err, lang.VI), said(err, lang.EN), err, stdout, stderr)
	}
}
