package publish

import (
	"context"
	"io"
	"os"
	"slices"
	"time"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
)

// RosterOptions say which award roster of a period to make, and where.
type RosterOptions struct {
	Period summary.Period
	// Formats are report.FileFormats, written as files into Output; json
	// alone goes to the screen unless Output is a folder.
	Formats []string
	// Output is the folder of the files ("" the current one); for json
	// alone, the file, or Out when "" or "-".
	Output string
	Out    io.Writer
	// Form and Organisation keep only the awards of that form, of that
	// organisation, when not "".
	Form, Organisation string
	Lang               lang.Lang
	Now                func() time.Time
}

// RosterResult is what making a roster's outputs did.
type RosterResult struct {
	// Screen: the roster went out as JSON, on Out or into the file Output.
	Screen bool
	// Files written into the folder, in the order of the formats.
	Files []string
	// Line is the counts line ("92 gương điển hình tiên tiến, …").
	Line lang.Text
}

// Roster makes the period's award roster from db, in the order it is
// printed (tập thể, then cá nhân; by organisation; by given name).
func Roster(ctx context.Context, db *store.DB, opt RosterOptions) (*RosterResult, error) {
	lists, err := db.AwardLists(ctx)
	if err != nil {
		return nil, err
	}
	if opt.Form != "" && !slices.Contains(lists.Forms, opt.Form) {
		return nil, &Error{Code: CodeNoForm, Path: opt.Form, Choices: lists.Forms}
	}
	if opt.Organisation != "" && !slices.Contains(lists.Organisations, opt.Organisation) {
		return nil, &Error{Code: CodeNoOrganisation, Path: opt.Organisation, Choices: lists.Organisations}
	}
	e, err := periodRoster(ctx, db, lists, opt.Period, opt.Form, opt.Organisation)
	if err != nil {
		return nil, err
	}
	res := &RosterResult{Line: lang.Text{VI: e.Line, EN: e.LineEN}}
	if len(opt.Formats) == 1 && opt.Formats[0] == "json" && !isDir(opt.Output) {
		res.Screen = true
		res.Files, err = toScreen(opt.Out, opt.Output, func(w io.Writer) error { return roster.WriteJSON(w, e) })
		return res, err
	}
	stored, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	dir := folder(opt.Output)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &Error{Code: CodeFolder, Path: dir, Err: err}
	}
	res.Files, err = report.WriteRosterOutputs(dir, opt.Formats, e, report.NewDocument(stored, nil, now(opt.Now)))
	if err != nil {
		return res, &Error{Code: CodeWriteRoster, Path: dir, Err: err}
	}
	return res, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
