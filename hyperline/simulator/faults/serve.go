package faults

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"time"
)

// unavailablePage is what a load balancer answers while the API is down.
const unavailablePage = `<html>
<head><title>503 Service Temporarily Unavailable</title></head>
<body><center><h1>503 Service Temporarily Unavailable</h1></center></body>
</html>
`

// serve forwards r or injects the fault its rule names.
func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	rule := p.pick(r)
	switch rule.Kind {
	case Unavailable:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(unavailablePage))
	case RateLimited:
		after := rule.RetryAfter
		if after <= 0 {
			after = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(after))
		writeJSONError(w, http.StatusTooManyRequests, "Too many requests")
	case HostileError:
		writeJSONError(w, http.StatusInternalServerError, HostileMessage)
	case Reset:
		reset(w)
	case Truncated:
		p.truncate(w, r)
	case Malformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"data": [{"id": "cus_1", "name": "Acme"` + "\x00" + `,]`))
	case Slow:
		delay := rule.Delay
		if delay <= 0 {
			delay = 2 * time.Second
		}
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
			p.origin.ServeHTTP(w, r)
		case <-r.Context().Done():
		case <-p.done:
			panic(http.ErrAbortHandler) // drop the connection, no answer
		}
	case Hang:
		select {
		case <-r.Context().Done():
		case <-p.done:
			panic(http.ErrAbortHandler)
		}
	default:
		p.origin.ServeHTTP(w, r)
	}
}

// writeJSONError answers status with Hyperline's error body.
func writeJSONError(w http.ResponseWriter, status int, message string) {
	body, _ := json.Marshal(map[string]string{"message": message})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// reset closes the client's connection with a TCP RST (linger 0) before
// anything is written.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// truncate forwards r, then sends the origin's status and headers with the
// full Content-Length but only the first half of the body; the server
// then drops the connection, as a broken proxy would.
func (p *Proxy) truncate(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	p.origin.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.Code)
	_, _ = w.Write(bytes.Clone(body[:len(body)/2]))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	// Returning with the body short makes net/http close the connection.
}
