package debuglog

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestLogRedactsTheSentTokenWhateverItsShape: a server that echoes the
// bearer token it received, bare (no "Bearer", no known prefix, no key
// name), in its error body, in a header, or in prose: the log never holds
// it. Only the shape rules were tested, so forgetting the token that was
// sent passed the suite.
func TestLogRedactsTheSentTokenWhateverItsShape(t *testing.T) {
	t.Parallel()
	const token = "Zq9vOpaqueTokenWithNoKnownShape0123456789"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		w.Header().Set("X-Echo", sent)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"message":"credential `+sent+` was revoked","detail":"`+sent+`"}`)
	}))
	defer srv.Close()
	var log bytes.Buffer
	client := &http.Client{Transport: New(&log).Transport(nil)}
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/v1/companies", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if log.Len() == 0 {
		t.Fatal("nothing logged")
	}
	if strings.Contains(log.String(), token[:12]) {
		t.Errorf("the log holds the sent token:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "was revoked") {
		t.Errorf("the log lost the message around the token:\n%s", log.String())
	}
}
