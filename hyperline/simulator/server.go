package simulator

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// User is the seeded Hyperline user who signs in on the consent page and
// can see every seeded company.
type User struct {
	Email      string
	Name       string
	GivenName  string
	FamilyName string
	Picture    string
}

// CompanyInfo describes a seeded company.
type CompanyInfo struct {
	ID        string
	Name      string
	Customers int
	CreatedAt time.Time
}

// Server is the simulator; it implements http.Handler.
type Server struct {
	cfg       Config
	user      User
	apiKey    string
	appID     string // the seeded app
	data      *dataset
	store     *store
	limits    *rateLimiter
	dice      *faultDice
	log       *requestLog
	routes    []route
	pages     *template.Template
	oauthPath map[string]http.HandlerFunc // "METHOD /path" → handler
	stats     *analyticsCache
	indexes   []*companyIndex // one per company, built on first use
	exports   *exportStore    // POST /v1/exports and their files
	wires     []*customerWire // one per company: customers' encoded JSON
}

// New builds a simulator from cfg. It is cheap even for a million
// customers: objects are generated when asked for.
func New(cfg Config) *Server {
	cfg = cfg.withDefaults()
	seed := uint64(cfg.Seed)
	r := newRNG(seed, tagApp)
	app := &App{
		ID:          "app_" + r.token(14),
		Name:        "hlx — Hyperline explorer",
		Description: ptr("Keyboard-driven terminal explorer for your Hyperline customers, subscriptions and invoices (read-only)."),
		Callbacks: []string{
			"http://127.0.0.1:8765/callback",
			"http://localhost:8765/callback",
		},
		ClientID:     r.token(24),
		ClientSecret: r.token(48),
	}
	s := &Server{
		cfg: cfg,
		user: User{
			Email:      "camille.lefevre@example.com",
			Name:       "Camille Lefèvre",
			GivenName:  "Camille",
			FamilyName: "Lefèvre",
			Picture:    "https://avatars.example.com/camille-lefevre.png",
		},
		apiKey:  "test_" + newRNG(seed, tagAPIKey).token(40),
		appID:   app.ID,
		data:    newDataset(seed, cfg.Epoch, cfg.companySizes(), cfg.Hostile),
		store:   newStore(app),
		limits:  newRateLimiter(),
		dice:    newFaultDice(cfg.Seed, cfg.faults()),
		log:     &requestLog{},
		pages:   newPages(),
		stats:   &analyticsCache{},
		exports: &exportStore{},
	}
	s.indexes = newIndexes(len(s.data.companies))
	s.wires = make([]*customerWire, len(s.data.companies))
	for i := range s.wires {
		s.wires[i] = &customerWire{}
	}
	if cfg.Hostile {
		s.user.Name = hostileUserName
	}
	s.routes = s.apiRoutes()
	s.oauthPath = s.oauthRoutes()
	return s
}

// App returns the seeded third-party app, with its client secret. Its
// callbacks include http://127.0.0.1:8765/callback; with
// Config.LoopbackAnyPort any loopback port is accepted on the same path.
func (s *Server) App() App {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	for _, a := range s.store.apps {
		if a.ID == s.appID {
			return a.clone()
		}
	}
	return App{} // deleted through the Apps API
}

// APIKey returns the seeded sandbox API key ("test_..."). It is bound to
// the oldest company.
func (s *Server) APIKey() string { return s.apiKey }

// User returns the seeded user.
func (s *Server) User() User { return s.user }

// Companies lists the seeded companies, oldest first.
func (s *Server) Companies() []CompanyInfo {
	out := make([]CompanyInfo, len(s.data.companies))
	for i, c := range s.data.companies {
		out[i] = CompanyInfo{ID: c.id, Name: c.name, Customers: c.customers, CreatedAt: c.createdAt}
	}
	return out
}

// Epoch returns the moment the generated data is relative to (see
// Config.Epoch), so a caller can tell how the data's "now" was chosen.
func (s *Server) Epoch() time.Time { return s.data.epoch }

// Requests returns the logged requests, oldest first (the last 10,000).
func (s *Server) Requests() []RequestRecord { return s.log.snapshot() }

// ResetRequests empties the request log.
func (s *Server) ResetRequests() { s.log.reset() }

// RevokeRefreshTokens revokes every refresh token, as if an admin revoked
// every grant. Access tokens keep working until they expire: the guide says
// access tokens cannot be revoked.
func (s *Server) RevokeRefreshTokens() { s.store.revokeAllRefresh() }

// ExpireAccessTokens makes every access token issued so far expired.
func (s *Server) ExpireAccessTokens() { s.store.expireAllAccess() }

// SetFaults replaces the fault settings at run time.
func (s *Server) SetFaults(f Faults) { s.dice.set(f) }

// ServeHTTP answers one request and logs it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	authorized := false
	record := func(status int) {
		s.log.add(RequestRecord{
			Time:          s.cfg.Now(),
			Method:        r.Method,
			Path:          r.URL.Path,
			Query:         r.URL.RawQuery,
			CompanyHeader: r.Header.Get(companyHeader),
			Authorized:    authorized,
			Status:        status,
		})
	}
	rec := &statusRecorder{ResponseWriter: w, onStatus: record}
	defer func() {
		if rec.status == 0 {
			// The handler wrote nothing: the client went away mid-wait.
			record(499)
		}
	}()
	cred, authErr := s.authenticate(r)
	authorized = authErr == ""
	// The docs list the X-RateLimit-* headers as headers of the API's
	// responses, so every answer carries them and counts against the read
	// (GET) or write budget, the OAuth endpoints on the same host included.
	if !s.rateLimit(rec, r, cred, authErr) {
		return
	}
	if h := s.oauthPath[r.Method+" "+r.URL.Path]; h != nil {
		h(rec, r)
		return
	}
	if s.servePublic(rec, r) || s.serveExportFile(rec, r) {
		return
	}
	s.serveAPI(rec, r, cred, authErr)
}

// Running is a simulator listening on a loopback address.
type Running struct {
	*Server
	// URL is the base URL, e.g. "http://127.0.0.1:7878".
	URL string
	srv *http.Server
}

// Start builds a simulator and serves it on addr ("127.0.0.1:0" picks a
// free port) until Close.
func Start(addr string, cfg Config) (*Running, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("start simulator: listen on %s: %w", addr, err)
	}
	s := New(cfg)
	run := &Running{
		Server: s,
		URL:    "http://" + ln.Addr().String(),
		srv:    &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second},
	}
	go func() { _ = run.srv.Serve(ln) }()
	return run, nil
}

// Close stops the listener, giving requests in flight a moment to finish.
func (r *Running) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := r.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = r.srv.Close()
	}
	if err != nil {
		return fmt.Errorf("stop simulator: %w", err)
	}
	return nil
}

// oauthRoutes maps the OAuth endpoints: the spec's root paths
// (/oauth/authorize, /oauth/tokens, /oauth/revoke, /oauth/userinfo,
// /oauth/register) and the
// /v1/oauth/ twins the third-party app guide shows. With
// Config.GuideOAuthPathsOnly only the guide's are served.
func (s *Server) oauthRoutes() map[string]http.HandlerFunc {
	prefixes := []string{"/oauth/", "/v1/oauth/"}
	if s.cfg.GuideOAuthPathsOnly {
		prefixes = prefixes[1:]
	}
	m := map[string]http.HandlerFunc{}
	for _, p := range prefixes {
		m["GET "+p+"authorize"] = s.handleAuthorize
		// The consent form posts back to the path it was served from.
		m["POST "+p+"authorize"] = s.handleConsent
		m["POST "+p+"tokens"] = s.handleToken
		m["POST "+p+"revoke"] = s.handleRevoke
		m["GET "+p+"userinfo"] = s.handleUserInfo
		if p == "/oauth/" {
			// Only the spec has dynamic client registration; the
			// guide's /v1/oauth/ family never had it.
			m["POST "+p+"register"] = s.handleRegister
		}
	}
	return m
}

// route is one API endpoint. Segments "{}" match any one path segment,
// passed to the handler in order.
type route struct {
	method string
	segs   []string
	kind   routeKind
	handle func(w http.ResponseWriter, r *http.Request, c *apiCall)
}

// routeKind says how an endpoint is guarded.
type routeKind int

const (
	// dataGlobal: data GET not tied to a company (GET /v1/companies).
	dataGlobal routeKind = iota
	// dataCompany: data GET in the company chosen by Hyperline-CompanyId.
	dataCompany
	// appsAPI: the Apps API, API key only.
	appsAPI
)

// match reports whether path segments fit the route, and the wildcards.
func (rt route) match(segs []string) ([]string, bool) {
	if len(segs) != len(rt.segs) {
		return nil, false
	}
	var args []string
	for i, want := range rt.segs {
		switch {
		case want == "{}" && segs[i] != "":
			args = append(args, segs[i])
		case want != segs[i]:
			return nil, false
		}
	}
	return args, true
}

// findRoute returns the route for method and path. Not documented: a known
// path with the wrong method answers 404 "Route not found" like an unknown
// path, which is what an Express-style router does, rather than 405.
func (s *Server) findRoute(method, path string) (route, []string, bool) {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for _, rt := range s.routes {
		if rt.method != method {
			continue
		}
		if args, ok := rt.match(segs); ok {
			return rt, args, true
		}
	}
	return route{}, nil, false
}

// apiRoutes lists the data and Apps API endpoints.
func (s *Server) apiRoutes() []route {
	seg := func(p string) []string { return strings.Split(p, "/") }
	return slices.Clip([]route{
		{http.MethodGet, seg("v1/companies"), dataGlobal, s.listCompanies},
		{http.MethodGet, seg("v1/customers"), dataCompany, s.listCustomersV1},
		{http.MethodGet, seg("v1/customers/{}"), dataCompany, s.getCustomerV1},
		{http.MethodGet, seg("v1/customers/{}/portal"), dataCompany, s.customerPortal},
		{http.MethodGet, seg("v1/customers/{}/payment-methods"), dataCompany, s.listPaymentMethods},
		{http.MethodGet, seg("v1/audit-logs"), dataCompany, s.listAuditLogs},
		{http.MethodGet, seg("v2/customers"), dataCompany, s.listCustomersV2},
		{http.MethodGet, seg("v2/customers/{}"), dataCompany, s.getCustomerV2},
		{http.MethodGet, seg("v2/subscriptions"), dataCompany, s.listSubscriptions},
		{http.MethodGet, seg("v2/subscriptions/{}"), dataCompany, s.getSubscription},
		{http.MethodGet, seg("v1/invoices"), dataCompany, s.listInvoicesV1},
		{http.MethodGet, seg("v1/invoices/{}"), dataCompany, s.getInvoiceV1},
		{http.MethodGet, seg("v2/invoices"), dataCompany, s.listInvoicesV2},
		{http.MethodGet, seg("v2/invoices/{}"), dataCompany, s.getInvoiceV2},
		{http.MethodGet, seg("v2/invoices/{}/download"), dataCompany, s.downloadInvoice},
		{http.MethodGet, seg("v1/transactions"), dataCompany, s.listTransactions},
		{http.MethodGet, seg("v1/transactions/{}"), dataCompany, s.getTransaction},
		{http.MethodGet, seg("v2/wallets"), dataCompany, s.listWallets},
		{http.MethodGet, seg("v1/wallets/{}"), dataCompany, s.getWallet},
		{http.MethodGet, seg("v1/wallets/{}/transactions"), dataCompany, s.listWalletTransactions},
		{http.MethodGet, seg("v1/analytics"), dataCompany, s.analytics},
		{http.MethodPost, seg("v1/exports"), dataCompany, s.createExport},
		{http.MethodGet, seg("v1/exports"), dataCompany, s.listExports},
		{http.MethodGet, seg("v1/exports/{}"), dataCompany, s.getExport},
		{http.MethodGet, seg("v2/exports/{}/download"), dataCompany, s.downloadExport},
		{http.MethodGet, seg("v1/apps"), appsAPI, s.listApps},
		{http.MethodPost, seg("v1/apps"), appsAPI, s.createApp},
		{http.MethodPut, seg("v1/apps/{}"), appsAPI, s.updateApp},
		{http.MethodDelete, seg("v1/apps/{}"), appsAPI, s.deleteApp},
	})
}

func ptr[T any](v T) *T { return &v }
