package intake

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
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

func runAwards(ctx context.Context, db *store.DB, paths []string, opt Options, save bool) (*Result, error) {
	inputs, skipped, err := Collect(paths)
	if err != nil {
		return nil, err
	}
	lists, err := db.AwardLists(ctx)
	if err != nil {
		return nil, err
	}
	// Duplicates are looked for among every roster in force and every
	// roster accepted earlier in the batch.
	known, err := db.ActiveRosters(ctx)
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
	if save {
		res.Totals = &Totals{}
	}
	read := func(in Input) *roster.Roster {
		if in.WrongExt {
			return &roster.Roster{File: in.Path, Findings: []finding.Finding{table.NotXLSXByName(in.Path)}}
		}
		return roster.Read(in.Path, lists, now)
	}
	err = readAll(ctx, inputs, opt.Workers, read, func(r *roster.Roster) error {
		fr, accepted, err := settleRoster(ctx, db, r, known, save)
		if err != nil {
			return err
		}
		if accepted {
			known = slices.DeleteFunc(known, func(k store.StoredRoster) bool { return k.Identity.Same(r.Identity()) })
			known = append(known, store.StoredRoster{File: r.File, Unit: r.Unit, Identity: r.Identity(), Entries: r.Entries})
		}
		res.add(fr)
		opt.progress(len(res.Files), len(inputs))
		return nil
	})
	return res, err
}

// settleRoster checks a read roster against the rosters known (in force,
// or accepted earlier in the batch) and stores it when asked. It reports
// whether the roster was accepted, and so is known from now on.
func settleRoster(ctx context.Context, db *store.DB, r *roster.Roster, known []store.StoredRoster, save bool) (FileResult, bool, error) {
	fr := FileResult{File: r.File, SHA256: r.SHA256, Years: rosterYears(r), Findings: r.Findings}
	if r.Unit != "" {
		fr.Unit = &UnitRef{Name: r.Unit}
	}
	if save && r.SHA256 != "" {
		if id, ok, err := db.LookupRoster(ctx, r.SHA256); err != nil {
			return fr, false, err
		} else if ok {
			fr.Findings, fr.Valid, fr.Status, fr.SubmissionID = []finding.Finding{}, true, "skipped", id
			return fr, false, nil
		}
	}
	// The same unit's roster sent again under the same name is a
	// correction: it replaces the one it corrects, whose entries are then
	// no duplicates. A roster of another unit replaces nothing.
	var others []roster.Entry
	for _, k := range known {
		if !k.Identity.Same(r.Identity()) {
			others = append(others, k.Entries...)
		}
	}
	dups := roster.Duplicates(others, r.Entries, claimedPeriod(r))
	for _, d := range dups {
		r.Findings = append(r.Findings, d.Finding)
	}
	if h, ok := renamedCorrection(r, dups, known); ok {
		r.Findings = append(r.Findings, h)
	}
	fr.Findings, fr.Valid = r.Findings, r.Valid()
	if fr.Findings == nil {
		fr.Findings = []finding.Finding{}
	}
	if !fr.Valid {
		if save {
			fr.Status = "rejected"
		}
		return fr, false, nil
	}
	if !save {
		return fr, true, nil
	}
	out, err := db.ImportRoster(ctx, r)
	if err != nil {
		return fr, false, fmt.Errorf("%s: %w", r.File, err)
	}
	fr.SubmissionID = out.SubmissionID
	if out.Skipped {
		fr.Status = "skipped"
		return fr, false, nil
	}
	fr.Status = "stored"
	if len(out.Replaced) > 0 {
		fr.Status, fr.Replaced = "replaced", out.Replaced
	}
	c := out.Counts
	fr.Counts = &c
	return fr, true, nil
}

// renamedCorrection explains duplicates that repeat a roster of the same
// unit and years under another file name: a correction replaces a roster
// only under the same name, so one renamed is refused for its repeats,
// and the officer is told how to send it.
func renamedCorrection(r *roster.Roster, dups []roster.Duplicate, known []store.StoredRoster) (finding.Finding, bool) {
	id := r.Identity()
	if id.Heading == "" {
		return finding.Finding{}, false
	}
	for _, d := range dups {
		for _, k := range known {
			if k.File != d.Earlier.File || k.Identity.Heading != id.Heading || k.Identity.Years != id.Years || k.Identity.Name == id.Name {
				continue
			}
			return finding.New(finding.Warning, finding.DuplicateRow, lang.F(
				"Danh sách này cùng đơn vị, cùng kỳ với tệp %s đã nhập, nhưng khác tên tệp, nên không được coi là bản sửa. Nếu đây là bản sửa, hãy đặt tên tệp là \"%s\" rồi nhập lại: bản mới sẽ thay bản cũ.",
				"This roster is of the same unit and period as %s, already imported, but its file name differs, so it is not taken for a correction. If it corrects that roster, name it \"%s\" and import it again: it will replace the old one.",
				k.File, k.Identity.Name)), true
		}
	}
	return finding.Finding{}, false
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
