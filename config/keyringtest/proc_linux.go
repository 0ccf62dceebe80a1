package keyringtest

import "syscall"

// dieWithParent ends a started daemon with the test binary, should it exit
// without calling Stop.
func dieWithParent() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
