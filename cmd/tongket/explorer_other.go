//go:build !windows

package main

// startedFromExplorer is the Windows double-click case; elsewhere a program
// without a terminal of its own is not started by double-clicking it.
func startedFromExplorer() bool { return false }
