package simulator

import (
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// requestLogSize bounds the request log; older records are dropped.
const requestLogSize = 10_000

// maxLoggedField bounds each string a record keeps (path, query, company
// header), so the log stays within about 60 MB whatever clients send.
const maxLoggedField = 2048

// RequestRecord is one request as the simulator saw it, for tests to assert
// on what a client sent. Path, Query and CompanyHeader keep at most their
// first 2048 bytes.
type RequestRecord struct {
	Time          time.Time // from Config.Now
	Method        string
	Path          string
	Query         string // raw query string
	CompanyHeader string // Hyperline-CompanyId, "" when absent
	Authorized    bool   // the request carried a valid credential
	Status        int
}

// requestLog is a bounded ring of records.
type requestLog struct {
	mu      sync.Mutex
	records []RequestRecord
	next    int // where the next record goes once the ring is full
}

// clip returns at most maxLoggedField bytes of v (cut on a rune
// boundary), copied so the record does not pin the request's buffers.
func clip(v string) string {
	if len(v) <= maxLoggedField {
		return strings.Clone(v)
	}
	cut := maxLoggedField
	for back := 0; back < utf8.UTFMax-1 && !utf8.RuneStart(v[cut]); back++ {
		cut--
	}
	return strings.Clone(v[:cut])
}

func (l *requestLog) add(rec RequestRecord) {
	rec.Path, rec.Query, rec.CompanyHeader = clip(rec.Path), clip(rec.Query), clip(rec.CompanyHeader)
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.records) < requestLogSize {
		l.records = append(l.records, rec)
		return
	}
	l.records[l.next] = rec
	l.next = (l.next + 1) % requestLogSize
}

func (l *requestLog) snapshot() []RequestRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]RequestRecord, 0, len(l.records))
	out = append(out, l.records[l.next:]...)
	return append(out, l.records[:l.next]...)
}

func (l *requestLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records, l.next = nil, 0
}

// statusRecorder remembers the status a handler wrote and reports it
// (onStatus) the moment it is set, before any byte of the answer leaves:
// a client that has read the answer finds the request in the log.
type statusRecorder struct {
	http.ResponseWriter
	status   int
	onStatus func(status int)
}

func (r *statusRecorder) setStatus(code int) {
	if r.status == 0 {
		r.status = code
		if r.onStatus != nil {
			r.onStatus(code)
		}
	}
}

func (r *statusRecorder) WriteHeader(code int) {
	r.setStatus(code)
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.setStatus(http.StatusOK)
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
