package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// finishTimeout bounds the exchange, profile and company requests.
const finishTimeout = 2 * time.Minute

// finishLogin exchanges the code, fetches who the user is and what they can
// reach, and saves the account as the environment's current one. progress
// hears EventLoadingAccount between the exchange and the fetches.
func finishLogin(ctx context.Context, opts LoginOptions, oc loginClient, code, redirectURI, verifier string, progress func(Event)) (*LoginResult, error) {
	ctx, cancel := context.WithTimeout(ctx, finishTimeout)
	defer cancel()
	s := opts.Settings
	ep := newEndpoint(s, opts.HTTPClient, opts.Now)
	tok, err := ep.exchange(ctx, code, redirectURI, verifier)
	if err != nil {
		return nil, fmt.Errorf("exchange code: %w", err)
	}
	progress(EventLoadingAccount{})

	result := &LoginResult{APIURL: s.APIURL}
	client, err := hyperline.New(s.APIURL,
		oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok.AccessToken, TokenType: "Bearer"}),
		hyperline.WithHTTPClient(opts.HTTPClient))
	if err != nil {
		revokeQuietly(ep, tok.RefreshToken)
		return nil, fmt.Errorf("fetch user info: %w", err)
	}
	user, err := client.UserInfo(ctx)
	if err != nil {
		// Without an email the account has no key; do not leave the new
		// grant alive on the server for nobody.
		revokeQuietly(ep, tok.RefreshToken)
		return nil, fmt.Errorf("fetch user info: %w", err)
	}
	if user.Email == "" {
		revokeQuietly(ep, tok.RefreshToken)
		return nil, errors.New("fetch user info: the response has no email")
	}
	companies, companiesErr := client.AllCompanies(ctx)
	if companiesErr != nil {
		result.Warnings = append(result.Warnings, fmt.Errorf("list companies: %w", companiesErr))
	}

	now := opts.Now()
	var (
		replaced   string
		replacedBy *endpoint // the client the replaced token belongs to
		saved      *config.Account
	)
	err = opts.Store.Update(func(sess *config.Session) error {
		a := sess.Upsert(s.APIURL, user.Email)
		if a.Token.RefreshToken != tok.RefreshToken {
			replaced, replacedBy = a.Token.RefreshToken, ep.forAccount(a)
		}
		a.Name = user.DisplayName()
		a.Token = tok
		a.InsecureStorage = opts.InsecureStorage
		a.ClientID, a.PublicClient = oc.id, oc.public
		a.LoggedInAt = now
		a.UpdatedAt = now
		if companiesErr == nil {
			a.Companies = toConfigCompanies(companies)
			a.CompaniesFetchedAt = now
			if _, ok := a.Company(a.CompanyID); !ok {
				a.CompanyID = ""
			}
			if a.CompanyID == "" && len(a.Companies) == 1 {
				a.CompanyID = a.Companies[0].ID
			}
		}
		sess.SetCurrent(s.APIURL, user.Email)
		saved = a // the store notes on it where the tokens went
		return nil
	})
	corrupt, err := config.SplitCorrupt(err)
	if err != nil {
		revokeQuietly(ep, tok.RefreshToken)
		return nil, fmt.Errorf("save session: %w", err)
	}
	if corrupt != nil {
		result.Warnings = append(result.Warnings, corrupt)
	}
	result.Account = saved.Clone()
	result.TokenLocation = opts.Store.TokenLocation(s.APIURL, saved)
	result.StorageNotice = opts.Store.StorageNotice()
	// The earlier grant of this account is no longer used by anyone: a
	// second hlx still holding it re-reads the session on its next refresh.
	// Not documented: a public client's revoke. The spec wants a secret
	// there, so a refusal is expected and not worth a warning on every
	// login; logout says plainly what the server kept.
	if replaced != "" && replacedBy.clientSecret != "" {
		rctx, rcancel := context.WithTimeout(ctx, 10*time.Second)
		defer rcancel()
		if err := replacedBy.revoke(rctx, replaced); err != nil {
			result.Warnings = append(result.Warnings, fmt.Errorf("revoke the previous refresh token: %w", err))
		}
	} else if replaced != "" {
		revokeQuietly(replacedBy, replaced)
	}
	return result, nil
}

// revokeQuietly revokes a refresh token that hlx is about to drop; failure
// only means the token stays valid server-side, which the caller's error
// already implies.
func revokeQuietly(ep *endpoint, refreshToken string) {
	if refreshToken == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = ep.revoke(ctx, refreshToken)
}

func toConfigCompanies(cs []hyperline.Company) []config.Company {
	out := make([]config.Company, 0, len(cs))
	for _, c := range cs {
		out = append(out, config.Company{ID: c.ID, Name: c.Name})
	}
	return slices.Clip(out)
}
