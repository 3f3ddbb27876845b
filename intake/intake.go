package intake

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/check"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/xlsx"
)

// Options configure a run.
type Options struct {
	Limits  xlsx.Limits
	Now     func() time.Time
	Workers int // files read at once; default all cores
	// Progress, if set, hears how many files of how many are done.
	Progress func(done, total int)
}

func (o Options) progress(done, total int) {
	if o.Progress != nil {
		o.Progress(done, total)
	}
}

// UnitRef names a submitting unit in the report.
type UnitRef struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// FileResult is one file's outcome (FORMATS.md §7).
type FileResult struct {
	File     string            `json:"file"`
	SHA256   string            `json:"sha256,omitempty"`
	Valid    bool              `json:"valid"`
	Unit     *UnitRef          `json:"unit,omitempty"`
	Units    []UnitRef         `json:"units,omitempty"` // long layout with several units
	Layout   string            `json:"layout,omitempty"`
	Years    []int             `json:"years"`
	Findings []finding.Finding `json:"findings"`

	// Ingest only.
	Status       string        `json:"status,omitempty"` // stored, replaced (a roster's correction), rejected, skipped
	SubmissionID int64         `json:"submission_id,omitempty"`
	Counts       *store.Counts `json:"counts,omitempty"`
	Replaced     []int64       `json:"replaced,omitempty"` // rosters this one corrected and replaced
}

// Stats are the counts of §7.
type Stats struct {
	Files      int `json:"files"`
	ValidFiles int `json:"valid_files"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
}

// Totals of an ingest, exact.
type Totals struct {
	store.Counts
	Stored   int  `json:"stored"`
	Rejected int  `json:"rejected"`
	Skipped  int  `json:"skipped"`            // same bytes already ingested
	Replaced int  `json:"replaced,omitempty"` // rosters stored as corrections of earlier ones (counted in Stored too)
	DryRun   bool `json:"dry_run,omitempty"`
}

// Result is the report of a validate or ingest run.
type Result struct {
	Valid   bool         `json:"valid"`
	Stats   Stats        `json:"stats"`
	Totals  *Totals      `json:"ingest,omitempty"`
	Files   []FileResult `json:"files"`
	Skipped []Skipped    `json:"skipped"`
	// Rosters: the files were award rosters, not submissions (wording only).
	Rosters bool `json:"-"`
}

// Validate reads and checks every file and stores nothing.
func Validate(ctx context.Context, db *store.DB, paths []string, opt Options) (*Result, error) {
	return run(ctx, db, paths, opt, false)
}

// Ingest validates every file and stores each valid one in its own
// transaction. A bad file is rejected; the good ones are stored.
func Ingest(ctx context.Context, db *store.DB, paths []string, opt Options) (*Result, error) {
	return run(ctx, db, paths, opt, true)
}

// DryRun ingests into a throw-away copy of the database, so the counts are
// exactly those a real ingest would give, and the real database is untouched.
func DryRun(ctx context.Context, db *store.DB, paths []string, opt Options) (*Result, error) {
	dir, err := os.MkdirTemp("", "tongket-dry-run")
	if err != nil {
		return nil, fmt.Errorf("dry run: %w", err)
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, "dry-run.db")
	if err := db.Snapshot(ctx, copyPath); err != nil {
		return nil, fmt.Errorf("dry run: %w", err)
	}
	tmp, err := store.Open(ctx, copyPath, store.Options{Now: opt.Now})
	if err != nil {
		return nil, fmt.Errorf("dry run: %w", err)
	}
	defer tmp.Close()
	res, err := run(ctx, tmp, paths, opt, true)
	if res != nil && res.Totals != nil {
		res.Totals.DryRun = true
	}
	return res, err
}

func run(ctx context.Context, db *store.DB, paths []string, opt Options, ingest bool) (*Result, error) {
	inputs, skipped, err := Collect(paths)
	if err != nil {
		return nil, err
	}
	cat, err := db.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := db.Directory(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{Valid: true, Files: []FileResult{}, Skipped: skipped}
	if res.Skipped == nil {
		res.Skipped = []Skipped{}
	}
	if ingest {
		res.Totals = &Totals{}
	}
	lives, err := db.UnitLives(ctx)
	if err != nil {
		return nil, err
	}
	hist := history{ctx: ctx, db: db, lives: lives}
	ropt := submission.Options{Catalog: cat, Limits: opt.Limits, Now: opt.Now}
	read := func(in Input) *submission.Submission { return readOne(in, ropt) }
	if !ingest {
		err = readAll(ctx, inputs, opt.Workers, read, func(sub *submission.Submission) error {
			fr, _, err := settle(ctx, db, false, sub, cat, dir, hist)
			if err != nil {
				return err
			}
			res.add(fr)
			opt.progress(len(res.Files), len(inputs))
			return nil
		})
		return res, err
	}
	// Checking (in file order, against the units and figures known so far)
	// and storing are two stages of their own, so a file is checked while
	// the one before it is written.
	w := &writer{db: db, res: res}
	defer w.abandon()
	queue := make(chan checked, 8)
	var failed atomic.Pointer[error]
	stored := make(chan struct{})
	go func() {
		defer close(stored)
		for c := range queue {
			if failed.Load() != nil {
				continue
			}
			fr, err := w.store(ctx, c)
			if err == nil {
				w.pending = append(w.pending, fr)
				opt.progress(len(res.Files)+len(w.pending), len(inputs))
				err = w.maybeCommit(ctx)
			}
			if err != nil {
				failed.Store(&err)
			}
		}
	}()
	err = readAll(ctx, inputs, opt.Workers, read, func(sub *submission.Submission) error {
		if e := failed.Load(); e != nil {
			return *e
		}
		fr, save, err := settle(ctx, db, true, sub, cat, dir, hist)
		if err != nil {
			return err
		}
		queue <- checked{fr: fr, sub: sub, save: save}
		return nil
	})
	close(queue)
	<-stored
	if e := failed.Load(); e != nil && err == nil {
		err = *e
	}
	if err == nil {
		err = w.commit()
	}
	return res, err
}

// checked is a file through its checks, on its way to the writer.
type checked struct {
	fr   FileResult
	sub  *submission.Submission
	save bool // valid and new: to be stored
}

// Batch limits: files share a transaction (each in its own savepoint) until
// one of these is reached, so another process waits at most about this long.
const (
	batchFiles = 64
	batchTime  = 500 * time.Millisecond
)

// writer is the single writer of an ingest: it stores files in batches.
// A file's result joins the report when its batch commits, so an ingest
// stopped half-way (Ctrl-C) reports exactly what was stored.
type writer struct {
	db      *store.DB
	batch   *store.Batch
	started time.Time
	res     *Result
	pending []FileResult // results of the files of the open batch
}

func (w *writer) ingest(ctx context.Context, sub *submission.Submission) (store.IngestResult, error) {
	if w.batch == nil {
		b, err := w.db.BeginBatch(ctx)
		if err != nil {
			return store.IngestResult{}, err
		}
		w.batch, w.started = b, time.Now()
	}
	return w.batch.Ingest(ctx, sub)
}

func (w *writer) maybeCommit(ctx context.Context) error {
	if w == nil || w.batch == nil || (w.batch.Len() < batchFiles && time.Since(w.started) < batchTime) {
		return nil
	}
	return w.commit()
}

func (w *writer) commit() error {
	if w.batch != nil {
		b := w.batch
		w.batch = nil
		if err := b.Commit(); err != nil {
			return err
		}
	}
	for _, fr := range w.pending {
		w.res.add(fr)
	}
	w.pending = w.pending[:0]
	return nil
}

// abandon rolls back the open batch: its files were not stored, and the
// report does not say they were.
func (w *writer) abandon() {
	if w != nil && w.batch != nil {
		w.batch.Rollback()
		w.batch = nil
	}
	w.pending = nil
}

// settle takes one read file through resolution and checks; save says
// whether an ingest should store it (valid, and not stored already).
func settle(ctx context.Context, db *store.DB, ingest bool, sub *submission.Submission, cat *catalog.Catalog,
	dir *submission.Directory, hist history) (FileResult, bool, error) {
	if ingest && sub.SHA256 != "" {
		if id, ok, err := db.Lookup(ctx, sub.SHA256); err != nil {
			return FileResult{}, false, err
		} else if ok {
			fr := describe(sub)
			fr.Findings = []finding.Finding{}
			fr.Valid, fr.Status, fr.SubmissionID = true, "skipped", id
			return fr, false, nil
		}
	}
	// Check even a file with read errors, so the submitter gets every
	// problem in one round rather than one kind per resubmission.
	if len(sub.Units) > 0 {
		sub.Resolve(dir)
		if err := check.Run(sub, cat, hist); err != nil {
			return FileResult{}, false, err
		}
	}
	fr := describe(sub)
	if !sub.Valid() {
		if ingest {
			fr.Status = "rejected"
		}
		return fr, false, nil
	}
	for _, u := range sub.Units {
		dir.Add(submission.KnownUnit{Code: u.Resolved, Name: u.Name})
	}
	return fr, ingest, nil
}

// store writes a checked file (if it is to be saved) and completes its
// result.
func (w *writer) store(ctx context.Context, c checked) (FileResult, error) {
	fr := c.fr
	if !c.save {
		return fr, nil
	}
	r, err := w.ingest(ctx, c.sub)
	if err != nil {
		return FileResult{}, fmt.Errorf("%s: %w", c.sub.File, err)
	}
	fr.SubmissionID = r.SubmissionID
	if r.Skipped {
		fr.Status = "skipped"
		return fr, nil
	}
	fr.Status = "stored"
	counts := r.Counts
	fr.Counts = &counts
	return fr, nil
}

func describe(sub *submission.Submission) FileResult {
	fr := FileResult{File: sub.File, SHA256: sub.SHA256, Valid: sub.Valid(), Layout: string(sub.Layout),
		Years: sub.Years(), Findings: sub.Findings}
	if fr.Years == nil {
		fr.Years = []int{}
	}
	if fr.Findings == nil {
		fr.Findings = []finding.Finding{}
	}
	seen := map[string]bool{}
	for _, u := range sub.Units {
		code := u.Resolved
		if code == "" {
			code = u.Code
		}
		if seen[code+"\x00"+u.Name] {
			continue
		}
		seen[code+"\x00"+u.Name] = true
		fr.Units = append(fr.Units, UnitRef{Code: code, Name: u.Name})
	}
	if len(fr.Units) == 1 {
		fr.Unit, fr.Units = &fr.Units[0], nil
	}
	return fr
}

func (r *Result) add(fr FileResult) {
	r.Files = append(r.Files, fr)
	r.Stats.Files++
	e, w := finding.Count(fr.Findings)
	r.Stats.Errors += e
	r.Stats.Warnings += w
	if fr.Valid {
		r.Stats.ValidFiles++
	} else {
		r.Valid = false
	}
	if r.Totals == nil {
		return
	}
	switch fr.Status {
	case "stored", "replaced":
		r.Totals.Stored++
		r.Totals.Add(*fr.Counts)
		if fr.Status == "replaced" {
			r.Totals.Replaced++
		}
	case "rejected":
		r.Totals.Rejected++
	case "skipped":
		r.Totals.Skipped++
	}
}

// history adapts the store to check.History and check.Lineage.
type history struct {
	ctx   context.Context
	db    *store.DB
	lives map[string]store.UnitLife // the units that ended or changed
}

func (h history) Figures(unit string) (check.Series, error) { return h.db.Figures(h.ctx, unit) }

func (h history) Life(unit string) (check.Life, bool) {
	l, ok := h.lives[unit]
	if !ok {
		return check.Life{}, false
	}
	out := check.Life{Name: l.Name, End: l.End, Successors: l.Successors}
	for _, c := range l.Changes {
		out.Changes = append(out.Changes, check.Change{Unit: c.Unit, Year: c.Year, Predecessor: c.Predecessor})
	}
	return out, true
}

func (h history) Source(unit, indicator string, year int) (string, string, bool, error) {
	return h.db.FigureSource(h.ctx, unit, indicator, year)
}

// readAll reads files on all cores and hands them to fn one at a time in
// input order. Readers run at most a window ahead of fn, so memory does not
// grow with the number of files.
func readAll[T any](ctx context.Context, inputs []Input, workers int, read func(Input) T, fn func(T) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := 2 * workers
	slots := make([]chan T, len(inputs))
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case tokens <- struct{}{}:
			case <-done:
				return
			}
			select {
			case jobs <- i:
			case <-done:
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for i := range jobs {
				slots[i] <- read(inputs[i])
			}
		}()
	}
	for i := range inputs {
		var v T
		select {
		case v = <-slots[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-tokens
		if err := fn(v); err != nil {
			return err
		}
	}
	return nil
}

func readOne(in Input, opt submission.Options) *submission.Submission {
	if in.WrongExt {
		return &submission.Submission{File: in.Path, Findings: []finding.Finding{table.NotXLSXByName(in.Path)}}
	}
	return submission.Read(in.Path, opt)
}

// Single is the report of one file checked outside the submission pipeline
// (a catalog, a unit list), with the same stats, JSON and text.
func Single(file, sha string, fs []finding.Finding) *Result {
	if fs == nil {
		fs = []finding.Finding{}
	}
	r := &Result{Valid: true, Files: []FileResult{}, Skipped: []Skipped{}}
	r.add(FileResult{File: file, SHA256: sha, Valid: !finding.HasError(fs), Years: []int{}, Findings: fs})
	return r
}
