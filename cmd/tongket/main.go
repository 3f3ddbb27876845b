// Command tongket compiles the yearly figures that subordinate units send for
// the movement "Toàn dân bảo vệ an ninh Tổ quốc" into period summaries.
//
// This package only parses flags, wires the packages below together and maps
// errors to exit codes; the work is done in intake, store, report and demo.
package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's settings (GOGC, GOMEMLIMIT in the environment
// override them). The heap may grow to three times what is live before a
// collection (gcPercent), which takes a sixth off an ingest's CPU time, but
// never past memoryLimit: past it the collector works harder instead, so a
// million-row sheet peaks at about 170 MB, not 220 MB, on office PCs that
// have other work open. The limit is soft: a bigger file still goes
// through, more slowly.
const (
	gcPercent   = 200
	memoryLimit = 160 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if len(os.Args) == 1 && startedFromExplorer() {
		welcome(os.Stdout, os.Stdin)
		return
	}
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
