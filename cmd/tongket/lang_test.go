package main

import (
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/store"
)

// vietLetter matches a letter only Vietnamese writes (ă â đ ê ô ơ ư and
// the tone marks), not in any English sentence.
var vietLetter = regexp.MustCompile(`[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]`)

// commandPaths lists every runnable command, e.g. ["awards", "export"].
func commandPaths() [][]string {
	a := &app{out: io.Discard, errOut: io.Discard, now: time.Now}
	var out [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			p := append(append([]string(nil), path...), sub.Name())
			if sub.Runnable() {
				out = append(out, p)
			}
			walk(sub, p)
		}
	}
	walk(a.rootCmd(), nil)
	return out
}

// TestOneLanguage: every command's refusals — a flag it does not know, a
// database it cannot make, a file that is not there — speak English with
// --lang en (no Vietnamese letter in them) and Vietnamese by default.
func TestOneLanguage(t *testing.T) {
	paths := commandPaths()
	if len(paths) < 15 {
		t.Fatalf("only %d commands found", len(paths))
	}
	missing := filepath.Join(t.TempDir(), "khong", "co.db")
	for _, p := range paths {
		cases := [][]string{
			append(append([]string{}, p...), "--khong-co-co-nay"),
			append([]string{"--db", missing}, append(p, filepath.Join(t.TempDir(), "missing.xlsx"))...),
		}
		for _, args := range cases {
			for _, l := range []string{"en", "vi"} {
				var out, errOut strings.Builder
				code := Main(append([]string{"--lang", l}, args...), &out, &errOut)
				if code == exitOK {
					continue // nothing refused: the command had nothing to open
				}
				// A failure is told on stderr; refused input (exit 1) is
				// reported on stdout.
				msg := errOut.String()
				if strings.TrimSpace(msg) == "" {
					msg = out.String()
				}
				first, _, _ := strings.Cut(msg, "\n")
				switch {
				case l == "en" && vietLetter.MatchString(first):
					t.Errorf("%v --lang en: %q", args, first)
				case l == "vi" && !vietLetter.MatchString(first):
					t.Errorf("%v --lang vi: %q has no Vietnamese", args, first)
				}
			}
		}
	}
}

// TestStoreTexts: every store error code is worded in both languages.
func TestStoreTexts(t *testing.T) {
	fallback := storeText(&store.Error{Code: "no-such-code", Path: "x.db"}).EN
	for _, code := range []string{store.CodeFolderMissing, store.CodeOpenFailed, store.CodeUnreadable, store.CodeNotTongket,
		store.CodeForeignDB, store.CodeCorrupt, store.CodeNewerSchema, store.CodeWriteFailed, store.CodeBusy, store.CodeDiskFull,
		store.CodeReadOnly, store.CodeNotFound, store.CodeNotAFile, store.CodeCannotWrite, store.CodeFolderUnwritable,
		store.CodeDBIsFolder, store.CodeBackupNoName, store.CodeBackupSameFile, store.CodeBackupIsFolder, store.CodeBackupExists,
		store.CodeBackupWrite, store.CodeBackupDiskFull, store.CodeBackupCheckFailed, store.CodeBackupFileIsFolder,
		store.CodeBackupUnfinished, store.CodeBackupNotTongket, store.CodeBackupForeign, store.CodeBackupCorrupt,
		store.CodeRestoreSameFile, store.CodeRestoreCopy, store.CodeRestoreForeignTarget, store.CodeRestoreOpenCopy,
		store.CodeRestorePrepare, store.CodeRestoreKeep, store.CodeRestoreRename, store.CodeRestoreWrite} {
		txt := storeText(&store.Error{Code: code, Path: "x.db", Name: "y.db"})
		if txt.EN == fallback || vietLetter.MatchString(txt.EN) || !vietLetter.MatchString(txt.VI) {
			t.Errorf("%s: %+v", code, txt)
		}
	}
}
