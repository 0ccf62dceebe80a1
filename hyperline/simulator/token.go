package simulator

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"time"
)

// tokenRequest is the JSON body of POST /v1/oauth/tokens and /revoke.
type tokenRequest struct {
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	GrantType    string `json:"grant_type"`
	Code         string `json:"code"`
	RedirectURI  string `json:"redirect_uri"`
	CodeVerifier string `json:"code_verifier"`
	RefreshToken string `json:"refresh_token"`
	Token        string `json:"token"`
}

// tokenResponse is the documented token response.
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
	TokenType    string `json:"token_type"`
}

// userInfo is the documented GET /v1/oauth/userinfo body.
type userInfo struct {
	GivenName     *string `json:"given_name"`
	FamilyName    *string `json:"family_name"`
	Name          *string `json:"name"`
	Picture       *string `json:"picture"`
	Email         string  `json:"email"`
	EmailVerified bool    `json:"email_verified"`
}

// readJSON decodes a JSON object body into v. The docs say the OAuth and
// Apps endpoints take JSON bodies; anything else (a form-encoded body in
// particular) is refused.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return errors.New("Content-Type must be application/json")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		return errors.New("request body could not be read")
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("request body is not a valid JSON object: %v", err)
	}
	return nil
}

// authenticateClient checks client_id and client_secret and returns the
// client. Not documented: the status for bad client credentials; 401 as
// the API notes recommend. Apps made through the Apps API are
// confidential, so their secret is always required. A client registered
// through /oauth/register is public: client_id alone identifies it (the
// spec requires only client_id), and a secret sent with it is refused, as
// it has none.
func (st *store) authenticateClient(id, secret string) (oauthClient, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	c, ok := st.clientLocked(id)
	switch {
	case !ok:
		return oauthClient{}, false
	case c.public:
		return c, secret == ""
	}
	return c, subtle.ConstantTimeCompare([]byte(secret), []byte(c.ClientSecret)) == 1
}

// handleToken answers POST /v1/oauth/tokens for the authorization_code and
// refresh_token grants. Not documented: error statuses and bodies; bad
// client credentials get 401 {"message"}, everything else 400 {"message"}.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	var req tokenRequest
	if err := readJSON(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	client, ok := s.store.authenticateClient(req.ClientID, req.ClientSecret)
	if !ok {
		writeError(w, http.StatusUnauthorized, "Invalid client credentials")
		return
	}
	now := s.cfg.Now()
	var (
		resp tokenResponse
		msg  string
	)
	switch req.GrantType {
	case "authorization_code":
		resp, msg = s.store.exchangeCode(req, now, s.cfg.AccessTTL)
	case "refresh_token":
		if !slices.Contains(client.grantTypes, "refresh_token") {
			// RFC 6749 §5.2 unauthorized_client: the client registered
			// without the refresh_token grant (RFC 7591 §2's default).
			msg = "This client is not registered for the refresh_token grant"
			break
		}
		resp, msg = s.store.refreshGrant(req, now, s.cfg.AccessTTL, !s.cfg.NoRotation)
	case "":
		msg = "grant_type is required"
	default:
		msg = "Unsupported grant_type: only authorization_code and refresh_token are supported"
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// exchangeCode redeems an authorization code; msg is non-empty on refusal.
func (st *store) exchangeCode(req tokenRequest, now time.Time, ttl time.Duration) (resp tokenResponse, msg string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	ac := st.codes[req.Code]
	switch {
	case req.Code == "":
		return resp, "code is required"
	case ac == nil || ac.clientID != req.ClientID:
		return resp, "Invalid authorization code"
	case ac.used:
		// Not documented: RFC 6749 §4.1.2 recommends revoking the tokens
		// issued from a code that is presented twice. The guide says access
		// tokens cannot be revoked, so only the refresh token is.
		if ac.grant != nil {
			ac.grant.refreshRevoked = true
		}
		return resp, "Authorization code has already been used"
	}
	// Not documented: a code is spent by its first redemption attempt,
	// even a failed one, so a PKCE verifier cannot be guessed at leisure.
	ac.used = true
	switch {
	case now.After(ac.expiresAt):
		return resp, "Authorization code has expired"
	case req.RedirectURI != ac.redirectURI:
		return resp, "redirect_uri does not match the one sent to /authorize"
	}
	if msg := checkVerifier(ac, req.CodeVerifier); msg != "" {
		return resp, msg
	}
	expiresAt := now.Add(ttl)
	g, access := st.issueLocked(ac.clientID, expiresAt)
	ac.grant = g
	return tokenResponse{AccessToken: access, RefreshToken: g.refresh, ExpiresIn: int64(ttl / time.Second), TokenType: "bearer"}, ""
}

// checkVerifier applies RFC 7636 to a code and the verifier sent with it.
func checkVerifier(ac *authCode, verifier string) string {
	if ac.challenge == "" {
		if verifier != "" {
			return "code_verifier sent but the authorization request had no code_challenge"
		}
		return ""
	}
	if verifier == "" {
		return "code_verifier is required"
	}
	if !validPKCEString(verifier) {
		return "code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~]"
	}
	want := verifier
	if ac.method == "S256" {
		sum := sha256.Sum256([]byte(verifier))
		want = base64.RawURLEncoding.EncodeToString(sum[:])
	}
	if subtle.ConstantTimeCompare([]byte(want), []byte(ac.challenge)) != 1 {
		return "code_verifier does not match code_challenge"
	}
	return ""
}

// validPKCEString checks RFC 7636's shape for verifiers and challenges.
func validPKCEString(v string) bool {
	if len(v) < 43 || len(v) > 128 {
		return false
	}
	for i := range len(v) {
		c := v[i]
		ok := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
		if !ok {
			return false
		}
	}
	return true
}

// refreshGrant issues a new access token from a refresh token. Not
// documented: rotation. By default the refresh token is replaced and the
// old one stops working at once; with rotate false it is returned as is.
func (st *store) refreshGrant(req tokenRequest, now time.Time, ttl time.Duration, rotate bool) (resp tokenResponse, msg string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if req.RefreshToken == "" {
		return resp, "refresh_token is required"
	}
	g := st.refresh[req.RefreshToken]
	if g == nil || g.refreshRevoked || g.clientID != req.ClientID {
		return resp, "Invalid refresh token"
	}
	if rotate {
		delete(st.refresh, g.refresh)
		g.refresh = newSecret()
		st.refresh[g.refresh] = g
	}
	access := st.newAccessLocked(g, now.Add(ttl))
	return tokenResponse{AccessToken: access, RefreshToken: g.refresh, ExpiresIn: int64(ttl / time.Second), TokenType: "bearer"}, ""
}

// handleRevoke answers POST /oauth/revoke: the spec's revoke takes an access
// or a refresh token and answers 204 with no body.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	var req tokenRequest
	if err := readJSON(w, r, &req); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	client, ok := s.store.authenticateClient(req.ClientID, req.ClientSecret)
	switch {
	case ok && client.public && !s.cfg.PublicRevoke:
		// The spec lists client_secret as required here, and a public
		// client has none. Not documented: the answer; the same 401 as
		// for a wrong secret.
		writeError(w, http.StatusUnauthorized, "client_secret is required to revoke a token")
		return
	case !ok:
		writeError(w, http.StatusUnauthorized, "Invalid client credentials")
		return
	}
	if req.Token == "" {
		writeError(w, http.StatusBadRequest, "token is required")
		return
	}
	if !s.store.revoke(req.ClientID, req.Token) {
		writeError(w, http.StatusBadRequest, "Token was not issued to this client")
		return
	}
	// Not documented: an unknown token; it answers 204 too, as RFC 7009
	// §2.2 says.
	w.WriteHeader(http.StatusNoContent)
}

// revoke kills a refresh token or an access token. Not documented: whether
// revoking a refresh token ends the access tokens already issued with it;
// they keep working until they expire (the guide: access tokens expire),
// so a client that wants both gone revokes both. It returns false when the
// token belongs to another client.
func (st *store) revoke(clientID, token string) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if at := st.access[token]; at != nil {
		if at.grant.clientID != clientID {
			return false
		}
		at.revoked = true
		return true
	}
	g := st.refresh[token]
	if g == nil {
		return true
	}
	if g.clientID != clientID {
		return false
	}
	g.refreshRevoked = true
	return true
}

// handleUserInfo answers GET /v1/oauth/userinfo for an OAuth access token.
func (s *Server) handleUserInfo(w http.ResponseWriter, r *http.Request) {
	cred, msg := s.authenticate(r)
	switch {
	case msg != "":
		writeError(w, http.StatusUnauthorized, msg)
		return
	case cred.apiKey:
		// Not documented: userinfo describes the user behind an OAuth
		// grant; an API key has none.
		writeError(w, http.StatusUnauthorized, "userinfo requires an OAuth access token")
		return
	}
	u := s.user
	writeJSON(w, http.StatusOK, userInfo{
		GivenName:     &u.GivenName,
		FamilyName:    &u.FamilyName,
		Name:          &u.Name,
		Picture:       &u.Picture,
		Email:         u.Email,
		EmailVerified: true,
	})
}
