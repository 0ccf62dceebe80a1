package config

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStoreUpdate is one saved change of a session with a few
// accounts: what every token refresh and company choice costs.
func BenchmarkStoreUpdate(b *testing.B) {
	st := NewStore(filepath.Join(b.TempDir(), "hlx", "session.json"))
	for i := range 4 {
		if err := st.Update(addAccount(SandboxURL, fmt.Sprintf("a%d@example.com", i))); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		err := st.Update(func(s *Session) error {
			s.Account(SandboxURL, "a0@example.com").UpdatedAt = time.Unix(int64(n), 0)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
