package intake

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/table"
)

// ValidateAwards reads and checks award rosters, storing nothing.
func ValidateAwards(ctx context.Context, db *store.DB, paths []string, opt Options) (*Result, error) {
	return runAwards(ctx, db, paths, opt, false)
}

// ImportAwards validates rosters and stores each valid one whole.
func ImportAwards(ctx context.Context, db *store.DB, paths []string, opt Options) (*Result, error) {
	return runAwards(ctx, db, paths, opt, true)
}

func runAwards(ctx context.Context, db *store.DB, paths []string, opt Options, store bool) (*Result, error) {
	inputs, skipped, err := Collect(paths)
	if err != nil {
		return nil, err
	}
	lists, err := db.AwardLists(ctx)
	if err != nil {
		return nil, err
	}
	// Duplicates are looked for among everything stored and every roster
	// accepted earlier in the batch.
	known, err := db.Awards(ctx, 0, 0)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	if opt.Now != nil {
		now = opt.Now()
	}
	res := &Result{Valid: true, Files: []FileResult{}, Skipped: skipped, Rosters: true}
	if res.Skipped == nil {
		res.Skipped = []Skipped{}
	}
	if store {
		res.Totals = &Totals{}
	}
	read := func(in Input) *roster.Roster {
		if in.WrongExt {
			return &roster.Roster{File: in.Path, Findings: []finding.Finding{table.NotXLSXByName(in.Path)}}
		}
		return roster.Read(in.Path, lists, now)
	}
	err = readAll(ctx, inputs, opt.Workers, read, func(r *roster.Roster) error {
		fr, accepted, err := settleRoster(ctx, db, r, known, store)
		if err != nil {
			return err
		}
		if accepted != nil {
			known = slices.DeleteFunc(known, func(e roster.Entry) bool { return filepath.Base(e.File) == filepath.Base(r.File) })
			known = append(known, accepted...)
		}
		res.add(fr)
		opt.progress(len(res.Files), len(inputs))
		return nil
	})
	return res, err
}

// settleRoster checks a read roster against the awards already known and
// stores it when asked. It returns the entries now known.
func settleRoster(ctx context.Context, db *store.DB, r *roster.Roster, known []roster.Entry, save bool) (FileResult, []roster.Entry, error) {
	fr := FileResult{File: r.File, SHA256: r.SHA256, Years: rosterYears(r), Findings: r.Findings}
	if save && r.SHA256 != "" {
		if id, ok, err := db.LookupRoster(ctx, r.SHA256); err != nil {
			return fr, nil, err
		} else if ok {
			fr.Findings, fr.Valid, fr.Status, fr.SubmissionID = []finding.Finding{}, true, "skipped", id
			return fr, nil, nil
		}
	}
	// A file sent again under the same name is a correction: it replaces
	// the stored roster, whose entries are then no duplicates.
	others := slices.DeleteFunc(slices.Clone(known), func(e roster.Entry) bool {
		return filepath.Base(e.File) == filepath.Base(r.File)
	})
	for _, d := range roster.Duplicates(others, r.Entries, claimedPeriod(r)) {
		r.Findings = append(r.Findings, d.Finding)
	}
	fr.Findings, fr.Valid = r.Findings, r.Valid()
	if fr.Findings == nil {
		fr.Findings = []finding.Finding{}
	}
	if !fr.Valid {
		if save {
			fr.Status = "rejected"
		}
		return fr, nil, nil
	}
	if !save {
		return fr, r.Entries, nil
	}
	out, err := db.ImportRoster(ctx, r)
	if err != nil {
		return fr, nil, fmt.Errorf("%s: %w", r.File, err)
	}
	fr.SubmissionID = out.SubmissionID
	if out.Skipped {
		fr.Status = "skipped"
		return fr, nil, nil
	}
	fr.Status = "stored"
	if len(out.Replaced) > 0 {
		fr.Status = "replaced"
	}
	c := out.Counts
	fr.Counts = &c
	return fr, r.Entries, nil
}

// claimedPeriod is the period an award is counted in for duplicates: the
// years the roster claims, or else the decision year itself (the same
// person commended in two different years is not a duplicate).
func claimedPeriod(r *roster.Roster) func(int) (int, int) {
	return func(year int) (int, int) {
		if from, to := r.Years[0], r.Years[1]; from != 0 && year >= from && year <= to {
			return from, to
		}
		return year, year
	}
}

func rosterYears(r *roster.Roster) []int {
	seen := map[int]bool{}
	var ys []int
	for _, e := range r.Entries {
		if y := e.DecisionDate.Year(); !e.DecisionDate.IsZero() && !seen[y] {
			seen[y] = true
			ys = append(ys, y)
		}
	}
	slices.Sort(ys)
	if ys == nil {
		ys = []int{}
	}
	return ys
}
