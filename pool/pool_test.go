package pool

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// TestEach: every write runs exactly once, never more than the
// workers at a time; progress counts up to the total on the caller's
// goroutine; after a failure no write starts (only those under way finish),
// and the failure is reported at its index.
func TestEach(t *testing.T) {
	const n = 300
	for _, workers := range []int{1, 3, 16, 0} {
		t.Run(fmt.Sprintf("workers %d", workers), func(t *testing.T) {
			var calls [n]atomic.Int32
			var running, peak atomic.Int32
			write := func(i int) error {
				calls[i].Add(1)
				r := running.Add(1)
				for p := peak.Load(); r > p && !peak.CompareAndSwap(p, r); p = peak.Load() {
				}
				time.Sleep(20 * time.Microsecond)
				running.Add(-1)
				return nil
			}
			var seen []int
			errs := Each(context.Background(), n, workers, write, func(done, total int) {
				if total != n {
					t.Errorf("total %d", total)
				}
				seen = append(seen, done) // no lock: progress runs on this goroutine only (-race checks)
			})
			for i := range n {
				if c := calls[i].Load(); c != 1 || errs[i] != nil {
					t.Errorf("write %d: %d calls, error %v", i, c, errs[i])
				}
			}
			limit := int32(workers)
			if workers <= 0 {
				limit = int32(runtime.GOMAXPROCS(0))
			}
			if p := peak.Load(); p > limit {
				t.Errorf("%d writes at once, limit %d", p, limit)
			}
			if len(seen) != n+1 || seen[0] != 0 || seen[n] != n || !slices.IsSorted(seen) {
				t.Errorf("progress %v", seen)
			}
		})
	}

	t.Run("failure", func(t *testing.T) {
		for _, workers := range []int{1, 4} {
			boom := errors.New("boom")
			var calls [n]atomic.Int32
			errs := Each(context.Background(), n, workers, func(i int) error {
				calls[i].Add(1)
				if i == 17 {
					return boom
				}
				return nil
			}, nil)
			if errs[17] != boom {
				t.Errorf("workers %d: error at 17 is %v", workers, errs[17])
			}
			for i := range n {
				c := calls[i].Load()
				switch {
				case c > 1:
					t.Errorf("workers %d: write %d ran %d times", workers, i, c)
				case c == 0 && errs[i] != ErrNotStarted, c == 1 && errors.Is(errs[i], ErrNotStarted):
					t.Errorf("workers %d: write %d ran %d times, error %v", workers, i, c, errs[i])
				case workers == 1 && i < 17 && errs[i] != nil, workers == 1 && i > 17 && c != 0:
					t.Errorf("one worker: write %d ran %d times, error %v", i, c, errs[i])
				}
			}
		}
	})

	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		errs := Each(ctx, n, 4, func(i int) error { t.Errorf("write %d ran", i); return nil }, nil)
		for i, err := range errs {
			if err != ErrNotStarted {
				t.Fatalf("%d: %v", i, err)
			}
		}
	})
}
