//go:build race

package store_test

// The race detector slows SQLite (transpiled C) some thirty times: the
// multi-process tests use smaller files under it.
const raceEnabled = true
