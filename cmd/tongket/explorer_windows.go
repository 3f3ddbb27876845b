//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// startedFromExplorer reports a tongket.exe alone in its console: Windows
// opened one for it because it was double-clicked in Explorer, and closes
// it the moment tongket exits. Started from cmd.exe or PowerShell, the
// console also holds the shell.
func startedFromExplorer() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	ids := make([]uint32, 4)
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
