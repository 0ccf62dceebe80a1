package hyperline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// serve answers every request with status, content type and body.
func serve(status int, contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
}

func TestErrorBodies(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		status      int
		ct, body    string
		wantErr     string
		wantMessage string
		sentinel    error
	}{
		{"json message", 404, "application/json", `{"message":"Customer not found"}`,
			"GET /v2/customers/cus_1: 404 Customer not found", "Customer not found", ErrNotFound},
		{"unauthorized", 401, "application/json", `{"message":"Missing authentication token"}`,
			"GET /v2/customers/cus_1: 401 Missing authentication token", "Missing authentication token", ErrUnauthorized},
		{"rate limited", 429, "application/json", `{"message":"Too many requests"}`,
			"GET /v2/customers/cus_1: 429 Too many requests", "Too many requests", ErrRateLimited},
		{"forbidden", 403, "application/json", `{"message":"Company not accessible"}`,
			"", "Company not accessible", ErrForbidden},
		{"validation list", 400, "application/json", `{"message":["take must be <= 100","skip must be >= 0"]}`,
			"", "take must be <= 100; skip must be >= 0", nil},
		{"oauth shape", 400, "application/json", `{"error":"invalid_grant","error_description":"code expired"}`,
			"", "invalid_grant: code expired", nil},
		{"json without message", 409, "application/json", `{"code":1}`,
			"", "Conflict (JSON body without a message)", nil},
		{"html 502", 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
			"GET /v2/customers/cus_1: 502 Bad Gateway (HTML body)", "Bad Gateway (HTML body)", nil},
		{"html untyped", 503, "", "<!DOCTYPE html><p>down</p>", "", "Service Unavailable (HTML body)", nil},
		{"plain text", 500, "text/plain", "upstream exploded\nstack...", "", "upstream exploded", nil},
		{"empty", 500, "", "", "GET /v2/customers/cus_1: 500 Internal Server Error", "Internal Server Error", nil},
		{"binary", 500, "application/octet-stream", "\x00\x01\x02", "", "Internal Server Error (3-byte application/octet-stream body)", nil},
		{"truncated json error", 400, "application/json", `{"message":"Cannot assi`, "", "Bad Request (JSON body without a message)", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(serve(tc.status, tc.ct, tc.body))
			defer srv.Close()
			c, _ := newTestClient(t, srv, WithRetry(RetryPolicy{MaxAttempts: 1}))
			_, err := c.Company("cmp_1").GetCustomer(context.Background(), "cus_1")
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v (%T), want *APIError", err, err)
			}
			if apiErr.StatusCode != tc.status || apiErr.Method != "GET" || apiErr.Path != "/v2/customers/cus_1" {
				t.Errorf("APIError = %+v", apiErr)
			}
			if apiErr.Message != tc.wantMessage {
				t.Errorf("Message = %q, want %q", apiErr.Message, tc.wantMessage)
			}
			if tc.wantErr != "" && err.Error() != tc.wantErr {
				t.Errorf("Error() = %q, want %q", err.Error(), tc.wantErr)
			}
			for _, s := range []error{ErrNotFound, ErrUnauthorized, ErrRateLimited, ErrForbidden} {
				if got := errors.Is(err, s); got != (s == tc.sentinel) {
					t.Errorf("errors.Is(err, %v) = %v", s, got)
				}
			}
		})
	}
}

func TestErrorMessageNeverCarriesTheToken(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"message":"token rejected: %s"}`, r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	_, err := c.ListCompanies(context.Background())
	if err == nil || strings.Contains(err.Error(), testToken) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "[redacted]") || !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("err = %v, want a redacted 401", err)
	}
}

// TestMalformedCursorBodies: a cursor page must carry data, next_cursor and
// has_more (the spec's required fields), with the right types.
func TestMalformedCursorBodies(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"data":[],"has_more":false}`,
		`{"data":[],"next_cursor":null}`,
		`{"next_cursor":null,"has_more":false}`,
		`{"data":null,"next_cursor":null,"has_more":false}`,
		`{"data":[],"next_cursor":7,"has_more":true}`,
		`{"data":[],"next_cursor":null,"has_more":"yes"}`,
		`{"data":[],"next_cursor":null,"has_more":false,"total":-3}`,
		`{"meta":{"total":0,"taken":0,"skipped":0},"data":[]}`,
	} {
		srv := httptest.NewServer(serve(200, "application/json", body))
		c, _ := newTestClient(t, srv)
		_, err := c.Company("cmp_1").ListInvoices(context.Background(), InvoiceListOptions{})
		srv.Close()
		if !errors.Is(err, ErrMalformedResponse) || !strings.Contains(err.Error(), "/v2/invoices") {
			t.Errorf("body %s: err = %v, want ErrMalformedResponse naming /v2/invoices", body, err)
		}
	}
}

func TestMalformedSuccessBodies(t *testing.T) {
	t.Parallel()
	big := `{"data":[` + strings.Repeat(`{"id":"cus_x"},`, 200) + `{"id":"cus_y"}],"meta":{"total":1}}`
	cases := []struct {
		name, ct, body string
		wantInErr      string
	}{
		{"truncated json", "application/json", `{"data":[{"id":"cus_1","name":"Ac`, "GET /v2/subscriptions"},
		{"not json", "application/json", `hello`, "not valid JSON"},
		{"html 200", "text/html", `<html>captive portal</html>`, `expected JSON, got "text/html"`},
		{"oversized", "application/json", big, "body larger than 1024 bytes"},
		{"array instead of envelope", "application/json", `[1,2]`, "not a JSON object"},
		{"data not a list", "application/json", `{"data":{"id":"x"}}`, "decode list"},
		{"negative meta", "application/json", `{"data":[],"meta":{"total":-1}}`, "negative"},
		{"empty", "application/json", ``, "empty body"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(serve(200, tc.ct, tc.body))
			defer srv.Close()
			c, _ := newTestClient(t, srv, WithMaxBodySize(1024))
			_, err := c.Company("cmp_1").ListSubscriptions(context.Background(), SubscriptionListOptions{})
			if !errors.Is(err, ErrMalformedResponse) {
				t.Fatalf("err = %v, want ErrMalformedResponse", err)
			}
			if !strings.Contains(err.Error(), tc.wantInErr) || !strings.Contains(err.Error(), "/v2/subscriptions") {
				t.Fatalf("err = %q, want it to contain %q and the endpoint", err, tc.wantInErr)
			}
		})
	}
}

// A body cut off by the connection (Content-Length promises more) is
// malformed, and retried as a dropped connection first.
func TestBodyCutOffByConnection(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "500")
		fmt.Fprint(w, `{"data":[{"id":"cus_1"`)
	}))
	defer srv.Close()
	c, rec := newTestClient(t, srv)
	_, err := c.Company("cmp_1").ListCustomers(context.Background(), CustomerListOptions{})
	if !errors.Is(err, ErrMalformedResponse) {
		t.Fatalf("err = %v, want ErrMalformedResponse", err)
	}
	if got := len(rec.got()); got != DefaultRetryPolicy().MaxAttempts-1 {
		t.Fatalf("%d retries, want %d", got, DefaultRetryPolicy().MaxAttempts-1)
	}
}

type failingSource struct{ err error }

func (f failingSource) Token() (*oauth2.Token, error) { return nil, f.err }

func TestTokenSourceErrorIsWrappedUnchanged(t *testing.T) {
	t.Parallel()
	errLogin := errors.New("login required")
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls++ }))
	defer srv.Close()
	c, err := New(srv.URL, failingSource{fmt.Errorf("refresh: %w", errLogin)}, WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.AllCompanies(context.Background())
	if !errors.Is(err, errLogin) {
		t.Fatalf("err = %v, want errors.Is login required", err)
	}
	if calls != 0 {
		t.Fatalf("%d requests made without a token", calls)
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":                              0,
		"7":                             7 * time.Second,
		" 2 ":                           2 * time.Second,
		"0":                             0,
		"-3":                            0,
		"soon":                          0,
		"Sat, 01 Mar 2025 12:00:30 GMT": 30 * time.Second,
		"Sat, 01 Mar 2025 11:59:00 GMT": 0,
		"99999999999":                   24 * time.Hour,
	}
	for in, want := range cases {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}
