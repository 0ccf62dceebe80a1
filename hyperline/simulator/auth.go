package simulator

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// companyHeader selects the company a request works on.
const companyHeader = "Hyperline-CompanyId"

// credential is what a request authenticated with.
type credential struct {
	token  string
	apiKey bool // the sandbox API key rather than an OAuth access token
}

// apiCall is what an API handler gets besides the request.
type apiCall struct {
	cred    credential
	company *company // nil for endpoints not tied to a company
	args    []string // path wildcards
}

// bearer extracts the presented token: "Authorization: Bearer <token>", or
// HTTP Basic with the API key as username and an empty password, as the
// docs allow. Not documented: Basic with an OAuth access token is refused.
func bearer(r *http.Request) (token string, basic bool) {
	h := r.Header.Get("Authorization")
	scheme, rest, _ := strings.Cut(h, " ")
	switch {
	case strings.EqualFold(scheme, "Bearer"):
		return strings.TrimSpace(rest), false
	case strings.EqualFold(scheme, "Basic"):
		user, pass, ok := r.BasicAuth()
		if !ok || pass != "" {
			return "", true
		}
		return user, true
	}
	return "", false
}

// authenticate checks the request's credential. On failure it returns the
// message for the 401 body.
func (s *Server) authenticate(r *http.Request) (credential, string) {
	tok, basic := bearer(r)
	switch {
	case tok == "" && r.Header.Get("Authorization") == "":
		return credential{}, "Missing authentication token"
	case tok == "":
		return credential{}, "Invalid authentication token"
	case subtle.ConstantTimeCompare([]byte(tok), []byte(s.apiKey)) == 1:
		return credential{token: tok, apiKey: true}, ""
	case basic:
		return credential{}, "Invalid API key"
	case s.store.accessValid(tok, s.cfg.Now()):
		return credential{token: tok}, ""
	}
	// Not documented: unknown, expired and revoked tokens all get the same
	// 401 message, so a client cannot tell them apart (nor should it need to).
	return credential{}, "Invalid or expired authentication token"
}

// visibleCompanies returns the companies a credential can see, oldest
// first. Not documented: the API key is bound to one company, the oldest;
// an OAuth token sees every company of the seeded user.
func (s *Server) visibleCompanies(c credential) []*company {
	if c.apiKey {
		return s.data.companies[:1]
	}
	return s.data.companies
}

// selectCompany applies Hyperline-CompanyId: absent means the oldest
// visible company, as the guide says.
func (s *Server) selectCompany(r *http.Request, c credential) *company {
	visible := s.visibleCompanies(c)
	id := r.Header.Get(companyHeader)
	if id == "" {
		return visible[0]
	}
	for _, co := range visible {
		if co.id == id {
			return co
		}
	}
	return nil
}

// clientAddr is the rate-limit key for requests without a valid credential.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return "ip:" + r.RemoteAddr
	}
	return "ip:" + host
}

// rateLimit counts the request and sets the rate-limit headers; past the
// limit it answers 429 and returns false. cred and authErr are what
// authenticate found.
func (s *Server) rateLimit(w http.ResponseWriter, r *http.Request, cred credential, authErr string) bool {
	key := clientAddr(r)
	if authErr == "" {
		key = "cred:" + cred.token
	}
	// Not documented: the scope of the limit; it is counted per credential
	// (per client address when there is none, as on the OAuth endpoints
	// other than userinfo).
	return s.limits.allow(w, key, r.Method, s.cfg)
}

// serveAPI runs the data and Apps API pipeline once the request has been
// counted: route, authentication, faults, company. cred and authErr are
// what authenticate found.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, cred credential, authErr string) {
	rt, args, ok := s.findRoute(r.Method, r.URL.Path)
	if !ok {
		routeNotFound(w)
		return
	}
	if authErr != "" {
		writeError(w, http.StatusUnauthorized, authErr)
		return
	}
	call := &apiCall{cred: cred, args: args}
	if rt.kind == appsAPI {
		if !cred.apiKey {
			// Not documented: what an OAuth token gets on the Apps API.
			writeError(w, http.StatusUnauthorized, "The Apps API requires an API key")
			return
		}
		rt.handle(w, r, call)
		return
	}
	w, finish, proceed := s.dice.apply(w, r)
	if !proceed {
		return
	}
	defer finish()
	if rt.kind == dataCompany {
		call.company = s.selectCompany(r, cred)
		if call.company == nil {
			// Not documented: an unknown company, or one the credential
			// cannot see, is refused with 403 rather than falling back.
			writeError(w, http.StatusForbidden, "Company not accessible")
			return
		}
	}
	rt.handle(w, r, call)
}
