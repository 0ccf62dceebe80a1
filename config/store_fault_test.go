package config

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

// TestStoreCheckWritable: the probe names the path and the cause.
func TestStoreCheckWritable(t *testing.T) {
	t.Parallel()
	if err := newTestStore(t).CheckWritable(); err != nil {
		t.Fatalf("CheckWritable on a fresh dir: %v", err)
	}
	boom := errors.New("read-only file system")
	st := NewStore(newTestStore(t).Path(), WithFaults(func(op StoreOp) error {
		if op == StoreOpProbe {
			return boom
		}
		return nil
	}))
	err := st.CheckWritable()
	var ue *UnwritableError
	if !errors.As(err, &ue) || !errors.Is(err, boom) || !strings.Contains(err.Error(), st.Path()) {
		t.Fatalf("err = %v, want an *UnwritableError naming %s and the cause", err, st.Path())
	}
}

// TestStoreRetriesSave: a write that fails twice succeeds on the third
// attempt; one that always fails leaves the old file and says why.
func TestStoreRetriesSave(t *testing.T) {
	t.Parallel()
	var failures atomic.Int32
	failures.Store(2)
	st := NewStore(newTestStore(t).Path(), WithFaults(func(op StoreOp) error {
		if op == StoreOpWrite && failures.Add(-1) >= 0 {
			return errors.New("no space left on device")
		}
		return nil
	}))
	if err := st.Update(addAccount(SandboxURL, "a@example.com")); err != nil {
		t.Fatalf("Update with two failed writes: %v", err)
	}
	before := fileText(t, st)
	failures.Store(saveAttempts)
	err := st.Update(addAccount(SandboxURL, "b@example.com"))
	var ue *UnwritableError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("err = %v, want an *UnwritableError", err)
	}
	if fileText(t, st) != before {
		t.Error("a failed save changed the file")
	}
}
