// Package publish makes a period's outputs from the database: the summary
// (workbook, report as PDF and Word, JSON, or the text for the terminal)
// and the award roster. It stands between the store and the renderers, so
// that the commands and the demo do this the same way: it reads the
// database (the summary, the settings, the rosters) and never writes it,
// builds the report document and the roster export, and hands them to
// report, which draws and writes them. It touches the disk only in the
// folder or file it is given: the outputs, and the officer's sections file
// there, made once and never overwritten. What the officer should be told
// comes back as a value for the caller to print; publish itself writes
// only the outputs asked for: files, or a screen format (the text, JSON)
// on Options.Out or into the file Options.Output.
package publish

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/summary"
)

// Error is an output that cannot be made, for the caller to word (the
// command names its flags): which problem (Code), and the file, folder or
// name it concerns. A Word file of the officer's that is refused comes back
// as the *report.InputError report gives, and the database's problems as
// *store.Error.
type Error struct {
	Code    string
	Path    string   // the folder or file concerned, or the name asked for
	Choices []string // for an unknown name, those there are
	Err     error
}

// The codes of Error.
const (
	CodeNoIndicator    = "no-indicator"    // Path: the chart's code, not an indicator of the summary
	CodeNarrative      = "narrative"       // Path: a narrative template that cannot be loaded
	CodeBuild          = "build"           // the report cannot be built (the text summary)
	CodeFolder         = "folder"          // Path: the output folder cannot be made
	CodeWriteReport    = "write-report"    // Path: the folder the summary's files could not all be written into
	CodeWriteFile      = "write-file"      // Path: a screen format's file that cannot be written
	CodeWriteRoster    = "write-roster"    // Path: the folder the roster's files could not all be written into
	CodeNoForm         = "no-form"         // Path: the award form asked for; Choices: the forms
	CodeNoOrganisation = "no-organisation" // Path: the organisation asked for; Choices: the organisations
)

func (e *Error) Error() string {
	msg := "publish: " + e.Code
	if e.Path != "" {
		msg += " " + e.Path
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Options say which outputs of a period to make, and where.
type Options struct {
	Period summary.Period
	// Formats are report.FileFormats, written as files into Dir, or json
	// or text alone, for the screen.
	Formats []string
	// Dir is the folder of the files and of the officer's sections file:
	// "" the current folder, or, for a screen format written to a file,
	// that file's folder.
	Dir string
	// Output is where a screen format goes: a file, or Out when "" or "-".
	Output string
	Out    io.Writer
	// Settings override the stored settings of the report document (the
	// command's flags); an empty value leaves the stored one.
	Settings     map[string]string
	Narrative    string // the narrative template's file; "" the built-in one
	DocxTemplate string // the officer's Word template, filled instead of the built-in outline; "" none
	Chart        string // the indicator charted by year; "" TT_BUOI
	Lang         lang.Lang
	Now          func() time.Time
	// Progress, if set, hears how many files of how many are written.
	Progress func(done, total int)
}

// Formats are the summary's formats: report's files, and text, which
// only goes to the screen.
var Formats = slices.Concat(report.FileFormats, []string{"text"})

// screenFormats are the summary's formats printed rather than filed, each
// only alone.
var screenFormats = []string{"json", "text"}

// Screen reports whether the formats are one screen format alone.
func Screen(formats []string) bool {
	return len(formats) == 1 && slices.Contains(screenFormats, formats[0])
}

// now is the clock's time, or the time when there is no clock.
func now(clock func() time.Time) time.Time {
	if clock == nil {
		return time.Now()
	}
	return clock()
}

// dir is the folder of the files and of the sections file.
func (o Options) dir() string {
	if o.Dir == "" && Screen(o.Formats) && !toOut(o.Output) {
		return filepath.Dir(o.Output)
	}
	return folder(o.Dir)
}

// toOut reports whether a screen format named output goes to Out.
func toOut(output string) bool { return output == "" || output == "-" }

// Result is what making a summary's outputs did, for the officer to be told.
type Result struct {
	// Screen: the output was one screen format, printed on Out or
	// written to Output.
	Screen bool
	// Files written, in the order of the formats; a screen format's file
	// when it went to one.
	Files []string
	// Sections is the officer's sections file when this run created it.
	Sections string
	// Warnings are what reading the sections file found.
	Warnings []lang.Text
	// Blanks are the headings of the officer's sections still blank in
	// the report (FORMATS.md §8).
	Blanks []string
	// NoUnitCode: a workbook is written but no compiling unit is set, so
	// its "Tổng hợp" sheet cannot be sent up as a submission.
	NoUnitCode bool
}

// Inputs are what a period's outputs are made of, read from the database:
// the summary, the report document (the stored settings under the
// options' own) and the period's roster.
type Inputs struct {
	Summary  *summary.Summary
	Document report.Document
	Roster   *roster.Export
}

// Load reads a period's inputs from db: opt's Period, Settings and Now.
func Load(ctx context.Context, db *store.DB, opt Options) (*Inputs, error) {
	s, err := db.Summarize(ctx, opt.Period)
	if err != nil {
		return nil, err
	}
	stored, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	lists, err := db.AwardLists(ctx)
	if err != nil {
		return nil, err
	}
	e, err := periodRoster(ctx, db, lists, opt.Period, "", "")
	if err != nil {
		return nil, err
	}
	return &Inputs{Summary: s, Document: report.NewDocument(stored, opt.Settings, now(opt.Now)), Roster: &e}, nil
}

// periodRoster is the roster export of the period, of one form or
// organisation when they are not "".
func periodRoster(ctx context.Context, db *store.DB, lists roster.Lists, p summary.Period, form, org string) (roster.Export, error) {
	entries, err := db.Awards(ctx, p.From, p.To)
	if err != nil {
		return roster.Export{}, err
	}
	return roster.Build(entries, lists, p.From, p.To, form, org), nil
}

// Summary makes the period's summary outputs from db: Load, then Write.
func Summary(ctx context.Context, db *store.DB, opt Options) (*Result, error) {
	in, err := Load(ctx, db, opt)
	if err != nil {
		return nil, err
	}
	return in.Write(opt)
}

// Write makes the summary's outputs in opt's formats. When the officer's
// sections file or Word template is refused, nothing is written and the
// error is the *report.InputError. On a failure to write, the Result
// holds the files written before it.
func (in *Inputs) Write(opt Options) (*Result, error) {
	s := in.Summary
	if opt.Chart != "" && !slices.ContainsFunc(s.Indicators, func(i summary.Indicator) bool { return i.Code == opt.Chart }) {
		return nil, &Error{Code: CodeNoIndicator, Path: opt.Chart}
	}
	res := &Result{Screen: Screen(opt.Formats)}
	if res.Screen && opt.Formats[0] == "json" {
		var err error
		res.Files, err = toScreen(opt.Out, opt.Output, func(w io.Writer) error { return report.WriteJSON(w, s) })
		return res, err
	}
	narrative, err := report.LoadNarrative(opt.Narrative)
	if err != nil {
		return nil, &Error{Code: CodeNarrative, Path: opt.Narrative, Err: err}
	}
	dir := opt.dir()
	ropt := report.Options{Narrative: narrative, Chart: opt.Chart, Template: opt.DocxTemplate, Roster: in.Roster,
		Sections: filepath.Join(dir, report.SectionsFileName(s.Period)), Progress: opt.Progress}
	if res.Screen {
		return res, in.text(opt, ropt, res)
	}
	res.NoUnitCode = in.Document.UnitCode == "" && slices.Contains(opt.Formats, "xlsx")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, &Error{Code: CodeFolder, Path: dir, Err: err}
	}
	written, err := report.WriteOutputs(dir, opt.Formats, s, in.Document, ropt)
	res.Files, res.Sections, res.Warnings, res.Blanks = written.Paths, written.Sections, written.Warnings, written.Blanks
	if err != nil {
		if isInput(err) {
			return res, err
		}
		return res, &Error{Code: CodeWriteReport, Path: dir, Err: err}
	}
	return res, nil
}

// text writes the text summary: the totals, then the report's outline with
// the officer's sections read from their file, which is not made here.
func (in *Inputs) text(opt Options, ropt report.Options, res *Result) error {
	ropt.Template = "" // the text is the built-in outline's
	p, err := report.Prepare(in.Summary, in.Document, ropt, false)
	if err != nil {
		if isInput(err) {
			return err
		}
		return &Error{Code: CodeBuild, Err: err}
	}
	res.Warnings, res.Blanks = p.Warnings, p.Outline.Blanks()
	res.Files, err = toScreen(opt.Out, opt.Output, func(w io.Writer) error { return report.WriteText(w, in.Summary, p.Outline, opt.Lang) })
	return err
}

// toScreen writes a screen format on out, or into the file output when
// it names one (not "" or "-"); files is that file.
func toScreen(out io.Writer, output string, write func(io.Writer) error) (files []string, err error) {
	if toOut(output) {
		return nil, write(out)
	}
	if err := atomicfile.Write(output, write); err != nil {
		return nil, &Error{Code: CodeWriteFile, Path: output, Err: err}
	}
	return []string{output}, nil
}

// folder is the folder a name gives, "" being the current one.
func folder(name string) string {
	if name == "" {
		return "."
	}
	return name
}

func isInput(err error) bool {
	var ie *report.InputError
	return errors.As(err, &ie)
}
