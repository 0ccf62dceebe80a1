package simulator

import (
	"crypto/rand"
	"slices"
	"sync"
	"time"
)

// App is a registered third-party app: what the Apps API returns, plus the
// client secret, which the API shows only on creation.
type App struct {
	ID           string
	Name         string
	Description  *string
	LogoURI      *string
	Callbacks    []string
	ClientID     string
	ClientSecret string
}

// clone returns a deep copy, so callers cannot reach the stored app.
func (a *App) clone() App {
	c := *a
	c.Callbacks = slices.Clone(a.Callbacks)
	return c
}

// pendingAuth is an authorize request waiting on the consent page. The form
// carries only its unguessable ID; everything else stays on the server.
type pendingAuth struct {
	clientID    string
	redirectURI string
	state       string
	challenge   string
	method      string
	expiresAt   time.Time
}

// authCode is an issued authorization code and what it is bound to.
type authCode struct {
	clientID    string
	redirectURI string
	challenge   string
	method      string
	expiresAt   time.Time
	used        bool
	grant       *grant // set once the code has been exchanged
}

// grant is one consent: the refresh token chain and access tokens that
// descend from one authorization code.
type grant struct {
	clientID       string
	refresh        string // current refresh token
	refreshRevoked bool
	accessRevoked  bool
}

// accessToken is an issued access token.
type accessToken struct {
	grant     *grant
	expiresAt time.Time
	expired   bool // set by ExpireAccessTokens
	revoked   bool // set by POST /oauth/revoke with this token
}

// store holds every piece of OAuth and app state behind one mutex.
type store struct {
	mu      sync.Mutex
	apps    []*App // oldest first
	pending map[string]*pendingAuth
	codes   map[string]*authCode
	refresh map[string]*grant
	access  map[string]*accessToken
	dynamic map[string]*dynClient // registered through /oauth/register
}

func newStore(seeded *App) *store {
	return &store{
		apps:    []*App{seeded},
		pending: map[string]*pendingAuth{},
		codes:   map[string]*authCode{},
		refresh: map[string]*grant{},
		access:  map[string]*accessToken{},
		dynamic: map[string]*dynClient{},
	}
}

// newSecret returns an opaque random string for codes, tokens and secrets.
func newSecret() string { return rand.Text() + rand.Text() }

// appByClientLocked finds an app by its client ID; s.mu must be held.
func (s *store) appByClientLocked(clientID string) *App {
	for _, a := range s.apps {
		if a.ClientID == clientID {
			return a
		}
	}
	return nil
}

// oauthClient is what the OAuth endpoints know of a client: an app made
// through the Apps API (confidential, with a secret) or one registered
// through /oauth/register (public: no secret, PKCE required).
type oauthClient struct {
	App
	public     bool
	grantTypes []string // of a public client; an app may use both grants
}

// clientLocked finds a client by its ID; s.mu must be held.
func (s *store) clientLocked(clientID string) (oauthClient, bool) {
	if a := s.appByClientLocked(clientID); a != nil {
		return oauthClient{App: a.clone(), grantTypes: []string{"authorization_code", "refresh_token"}}, true
	}
	if d := s.dynamic[clientID]; d != nil && clientID != "" {
		return oauthClient{App: d.app.clone(), public: true, grantTypes: slices.Clone(d.grantTypes)}, true
	}
	return oauthClient{}, false
}

// client returns a copy of the client with that ID.
func (s *store) client(clientID string) (oauthClient, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.clientLocked(clientID)
}

// issueLocked starts a grant for clientID with a fresh token pair.
func (s *store) issueLocked(clientID string, expiresAt time.Time) (g *grant, access string) {
	g = &grant{clientID: clientID, refresh: newSecret()}
	s.refresh[g.refresh] = g
	return g, s.newAccessLocked(g, expiresAt)
}

// newAccessLocked issues an access token in grant g.
func (s *store) newAccessLocked(g *grant, expiresAt time.Time) string {
	tok := newSecret()
	s.access[tok] = &accessToken{grant: g, expiresAt: expiresAt}
	return tok
}

// accessValid reports whether tok is a live access token.
func (s *store) accessValid(tok string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := s.access[tok]
	return at != nil && !at.expired && !at.revoked && !at.grant.accessRevoked && now.Before(at.expiresAt)
}

// revokeClientLocked kills every grant of a deleted app.
func (s *store) revokeClientLocked(clientID string) {
	for _, g := range s.refresh {
		if g.clientID == clientID {
			g.refreshRevoked, g.accessRevoked = true, true
		}
	}
}

// revokeAllRefresh revokes every refresh token; access tokens keep working
// until they expire, since the guide says they cannot be revoked.
func (s *store) revokeAllRefresh() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.refresh {
		g.refreshRevoked = true
	}
}

// expireAllAccess makes every issued access token expired.
func (s *store) expireAllAccess() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, at := range s.access {
		at.expired = true
	}
}

// sweepLocked drops pending requests and codes long past their expiry so
// a long-running simulator does not grow without bound.
func (s *store) sweepLocked(now time.Time) {
	for id, p := range s.pending {
		if now.After(p.expiresAt) {
			delete(s.pending, id)
		}
	}
	for c, ac := range s.codes {
		if now.Sub(ac.expiresAt) > time.Hour {
			delete(s.codes, c)
		}
	}
}
