package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/submission"
)

func TestRevert(t *testing.T) {
	type revert struct {
		step int // index into subs of the submission to withdraw
		want store.RevertResult
		// figures of HP-HB in force afterwards
		after map[string]map[int]int64
	}
	tests := []struct {
		name    string
		subs    []*submission.Submission
		reverts []revert
	}{
		{
			name: "withdraw the resubmission: earlier values back, its own figures removed",
			subs: []*submission.Submission{
				makeSub("a.xlsx", f("HP-HB", "TT_BUOI", 2013, 100), f("HP-HB", "TT_BUOI", 2014, 200), f("HP-HB", "TT_BUOI", 2015, 300), f("HP-HB", "NHA_TIEN", 2013, 350)),
				makeSub("b.xlsx", f("HP-HB", "TT_BUOI", 2013, 100), f("HP-HB", "TT_BUOI", 2014, 2000), f("HP-HB", "TT_BUOI", 2016, 400), f("HP-HB", "CAMERA_SO", 2016, 700)),
			},
			reverts: []revert{{1, store.RevertResult{Restored: 1, Unchanged: 1, Removed: 2},
				map[string]map[int]int64{"TT_BUOI": {2013: 100, 2014: 200, 2015: 300}, "NHA_TIEN": {2013: 350}}}},
		},
		{
			name: "withdraw a middle one, then the newest: the oldest active value comes back",
			subs: []*submission.Submission{
				makeSub("a.xlsx", f("HP-HB", "TT_BUOI", 2013, 100)),
				makeSub("b.xlsx", f("HP-HB", "TT_BUOI", 2013, 200)),
				makeSub("c.xlsx", f("HP-HB", "TT_BUOI", 2013, 300)),
			},
			reverts: []revert{
				{1, store.RevertResult{}, map[string]map[int]int64{"TT_BUOI": {2013: 300}}},
				{2, store.RevertResult{Restored: 1}, map[string]map[int]int64{"TT_BUOI": {2013: 100}}},
				{0, store.RevertResult{Removed: 1}, map[string]map[int]int64{}},
			},
		},
		{
			name: "withdraw the older one: only what it still had in force goes",
			subs: []*submission.Submission{
				makeSub("a.xlsx", f("HP-HB", "TT_BUOI", 2013, 100), f("HP-HB", "TT_BUOI", 2014, 200)),
				makeSub("b.xlsx", f("HP-HB", "TT_BUOI", 2014, 500)),
			},
			reverts: []revert{{0, store.RevertResult{Removed: 1}, map[string]map[int]int64{"TT_BUOI": {2014: 500}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := mustOpenDB(t)
			var ids []int64
			for _, s := range tt.subs {
				db.Clock.Advance(time.Hour)
				ids = append(ids, mustIngest(t, db, s).SubmissionID)
			}
			for _, r := range tt.reverts {
				at := db.Clock.Advance(time.Minute)
				inForce := count(t, db.SQL(), `SELECT count(*) FROM current WHERE submission_id = ?`, ids[r.step])
				got, err := db.Revert(ctx, ids[r.step])
				if err != nil {
					t.Fatalf("revert %d: %v", ids[r.step], err)
				}
				want := r.want
				want.SubmissionID = ids[r.step]
				if got != want {
					t.Errorf("revert %s: %+v, want %+v", tt.subs[r.step].File, got, want)
				}
				if figs, _ := db.Figures(ctx, "HP-HB"); !reflect.DeepEqual(figs, r.after) {
					t.Errorf("after revert of %s: figures %v, want %v", tt.subs[r.step].File, figs, r.after)
				}
				if n := count(t, db.SQL(), `SELECT count(*) FROM audit WHERE action = 'revert' AND submission_id = ?`, ids[r.step]); n != inForce {
					t.Errorf("revert audit rows: %d, want one per figure it had in force (%d)", n, inForce)
				}
				checkWhole(t, db.SQL())

				// History shows it withdrawn, with the clock and nothing in force.
				hist, err := db.History(ctx, "")
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range hist {
					if h.ID != ids[r.step] {
						continue
					}
					if h.State != "reverted" || h.RevertedAt == nil || !h.RevertedAt.Equal(at) || h.InForce != 0 || h.Figures != len(tt.subs[r.step].Figures) {
						t.Errorf("history of reverted %s: %+v (reverted at %v), want state reverted at %v, in force 0", h.File, h, h.RevertedAt, at)
					}
				}
				// Revert again: already reverted.
				if _, err := db.Revert(ctx, ids[r.step]); !errors.Is(err, store.ErrAlreadyReverted) {
					t.Errorf("second revert: %v, want ErrAlreadyReverted", err)
				}
				if _, ok, _ := db.Lookup(ctx, tt.subs[r.step].SHA256); ok {
					t.Errorf("a reverted submission is still found by Lookup")
				}
			}
			// Every submission's in-force count matches the figures in force.
			hist, _ := db.History(ctx, "")
			for _, h := range hist {
				if n := count(t, db.SQL(), `SELECT count(*) FROM current WHERE submission_id = ?`, h.ID); n != h.InForce {
					t.Errorf("history of %s: in force %d, current has %d", h.File, h.InForce, n)
				}
			}
		})
	}
}

func TestRevertErrorsAndReingest(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	a := makeSub("a.xlsx", f("HP-HB", "TT_BUOI", 2013, 100), f("HP-HB", "TT_BUOI", 2014, 200))
	b := makeSub("b.xlsx", f("HP-HB", "TT_BUOI", 2013, 100), f("HP-HB", "TT_BUOI", 2014, 250), f("HP-HB", "TT_BUOI", 2015, 300))
	mustIngest(t, db, a)
	idB := mustIngest(t, db, b).SubmissionID

	for _, id := range []int64{0, -1, idB + 100} {
		if _, err := db.Revert(ctx, id); !errors.Is(err, store.ErrNoSubmission) {
			t.Errorf("revert %d: %v, want ErrNoSubmission", id, err)
		}
	}
	if _, err := db.Revert(ctx, idB); err != nil {
		t.Fatal(err)
	}
	// The same bytes are no longer an active submission: ingesting them
	// again stores a new submission, counted against the restored values.
	res := mustIngest(t, db, b)
	if res.Skipped || res.SubmissionID <= idB {
		t.Errorf("re-ingest after revert: %+v, want stored with a new id > %d", res, idB)
	}
	if want := (store.Counts{Inserted: 1, Updated: 1, Unchanged: 1}); res.Counts != want {
		t.Errorf("re-ingest counts %+v, want %+v", res.Counts, want)
	}
	if figs, _ := db.Figures(ctx, "HP-HB"); !reflect.DeepEqual(figs, map[string]map[int]int64{"TT_BUOI": {2013: 100, 2014: 250, 2015: 300}}) {
		t.Errorf("figures after re-ingest: %v", figs)
	}
	if id, ok, _ := db.Lookup(ctx, b.SHA256); !ok || id != res.SubmissionID {
		t.Errorf("Lookup after re-ingest: %d %v, want %d", id, ok, res.SubmissionID)
	}
	// And a third time: skipped as the new copy.
	if again := mustIngest(t, db, b); !again.Skipped || again.SubmissionID != res.SubmissionID {
		t.Errorf("third ingest: %+v, want skipped as %d", again, res.SubmissionID)
	}
	hist, _ := db.History(ctx, "HP-HB")
	var states []string
	for _, h := range hist {
		states = append(states, h.State)
	}
	if !reflect.DeepEqual(states, []string{"active", "reverted", "active"}) {
		t.Errorf("history states %v, want [active reverted active]", states)
	}
	checkWhole(t, db.SQL())
}
