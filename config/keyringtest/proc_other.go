//go:build !linux

package keyringtest

import "syscall"

// dieWithParent: only Linux can tie a child's life to its parent; Stop
// ends the daemons elsewhere.
func dieWithParent() *syscall.SysProcAttr { return nil }
