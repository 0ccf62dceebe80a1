package simulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// isoMillis is Hyperline's timestamp layout: UTC, milliseconds, Z.
const isoMillis = "2006-01-02T15:04:05.000Z"

// iso formats t as Hyperline does.
func iso(t time.Time) string { return t.UTC().Format(isoMillis) }

// isoPtr formats t, or returns nil (JSON null) for the zero time.
func isoPtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := iso(t)
	return &s
}

// encodeJSON renders v without HTML escaping, so "Zoë's & Co" stays
// readable in the raw body.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Every value passed here is a plain struct; failing is a bug.
		panic("simulator: encode response: " + err.Error())
	}
	return buf.Bytes()
}

// writeJSON sends v with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	writeJSONBytes(w, status, encodeJSON(v))
}

// writeJSONBytes sends an already encoded JSON body with the given status.
func writeJSONBytes(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// errorBody is the documented error shape: {"message": "..."}.
type errorBody struct {
	Message string `json:"message"`
}

// writeError sends {"message": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Message: msg})
}

// routeNotFound is the answer for unknown paths, as the ruby client saw it.
func routeNotFound(w http.ResponseWriter) {
	writeError(w, http.StatusNotFound, "Route not found")
}

// stampTime parses a timestamp the simulator made; the zero time for null
// or garbage.
func stampTime(s string) time.Time {
	t, err := time.Parse(isoMillis, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
