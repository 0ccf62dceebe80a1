package simulator

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// pendingTTL is how long a consent page stays answerable.
const pendingTTL = 10 * time.Minute

// handleAuthorize answers GET /v1/oauth/authorize: it validates the request
// and shows the sign-in and consent page, or with Config.AutoApprove
// redirects back with a code at once.
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	// RFC 6749 §4.1.2.1: with a bad client_id or redirect_uri the user
	// must not be redirected anywhere; show an error page instead.
	clientID := q.Get("client_id")
	client, ok := s.store.client(clientID)
	app := client.App
	if clientID == "" || len(q["client_id"]) > 1 || !ok {
		s.errorPage(w, http.StatusBadRequest, "Unknown application",
			"The client_id of this authorization request is missing or does not belong to any registered app.")
		return
	}
	redirectURI := q.Get("redirect_uri")
	if redirectURI == "" || len(q["redirect_uri"]) > 1 || !s.redirectAllowed(client, redirectURI) {
		s.errorPage(w, http.StatusBadRequest, "Invalid redirect URI",
			"The redirect_uri of this authorization request is missing or is not one of the callbacks registered for "+app.Name+".")
		return
	}
	state := q.Get("state")
	// Not documented: how other errors are reported. The redirect follows
	// RFC 6749 §4.1.2.1 (error, error_description, state).
	fail := func(code, desc string) {
		redirectTo(w, redirectURI, url.Values{"error": {code}, "error_description": {desc}, "state": {state}})
	}
	for _, name := range []string{"response_type", "state", "code_challenge", "code_challenge_method"} {
		if len(q[name]) > 1 {
			fail("invalid_request", name+" must not be repeated")
			return
		}
	}
	switch q.Get("response_type") {
	case "code":
	case "":
		fail("invalid_request", "response_type is required")
		return
	default:
		fail("unsupported_response_type", "only response_type=code is supported")
		return
	}
	if state == "" {
		fail("invalid_request", "state is required")
		return
	}
	challenge, method := q.Get("code_challenge"), q.Get("code_challenge_method")
	if challenge == "" && method != "" {
		fail("invalid_request", "code_challenge_method without code_challenge")
		return
	}
	// The spec: code_challenge is "Required for public clients".
	if challenge == "" && client.public {
		fail("invalid_request", "code_challenge is required for public clients")
		return
	}
	if challenge != "" {
		if method == "" {
			method = "plain" // RFC 7636 §4.3 default
		}
		// The docs list both S256 (recommended) and plain, so plain is
		// accepted; hlx itself always sends S256.
		if method != "S256" && method != "plain" {
			fail("invalid_request", "code_challenge_method must be S256 or plain")
			return
		}
		if !validPKCEString(challenge) {
			fail("invalid_request", "code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]")
			return
		}
	}
	req := pendingAuth{
		clientID:    app.ClientID,
		redirectURI: redirectURI,
		state:       state,
		challenge:   challenge,
		method:      method,
	}
	if s.cfg.AutoApprove {
		s.approve(w, req)
		return
	}
	id := s.store.addPending(req, s.cfg.Now().Add(pendingTTL))
	s.consentPage(w, r, app, id)
}

// handleConsent answers the consent form: approve redirects with a code,
// deny with error=access_denied.
func (s *Server) handleConsent(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, http.StatusBadRequest, "Bad request", "The consent form could not be read.")
		return
	}
	req, ok := s.store.takePending(r.PostForm.Get("request_id"), s.cfg.Now())
	if !ok {
		s.errorPage(w, http.StatusBadRequest, "Request expired",
			"This authorization request has expired or was already answered. Start the sign-in again from the application.")
		return
	}
	switch r.PostForm.Get("decision") {
	case "approve":
		s.approve(w, req)
	case "deny":
		// Not documented: the redirect on denial; RFC 6749 access_denied.
		redirectTo(w, req.redirectURI, url.Values{
			"error":             {"access_denied"},
			"error_description": {"The user denied access to the application"},
			"state":             {req.state},
		})
	default:
		s.errorPage(w, http.StatusBadRequest, "Bad request", "The consent form was submitted without a decision.")
	}
}

// approve issues a code for req and redirects back with it.
func (s *Server) approve(w http.ResponseWriter, req pendingAuth) {
	code := s.store.addCode(req, s.cfg.Now(), s.cfg.CodeTTL)
	redirectTo(w, req.redirectURI, url.Values{"code": {code}, "state": {req.state}})
}

// redirectTo sends a 302 to base with params added to its query.
func redirectTo(w http.ResponseWriter, base string, params url.Values) {
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	w.Header().Set("Location", base+sep+params.Encode())
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusFound)
}

// redirectAllowed reports whether uri is one of the client's callbacks.
//
// Not documented beyond "must match": the simulator compares exactly, and
// with Config.LoopbackAnyPort also accepts any port on an app's registered
// loopback callback with the same scheme, host and path (RFC 8252 §7.3), so
// a native client can listen on a free port. A client registered through
// /oauth/register registers the very URIs it listens on, so its match is
// always exact.
func (s *Server) redirectAllowed(client oauthClient, uri string) bool {
	app := client.App
	for _, cb := range app.Callbacks {
		if cb == uri {
			return true
		}
	}
	if !s.cfg.LoopbackAnyPort || client.public {
		return false
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "http" || u.User != nil || u.Fragment != "" || !weburl.IsLoopbackHost(u.Hostname()) {
		return false
	}
	for _, cb := range app.Callbacks {
		c, err := url.Parse(cb)
		if err == nil && c.Scheme == u.Scheme && c.Hostname() == u.Hostname() &&
			c.Path == u.Path && c.RawQuery == u.RawQuery {
			return true
		}
	}
	return false
}

// addPending keeps req for the consent page and returns its ID.
func (st *store) addPending(req pendingAuth, expiresAt time.Time) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sweepLocked(expiresAt.Add(-pendingTTL))
	id := newSecret()
	req.expiresAt = expiresAt
	st.pending[id] = &req
	return id
}

// takePending removes and returns a live pending request.
func (st *store) takePending(id string, now time.Time) (pendingAuth, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	p := st.pending[id]
	if p == nil {
		return pendingAuth{}, false
	}
	delete(st.pending, id)
	if now.After(p.expiresAt) {
		return pendingAuth{}, false
	}
	return *p, true
}

// addCode issues an authorization code bound to req.
func (st *store) addCode(req pendingAuth, now time.Time, ttl time.Duration) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sweepLocked(now)
	code := newSecret()
	st.codes[code] = &authCode{
		clientID:    req.clientID,
		redirectURI: req.redirectURI,
		challenge:   req.challenge,
		method:      req.method,
		expiresAt:   now.Add(ttl),
	}
	return code
}
