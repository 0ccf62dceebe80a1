package debuglog

import (
	"encoding/json"
	"time"
)

// Record is one HTTP exchange, already redacted: every field is safe to
// write to a file, attach to a ticket or draw on the terminal.
type Record struct {
	Time    time.Time `json:"time"`              // when the request was sent
	Method  string    `json:"method"`            // GET, POST, …
	Host    string    `json:"host"`              // scheme and host, e.g. https://api.hyperline.co
	Path    string    `json:"path"`              // URL path
	Query   string    `json:"query,omitempty"`   // query with secret values replaced by [redacted]
	Company string    `json:"company,omitempty"` // the Hyperline-CompanyId header
	Attempt int       `json:"attempt,omitempty"` // from WithAttempt; 0 when not known
	// Form lists the fields of an OAuth request body, secrets redacted:
	// "grant_type=refresh_token refresh_token=[redacted]".
	Form      string            `json:"form,omitempty"`
	Status    int               `json:"status,omitempty"`     // 0 when no response arrived
	Duration  time.Duration     `json:"-"`                    // until the response headers arrived
	RequestID string            `json:"request_id,omitempty"` // the server's X-Request-Id, for support
	RateLimit map[string]string `json:"rate_limit,omitempty"` // X-RateLimit-*, RateLimit-*, Retry-After
	// Message is the start of the body of a response with status >= 400.
	Message string `json:"message,omitempty"`
	// Error is the transport error when no response arrived.
	Error string `json:"error,omitempty"`
}

// Failed reports whether the exchange ended in an error: no response, or a
// status of 400 or more. The recent-requests screen highlights these.
func (r Record) Failed() bool {
	return r.Error != "" || r.Status >= 400
}

// MarshalJSON writes the duration as text ("153.2ms") so the log reads
// without arithmetic.
func (r Record) MarshalJSON() ([]byte, error) {
	type plain Record // without this method, so Marshal does not recurse
	return json.Marshal(struct {
		plain
		Duration string `json:"duration"`
	}{plain(r), r.Duration.Round(100 * time.Microsecond).String()})
}
