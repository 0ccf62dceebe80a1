package simulator

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// registerRequest is the body of POST /oauth/register (RFC 7591 §2), as
// the spec lists it. Every field is decoded as raw JSON so that a value of
// the wrong type is refused rather than silently dropped.
type registerRequest map[string]json.RawMessage

// registerResponse is the spec's 201 body: no client_secret, every
// registered client is public.
type registerResponse struct {
	ClientID                string   `json:"client_id"`
	ClientIDIssuedAt        int64    `json:"client_id_issued_at"`
	RedirectURIs            []string `json:"redirect_uris"`
	ClientName              string   `json:"client_name,omitempty"`
	ClientURI               string   `json:"client_uri,omitempty"`
	LogoURI                 string   `json:"logo_uri,omitempty"`
	Scope                   string   `json:"scope,omitempty"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
}

// registerError is the spec's 400 body (RFC 7591 §3.2.2).
type registerError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

// dynClient is a client registered through POST /oauth/register: public,
// bound to its redirect URIs and grant types.
type dynClient struct {
	app        App // Name, LogoURI, Callbacks (the redirect URIs), ClientID
	grantTypes []string
	issuedAt   time.Time
}

// The RFC 7591 §3.2.2 error codes the simulator answers with.
const (
	errInvalidRedirectURI    = "invalid_redirect_uri"
	errInvalidClientMetadata = "invalid_client_metadata"
)

// handleRegister answers POST /oauth/register: dynamic client registration
// per RFC 7591, strictly as the spec lists it. With Config.NoRegistration
// it answers 404 like any unknown route, as an environment without dynamic
// registration would.
func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) {
	if s.cfg.NoRegistration {
		routeNotFound(w)
		return
	}
	fail := func(code, desc string) {
		writeJSON(w, http.StatusBadRequest, registerError{Error: code, ErrorDescription: desc})
	}
	var req registerRequest
	if err := readJSON(w, r, &req); err != nil {
		fail(errInvalidClientMetadata, err.Error())
		return
	}
	c, code, desc := parseRegistration(req)
	if code != "" {
		fail(code, desc)
		return
	}
	c.issuedAt = s.cfg.Now().Truncate(time.Second)
	// Not documented: the client ID's shape; the spec's example is
	// "dyn_abc123xyz789".
	c.app.ClientID = "dyn_" + strings.ToLower(rand.Text()[:12])
	s.store.addDynamic(c)
	resp := registerResponse{
		ClientID:                c.app.ClientID,
		ClientIDIssuedAt:        c.issuedAt.Unix(),
		RedirectURIs:            slices.Clone(c.app.Callbacks),
		ClientName:              c.app.Name,
		GrantTypes:              slices.Clone(c.grantTypes),
		ResponseTypes:           []string{"code"},
		TokenEndpointAuthMethod: "none", // every registered client is public
	}
	if c.app.LogoURI != nil {
		resp.LogoURI = *c.app.LogoURI
	}
	resp.ClientURI, _ = stringField(req, "client_uri")
	resp.Scope, _ = stringField(req, "scope")
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, resp)
}

// parseRegistration validates a registration body; code is the RFC 7591
// error code when it is refused.
func parseRegistration(req registerRequest) (c dynClient, code, desc string) {
	var uris []string
	if raw, ok := req["redirect_uris"]; !ok || json.Unmarshal(raw, &uris) != nil || len(uris) == 0 {
		return c, errInvalidRedirectURI, "redirect_uris is required and must be a non-empty array of URIs"
	}
	for _, u := range uris {
		if msg := checkRedirectURI(u); msg != "" {
			return c, errInvalidRedirectURI, msg
		}
	}
	c.app.Callbacks = slices.Compact(uris)
	for _, name := range []string{"client_name", "scope", "software_id", "software_version"} {
		if _, ok := stringField(req, name); !ok {
			return c, errInvalidClientMetadata, name + " must be a string"
		}
	}
	for _, name := range []string{"client_uri", "logo_uri", "tos_uri", "policy_uri"} {
		v, ok := stringField(req, name)
		if !ok || (v != "" && !absoluteURI(v)) {
			return c, errInvalidClientMetadata, name + " must be an absolute URI"
		}
	}
	c.app.Name, _ = stringField(req, "client_name")
	if logo, _ := stringField(req, "logo_uri"); logo != "" {
		c.app.LogoURI = &logo
	}
	// RFC 7591 §2: grant_types defaults to authorization_code alone, so a
	// client that wants to refresh must say so.
	var ok bool
	if c.grantTypes, ok = enumList(req, "grant_types", []string{"authorization_code"}, "authorization_code", "refresh_token"); !ok {
		return c, errInvalidClientMetadata, "grant_types may hold only authorization_code and refresh_token"
	}
	if _, ok := enumList(req, "response_types", []string{"code"}, "code"); !ok {
		return c, errInvalidClientMetadata, "response_types may hold only code"
	}
	if m, ok := stringField(req, "token_endpoint_auth_method"); !ok || (m != "" && m != "none" && m != "client_secret_post") {
		return c, errInvalidClientMetadata, "token_endpoint_auth_method must be none or client_secret_post"
	}
	var contacts []string
	if raw, ok := req["contacts"]; ok && json.Unmarshal(raw, &contacts) != nil {
		return c, errInvalidClientMetadata, "contacts must be an array of email addresses"
	}
	for _, e := range contacts {
		if _, err := mail.ParseAddress(e); err != nil || strings.ContainsAny(e, "<> ") {
			return c, errInvalidClientMetadata, "contacts must be an array of email addresses"
		}
	}
	return c, "", ""
}

// checkRedirectURI applies the spec's rule: "HTTPS, localhost, and
// supported native app callback URIs are accepted". Not documented: which
// native callbacks; a private-use scheme in reverse-domain form (RFC 8252
// §7.1) is. Plain http only on a loopback host (RFC 8252 §7.3).
func checkRedirectURI(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || !absoluteURI(raw) {
		return "redirect URI " + quoteShort(raw) + " is not an absolute URI without a fragment"
	}
	switch {
	case u.Scheme == "https":
		return ""
	case u.Scheme == "http" && weburl.IsLoopbackHost(u.Hostname()):
		return ""
	case u.Scheme == "http":
		return "Redirect URI must use HTTPS."
	case strings.Contains(u.Scheme, "."):
		return ""
	}
	return "redirect URI " + quoteShort(raw) + " uses an unsupported scheme"
}

// quoteShort quotes s for an error message, cut to a readable length.
func quoteShort(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// stringField reads an optional string field; ok is false for a present
// value that is not a string.
func stringField(req registerRequest, name string) (string, bool) {
	raw, present := req[name]
	if !present {
		return "", true
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", false
	}
	return v, true
}

// enumList reads an optional array of strings, each one of allowed; an
// absent field gives def.
func enumList(req registerRequest, name string, def []string, allowed ...string) ([]string, bool) {
	raw, present := req[name]
	if !present {
		return def, true
	}
	var v []string
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, false
	}
	for _, e := range v {
		if !slices.Contains(allowed, e) {
			return nil, false
		}
	}
	return slices.Compact(v), true
}

// addDynamic keeps a registered client.
func (st *store) addDynamic(c dynClient) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.dynamic[c.app.ClientID] = &c
}

// DynamicClients returns the client IDs registered through /oauth/register,
// for tests that count registrations.
func (s *Server) DynamicClients() []string {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	ids := make([]string, 0, len(s.store.dynamic))
	for id := range s.store.dynamic {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// ForgetDynamicClients drops every registered client and its grants, as a
// server that expired them (or a restarted simulator) would: the clients
// then get invalid_client.
func (s *Server) ForgetDynamicClients() {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	for id := range s.store.dynamic {
		s.store.revokeClientLocked(id)
	}
	clear(s.store.dynamic)
}
