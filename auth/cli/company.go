package cli

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// companySession is what the data commands read with: the current
// account's token source and an API client scoped to one company.
type companySession struct {
	settings config.Settings
	ts       *auth.TokenSource
	// hc sends the session's requests; a 401 makes it refresh the token
	// once and retry (auth.TokenSource.Transport).
	hc        *http.Client
	userAgent string
	companyID string
	client    *hyperline.CompanyClient
}

// openCompany loads the current account of the selected environment, as
// `hlx token` does, and picks the company: opts.Company, else the one
// chosen in the session, else the account's only one.
func openCompany(opts Options) (*companySession, error) {
	s, err := opts.settings()
	if err != nil {
		return nil, err
	}
	store := opts.store()
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   s,
		Store:      store,
		HTTPClient: opts.HTTPClient,
		Now:        opts.Now,
	})
	if err != nil {
		return nil, coded(err)
	}
	companyID := strings.TrimSpace(opts.Company)
	if companyID == "" {
		if companyID, err = chosenCompany(store, s.APIURL, ts.Email()); err != nil {
			return nil, err
		}
	}
	hc := *opts.HTTPClient
	hc.Transport = ts.Transport(opts.HTTPClient.Transport)
	clientOpts := []hyperline.Option{hyperline.WithHTTPClient(&hc)}
	if opts.UserAgent != "" {
		clientOpts = append(clientOpts, hyperline.WithUserAgent(opts.UserAgent))
	}
	client, err := hyperline.New(s.APIURL, ts, clientOpts...)
	if err != nil {
		return nil, fmt.Errorf("build the API client: %w", err)
	}
	return &companySession{
		settings:  s,
		ts:        ts,
		hc:        &hc,
		userAgent: opts.UserAgent,
		companyID: companyID,
		client:    client.Company(companyID),
	}, nil
}

// chosenCompany is the company the account chose in hlx, or its only one.
func chosenCompany(store *config.Store, apiURL, email string) (string, error) {
	sess, err := store.Load()
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return "", coded(fmt.Errorf("read the session: %w", err))
	}
	acc := sess.Account(apiURL, email)
	if acc == nil {
		return "", coded(fmt.Errorf("%w: %s is not in the session any more; run hlx login", auth.ErrLoginRequired, email))
	}
	if acc.CompanyID != "" {
		return acc.CompanyID, nil
	}
	if len(acc.Companies) == 1 {
		return acc.Companies[0].ID, nil
	}
	ids := make([]string, len(acc.Companies))
	for i, c := range acc.Companies {
		ids[i] = c.ID + " (" + c.Name + ")"
	}
	if len(ids) == 0 {
		return "", usageError(errors.New("no company chosen and none known for this account: pass --company ID"))
	}
	return "", usageError(fmt.Errorf("no company chosen: pass --company ID, one of %s, or pick one in hlx", strings.Join(ids, ", ")))
}

// companyError explains the answers that mean the company itself is the
// problem rather than the object asked for.
func (cs *companySession) companyError(err error) error {
	if errors.Is(err, hyperline.ErrForbidden) {
		return fmt.Errorf("company %s is not reachable with this login: %w", cs.companyID, err)
	}
	return err
}
