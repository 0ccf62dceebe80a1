package config

import (
	"slices"
	"time"
)

// SessionVersion is the format version of session.json.
const SessionVersion = 1

// Session is the content of session.json: for each environment (keyed by its
// normalized API base URL) the accounts logged in there and which one is
// current. The zero value is not usable; use NewSession.
type Session struct {
	Version      int                     `json:"version"`
	Environments map[string]*Environment `json:"environments"`
}

// Environment holds the accounts of one API base URL (production, sandbox or
// a custom URL such as the simulator's) and the email of the current one.
type Environment struct {
	Current  string              `json:"current,omitempty"`
	Accounts map[string]*Account `json:"accounts"`
}

// Account is one Hyperline user logged in to one environment. Its Token may
// be empty (after a refused refresh): the account stays, with its company
// choice, so that logging in again lands the user where they were.
type Account struct {
	Email string `json:"email"`
	Name  string `json:"name,omitempty"`
	Token Token  `json:"token"`
	// TokensIn says where Token's access and refresh tokens are kept: in
	// the OS keyring (session.json then holds only their dates) or in
	// session.json itself ("" in files from before keyrings: the file).
	TokensIn TokenPlace `json:"tokens_in,omitempty"`
	// InsecureStorage records that the user asked for the file at login
	// (hlx login --insecure-storage): the tokens stay there even where a
	// keyring answers, until a login without it.
	InsecureStorage bool `json:"insecure_storage,omitempty"`
	// ClientID is the OAuth client the tokens were issued to ("" in files
	// from before it was recorded: the configured app). A refresh must
	// name that client, whatever is configured now.
	ClientID string `json:"client_id,omitempty"`
	// PublicClient says ClientID is hlx's own dynamic registration, a
	// public client: its tokens are refreshed without a secret.
	PublicClient bool `json:"public_client,omitempty"`
	// Companies is the last list fetched from /v1/companies.
	Companies []Company `json:"companies,omitempty"`
	// CompanyID is the company the user chose; sent as Hyperline-CompanyId.
	CompanyID          string    `json:"company_id,omitempty"`
	LoggedInAt         time.Time `json:"logged_in_at,omitzero"`
	CompaniesFetchedAt time.Time `json:"companies_fetched_at,omitzero"`
	UpdatedAt          time.Time `json:"updated_at,omitzero"`
}

// Token is an account's OAuth token set. Expiry is computed from expires_in
// when the token was issued; the zero Expiry means the server gave none.
type Token struct {
	AccessToken  string    `json:"access_token,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"`
	IssuedAt     time.Time `json:"issued_at,omitzero"`
	RefreshedAt  time.Time `json:"refreshed_at,omitzero"`
}

// Company is one entry of an account's company list.
type Company struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// NewSession returns an empty session of the current version.
func NewSession() *Session {
	return &Session{Version: SessionVersion, Environments: make(map[string]*Environment)}
}

// IsZero reports whether the token holds neither an access nor a refresh
// token, i.e. the account needs a new login.
func (t Token) IsZero() bool {
	return t.AccessToken == "" && t.RefreshToken == ""
}

// LoggedIn reports whether the account holds tokens.
func (a *Account) LoggedIn() bool {
	return a != nil && !a.Token.IsZero()
}

// ClearTokens forgets the account's tokens and keeps everything else.
func (a *Account) ClearTokens() {
	a.Token = Token{}
}

// Company returns the company with id from the account's list.
func (a *Account) Company(id string) (Company, bool) {
	for _, c := range a.Companies {
		if c.ID == id {
			return c, true
		}
	}
	return Company{}, false
}

// Clone returns a deep copy, so a caller can keep an account after the
// session it came from is changed.
func (a *Account) Clone() *Account {
	if a == nil {
		return nil
	}
	c := *a
	c.Companies = slices.Clone(a.Companies)
	return &c
}

// Env returns the environment for apiURL, or nil.
func (s *Session) Env(apiURL string) *Environment {
	return s.Environments[apiURL]
}

// Account returns the account email of environment apiURL, or nil.
func (s *Session) Account(apiURL, email string) *Account {
	env := s.Env(apiURL)
	if env == nil {
		return nil
	}
	return env.Accounts[email]
}

// Current returns the current account of environment apiURL, or nil.
func (s *Session) Current(apiURL string) *Account {
	env := s.Env(apiURL)
	if env == nil {
		return nil
	}
	return env.Accounts[env.Current]
}

// SetCurrent makes email the current account of apiURL. It reports false if
// there is no such account.
func (s *Session) SetCurrent(apiURL, email string) bool {
	if s.Account(apiURL, email) == nil {
		return false
	}
	s.Environments[apiURL].Current = email
	return true
}

// Upsert returns the account email of environment apiURL, creating the
// environment and an empty account as needed, so the caller can fill it in
// and keep fields (such as CompanyID) of an earlier login. The first account
// of an environment becomes current.
func (s *Session) Upsert(apiURL, email string) *Account {
	if s.Environments == nil {
		s.Environments = make(map[string]*Environment)
	}
	env := s.Environments[apiURL]
	if env == nil {
		env = &Environment{Accounts: make(map[string]*Account)}
		s.Environments[apiURL] = env
	}
	a := env.Accounts[email]
	if a == nil {
		a = &Account{Email: email}
		env.Accounts[email] = a
	}
	if env.Accounts[env.Current] == nil {
		env.Current = email
	}
	return a
}

// Remove deletes an account. If it was current, the first remaining account
// (by email) becomes current; an environment left empty is deleted. It
// reports whether the account existed.
func (s *Session) Remove(apiURL, email string) bool {
	env := s.Env(apiURL)
	if env == nil || env.Accounts[email] == nil {
		return false
	}
	delete(env.Accounts, email)
	if len(env.Accounts) == 0 {
		delete(s.Environments, apiURL)
		return true
	}
	if env.Current == email {
		env.Current = env.Emails()[0]
	}
	return true
}

// APIURLs returns the environments' API URLs, sorted.
func (s *Session) APIURLs() []string {
	urls := make([]string, 0, len(s.Environments))
	for u := range s.Environments {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	return urls
}

// Emails returns the environment's account emails, sorted.
func (e *Environment) Emails() []string {
	emails := make([]string, 0, len(e.Accounts))
	for m := range e.Accounts {
		emails = append(emails, m)
	}
	slices.Sort(emails)
	return emails
}
