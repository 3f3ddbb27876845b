package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/progress"
	"github.com/tongket/tongket/store"
)

// deps are what a command's run function needs besides its flags (cli/cli's
// IOStreams and Factory, for tongket): the streams and how to speak on them,
// the clock and the database. A command takes them from the app when it
// runs, once the global flags are parsed; a test builds them by hand, with
// buffers for the streams and standard error a terminal or not.
type deps struct {
	out, errOut io.Writer
	errTerminal bool // standard error is a terminal: progress bars may be drawn
	quiet       bool // --quiet: no progress and no status lines on standard error
	lang        lang.Lang
	now         func() time.Time
	// dbPath is --db, for the commands that handle the file itself
	// (backup, restore); the others go through openDB and openView.
	dbPath   string
	openDB   func(context.Context) (*store.DB, error) // creates and migrates the database as needed
	openView func(context.Context) (*store.DB, error) // an in-memory copy: stores nothing, touches no file
}

// deps are the app's streams, global flags, clock and database openers.
func (a *app) deps() deps {
	return deps{
		out: a.out, errOut: a.errOut, errTerminal: a.errTerminal, quiet: a.quiet,
		lang: a.lang, now: a.now, dbPath: a.dbPath, openDB: a.openDB, openView: a.openView,
	}
}

// say prints a status line on standard error in the chosen language,
// unless --quiet.
func (d deps) say(t lang.Text) {
	if !d.quiet {
		fmt.Fprintln(d.errOut, t.In(d.lang))
	}
}

// sayf is say for a line built with lang.F.
func (d deps) sayf(vi, en string, args ...any) { d.say(lang.F(vi, en, args...)) }

// progress returns intake's progress callback drawing a bar on standard
// error, and the function that clears it; both do nothing off a terminal or
// with --quiet.
func (d deps) progress(label lang.Text) (func(done, total int), func()) {
	if !d.errTerminal || d.quiet {
		return nil, func() {}
	}
	var bar *progress.Bar
	update := func(done, total int) {
		if bar == nil {
			bar = progress.New(d.errOut, label.In(d.lang), total, d.lang)
		}
		bar.Set(done)
	}
	return update, func() {
		if bar != nil {
			bar.Done()
		}
	}
}

// writeIntake prints a validate or ingest result (and a catalog's or unit
// list's check) and turns refusal into the exit status.
func (d deps) writeIntake(res *intake.Result, format string) error {
	var err error
	if format == "json" {
		err = res.WriteJSON(d.out, d.lang)
	} else {
		err = res.WriteText(d.out, d.lang)
	}
	if err != nil {
		return err
	}
	if !res.Valid {
		return errRefused
	}
	return nil
}
