// Package pool runs independent jobs (writing one file each, say) on all
// cores, each at most once, stopping at the first failure. It keeps such
// plumbing out of the commands, which only wire packages together.
package pool

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// ErrNotStarted marks a call Each did not start because an earlier
// one failed or the context ended.
var ErrNotStarted = errors.New("not started")

// Each calls write(i) once for every i in [0, n), on up to workers
// goroutines at a time (all cores when workers <= 0), and returns each
// call's error. Once a call fails or ctx ends no further call starts; those
// get ErrNotStarted. progress, if set, hears how many calls of n are done;
// it is only ever called from the caller's goroutine.
func Each(ctx context.Context, n, workers int, write func(i int) error, progress func(done, total int)) []error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	errs := make([]error, n)
	for i := range errs {
		errs[i] = ErrNotStarted
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range n {
			if ctx.Err() != nil {
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	finished := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					continue // drain: errs[i] stays ErrNotStarted
				}
				// each i comes off jobs once: no other goroutine touches errs[i]
				if errs[i] = write(i); errs[i] != nil {
					stop()
				}
				finished <- struct{}{}
			}
		})
	}
	go func() {
		wg.Wait()
		close(finished)
	}()
	if progress != nil {
		progress(0, n)
	}
	done := 0
	for range finished {
		done++
		if progress != nil {
			progress(done, n)
		}
	}
	return errs
}
