package debuglog

import "sync"

// File is one --debug run as the rest of hlx sees it: the path of the log
// file, and the ring of its recent records (the explorer's requests screen
// shows them).
type File struct {
	Path   string
	Recent *Recent
}

// Recent keeps the last records in memory, for a screen that shows recent
// requests and errors without reading the log file. It is safe for
// concurrent use.
type Recent struct {
	mu   sync.Mutex
	buf  []Record // ring; next is the oldest once full
	next int
	full bool
}

// NewRecent returns a ring that keeps the last n records (at least one).
func NewRecent(n int) *Recent {
	return &Recent{buf: make([]Record, max(n, 1))}
}

// Add keeps rec, dropping the oldest record when the ring is full.
func (r *Recent) Add(rec Record) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf[r.next] = rec
	r.next++
	if r.next == len(r.buf) {
		r.next, r.full = 0, true
	}
}

// Snapshot returns a copy of the kept records, oldest first.
func (r *Recent) Snapshot() []Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.full {
		return append([]Record(nil), r.buf[:r.next]...)
	}
	out := make([]Record, 0, len(r.buf))
	out = append(out, r.buf[r.next:]...)
	return append(out, r.buf[:r.next]...)
}
