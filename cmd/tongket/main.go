// Command tongket compiles the yearly figures that subordinate units send for
// the movement "Toàn dân bảo vệ an ninh Tổ quốc" into period summaries.
//
// This package only parses flags, wires the packages below together and maps
// errors to exit codes; the work is done in intake, store, report and demo.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}
