package main

import (
	"context"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/demo"
	"github.com/tongket/tongket/publish"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
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
			append(append([]string{}, p...), "--format", "khong-co"),
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
				case strings.Contains(msg, "%!"):
					t.Errorf("%v --lang %s: arguments that do not fit the wording: %q", args, l, msg)
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
		store.CodeDBIsFolder, store.CodeBackupNoName, store.CodeBackupSameFile, store.CodeBackupIsFolder, store.CodeBackupFolder, store.CodeBackupExists,
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

// TestPublishTexts: every publish error code is worded in both languages,
// its arguments fitting the wording.
func TestPublishTexts(t *testing.T) {
	fallback := publishText(&publish.Error{Code: "no-such-code"}).EN
	for _, code := range []string{publish.CodeNoIndicator, publish.CodeNarrative, publish.CodeBuild, publish.CodeFolder,
		publish.CodeWriteReport, publish.CodeWriteFile, publish.CodeWriteRoster, publish.CodeNoForm, publish.CodeNoOrganisation} {
		txt := publishText(&publish.Error{Code: code, Path: "x", Choices: []string{"a", "b"}})
		if txt.EN == fallback || vietLetter.MatchString(txt.EN) || !vietLetter.MatchString(txt.VI) ||
			strings.Contains(txt.VI+txt.EN, "%!") {
			t.Errorf("%s: %+v", code, txt)
		}
	}
}

// dataWords are the words of the names tongket prints as they are in
// either language, lowercased: the catalog's indicators, organisations
// and award forms, the units of the database at dbPath, and the marker
// the report prints where the office has not written ("[Đơn vị bổ sung:
// …]").
func dataWords(t *testing.T, dbPath string) map[string]bool {
	t.Helper()
	cat := catalog.Builtin()
	names := append(append([]string{"[Đơn vị bổ sung: …]"}, cat.Organisations...), cat.AwardForms...)
	for _, ind := range cat.Indicators {
		names = append(names, ind.Name)
	}
	db, err := store.Open(context.Background(), dbPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Summarize(context.Background(), summary.Period{From: 2002, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range s.Units {
		names = append(names, u.Name)
	}
	words := map[string]bool{}
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			words[strings.ToLower(strings.Trim(w, wordTrim))] = true
		}
	}
	return words
}

const wordTrim = `"'()[],.;:!?*…`

// foreignWords are the words of line with a Vietnamese letter that are
// not words of the data's names (a name clipped with "…" counts as its
// name).
func foreignWords(line string, data map[string]bool) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		w := strings.ToLower(strings.Trim(f, wordTrim))
		if !vietLetter.MatchString(w) || data[w] {
			continue
		}
		if strings.HasSuffix(f, "…") && slices.ContainsFunc(slices.Collect(maps.Keys(data)), func(d string) bool { return strings.HasPrefix(d, w) }) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// TestEnglishOutputs: with --lang en, what tongket itself says in the
// demo (its lines, the summary table and its notes, the roster's counts
// line, the progress of its files), in config and its refusals and in the
// settings' help, has no Vietnamese word but the names of the data (units,
// indicators, organisations, forms) and the files' own lines, which the
// intake tests sweep. The report itself is the Vietnamese document: its
// text, introduced in English, is left out.
func TestEnglishOutputs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "demo")
	code, stdout, stderr := run(t, dir, "--lang", "en", "demo", "-o", out)
	if code != exitOK {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	data := dataWords(t, filepath.Join(out, demo.DBName))
	inReport, checked := false, 0
	for _, line := range strings.Split(stdout, "\n") {
		switch {
		case line == "The report, in Vietnamese as it is sent:":
			inReport = true
		case line == "Written:":
			inReport = false
		}
		if inReport || strings.HasPrefix(line, out) {
			continue
		}
		checked++
		if w := foreignWords(line, data); len(w) > 0 {
			t.Errorf("demo --lang en: %v in %q", w, line)
		}
	}
	for _, want := range []string{"SUMMARY OF 10 YEARS, 2013–2023", "No. Indicator Period total 2002–2012 Change Coverage Previous", "yearly reports received",
		"The period 2002–2012 has figures for only 41/132 unit-years (31,1%), so the two periods are not compared",
		"(*) Years lacking some units' reports", "Not reported:", "92 commended, of whom 23 collectives, 69 individuals"} {
		if !strings.Contains(strings.Join(strings.Fields(stdout), " "), want) {
			t.Errorf("demo --lang en lacks %q", want)
		}
	}
	if checked < 60 {
		t.Errorf("only %d lines of the demo checked", checked)
	}

	// What the officer typed is quoted back as typed.
	quoted := regexp.MustCompile(`"[^"]*"`)
	db := filepath.Join(dir, "t.db")
	for _, args := range [][]string{{"config"}, {"config", "set", "date", "32/13/2024"}, {"config", "set", "place", "Hải Phòng"},
		{"summarize", "--period", "2019-2024", "--date", "hôm qua"}, {"summarize", "--period", "2019-2024", "--format", "odt"}} {
		_, o, e := run(t, dir, append([]string{"--lang", "en"}, args...)...)
		for _, line := range strings.Split(o+e, "\n") {
			if w := foreignWords(quoted.ReplaceAllString(line, ""), map[string]bool{}); len(w) > 0 {
				t.Errorf("%v --lang en: %v in %q", args, w, line)
			}
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}

	// The settings' help is told in a refusal in the chosen language;
	// only the examples in quotes are Vietnamese.
	for _, s := range report.Settings {
		if vietLetter.MatchString(quoted.ReplaceAllString(s.Help.EN, "")) || !vietLetter.MatchString(s.Help.VI) {
			t.Errorf("%s: %+v", s.Key, s.Help)
		}
	}
}

// TestWrongArguments: a command given too few or too many arguments, or a
// command tongket does not have, is told so in the chosen language with
// where its use is told, not "check the files and permissions".
func TestWrongArguments(t *testing.T) {
	for _, tt := range []struct {
		args []string
		vi   string
	}{
		{[]string{"validate"}, `lệnh "tongket validate" không nhận số tham số này (0). Xem cách dùng: tongket validate --help.`},
		{[]string{"revert"}, `Xem cách dùng: tongket revert --help.`},
		{[]string{"status", "thua"}, `Xem cách dùng: tongket status --help.`},
		{[]string{"khong-co-lenh"}, `không có lệnh này. Xem các lệnh của tongket: tongket --help.`},
	} {
		for _, l := range []string{"vi", "en"} {
			var out, errOut strings.Builder
			code := Main(append([]string{"--lang", l, "--db", filepath.Join(t.TempDir(), "t.db")}, tt.args...), &out, &errOut)
			first, _, _ := strings.Cut(errOut.String(), "\n")
			switch {
			case code != exitFailed:
				t.Errorf("%v: exit %d", tt.args, code)
			case l == "vi" && !strings.Contains(first, tt.vi):
				t.Errorf("%v: %q, want %q", tt.args, first, tt.vi)
			case l == "en" && (vietLetter.MatchString(first) || !strings.Contains(first, "--help")):
				t.Errorf("%v --lang en: %q", tt.args, first)
			}
		}
	}
}
