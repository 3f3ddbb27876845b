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

// memoryLimit is the heap size past which the garbage collector works
// harder instead of letting the heap double: a million-row sheet then peaks
// at about 170 MB instead of 220 MB, on office PCs that have other work
// open. It is soft (a bigger file still goes through, more slowly);
// GOMEMLIMIT overrides it.
const memoryLimit = 160 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
