// Package demo runs tongket's main job on the bundled sample: submissions of
// about a dozen districts of Hải Phòng for 2008–2024, in both layouts, with a
// corrected resubmission and one file with mistakes that is rightly refused.
// The workbooks are embedded, so the demo works from the binary alone.
package demo

import (
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/publish"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
)

//go:embed inbox/*.xlsx rosters/*.xlsx
var inbox embed.FS

// Periods summarized by the demo: the 10-year and the 5-year review.
var Periods = []summary.Period{{From: 2013, To: 2023}, {From: 2019, To: 2024}}

// Settings are the demo's report settings: the city police compiling its
// districts (names of people are fictional).
var Settings = map[string]string{
	"parent-agency": "BỘ CÔNG AN",
	"agency":        "CÔNG AN THÀNH PHỐ HẢI PHÒNG",
	"place":         "Hải Phòng",
	"signer-title":  "GIÁM ĐỐC",
	"signer-name":   "Nguyễn Văn Minh",
	"recipients":    "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc (để b/c)\nThường trực Thành ủy (để b/c)\nUBND thành phố (để b/c)\nCông an các quận, huyện\nLưu: VT, PV05",
	"unit-code":     "HP",
	"unit-name":     "Thành phố Hải Phòng",
}

// DBName is the demo database's file name inside the demo folder.
const DBName = "tongket-demo.db"

// Options configure the demo.
type Options struct {
	Dir  string // where the inbox, database and summaries go
	Lang lang.Lang
	Now  func() time.Time
}

// WriteInbox copies the bundled submissions into dir/inbox.
func WriteInbox(dir string) (string, error) { return copyOut(dir, "inbox") }

// WriteRosters copies the bundled award rosters into dir/rosters.
func WriteRosters(dir string) (string, error) { return copyOut(dir, "rosters") }

func copyOut(dir, name string) (string, error) {
	dst := filepath.Join(dir, name)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", fmt.Errorf("demo %s: %w", name, err)
	}
	err := fs.WalkDir(inbox, name, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := inbox.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, d.Name()), b, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("demo %s: %w", name, err)
	}
	return dst, nil
}

// Run ingests the sample into a new database in opt.Dir and writes the
// 10-year and 5-year summaries, as JSON files and as text on out.
func Run(ctx context.Context, out io.Writer, opt Options) error {
	// say prints one of the demo's own lines in the chosen language.
	say := func(vi, en string, args ...any) { fmt.Fprint(out, lang.F(vi, en, args...).In(opt.Lang)) }
	in, err := WriteInbox(opt.Dir)
	if err != nil {
		return err
	}
	dbPath := filepath.Join(opt.Dir, DBName)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("demo: remove old database: %w", err)
		}
	}
	db, err := store.Open(ctx, dbPath, store.Options{Now: opt.Now})
	if err != nil {
		return err
	}
	defer db.Close()

	// The settings go in as "tongket config set" puts them: a key of the
	// report document, a value that setting accepts.
	for k, v := range Settings {
		_, value, err := report.SettingValue(k, v)
		if err != nil {
			return fmt.Errorf("demo setting %s: %w", k, err)
		}
		if err := db.SetSetting(ctx, k, value); err != nil {
			return err
		}
	}

	say("== tongket demo: nhập các biểu số liệu mẫu từ %s\n\n", "== tongket demo: ingesting the sample submissions from %s\n\n", in)
	res, err := intake.Ingest(ctx, db, []string{in}, intake.Options{Now: opt.Now})
	if err != nil {
		return err
	}
	if err := res.WriteText(out, opt.Lang); err != nil {
		return err
	}
	say("(Tệp kien-an-loi.xlsx cố ý có lỗi để minh họa: nó bị từ chối toàn bộ, không số liệu nào của nó được lưu.)\n",
		"(kien-an-loi.xlsx has mistakes on purpose: it is refused whole, none of its figures is stored.)\n")

	rosters, err := WriteRosters(opt.Dir)
	if err != nil {
		return err
	}
	say("\n== Nhập danh sách khen thưởng từ %s\n\n", "\n== Importing the award rosters from %s\n\n", rosters)
	ares, err := intake.ImportAwards(ctx, db, []string{rosters}, intake.Options{Now: opt.Now})
	if err != nil {
		return err
	}
	if err := ares.WriteText(out, opt.Lang); err != nil {
		return err
	}
	say("(Tệp khen-thuong-loi.xlsx cố ý có lỗi: bị từ chối toàn bộ.)\n", "(khen-thuong-loi.xlsx has mistakes on purpose: it is refused whole.)\n")
	for _, p := range Periods {
		po := publish.Options{Period: p, Formats: report.FileFormats, Dir: opt.Dir, Lang: opt.Lang, Now: opt.Now}
		inputs, err := publish.Load(ctx, db, po)
		if err != nil {
			return err
		}
		// The office has written its sections, so the report reads like a
		// finished one.
		sections := filepath.Join(opt.Dir, report.SectionsFileName(p))
		if err := writeSections(sections, inputs.Summary, inputs.Document, inputs.Roster); err != nil {
			return err
		}
		written, err := inputs.Write(po)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n")
		po.Formats, po.Out = []string{"text"}, out
		if _, err := inputs.Write(po); err != nil {
			return err
		}
		say("\nĐã ghi:\n", "\nWritten:\n")
		for _, p := range written.Files {
			fmt.Fprintf(out, "  %s\n", p)
		}
		say("  %s (phần đơn vị tự viết, sửa bằng Word rồi lập lại báo cáo)\n", "  %s (the office's own sections: edit in Word, then summarize again)\n", sections)
		say("(%d mục đơn vị tự viết còn để trống \"[Đơn vị bổ sung: …]\" trong báo cáo.)\n",
			"(%d sections the office writes itself are still blank \"[Đơn vị bổ sung: …]\" in the report.)\n", len(written.Blanks))
	}
	last := Periods[len(Periods)-1]
	aw, err := publish.Roster(ctx, db, publish.RosterOptions{Period: last, Formats: report.FileFormats, Output: opt.Dir, Lang: opt.Lang, Now: opt.Now})
	if err != nil {
		return err
	}
	say("\nKhen thưởng giai đoạn %s: %s\nĐã ghi:\n", "\nAwards %s: %s\nWritten:\n", last, aw.Line)
	for _, p := range aw.Files {
		fmt.Fprintf(out, "  %s\n", p)
	}
	say("\nCơ sở dữ liệu mẫu: %s\nThử tiếp: tongket --db %s status --period 2013-2023\n",
		"\nSample database: %s\nTry next: tongket --db %s status --period 2013-2023\n", dbPath, dbPath)
	return nil
}
