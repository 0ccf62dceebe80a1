package auth

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
)

// refresh gets a new access token for the account, or adopts one another
// process stored meanwhile. rejected is an access token the API refused
// ("" when the token merely expires soon); it is never handed out again.
func (ts *TokenSource) refresh(ctx context.Context, rejected string) (*oauth2.Token, error) {
	select {
	case ts.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for token refresh: %w", ctx.Err())
	}
	defer func() { <-ts.sem }()

	// A goroutine that held sem before us may have refreshed already.
	ts.mu.RLock()
	held := ts.tok
	ts.mu.RUnlock()
	if fresh(held, ts.now()) && held.AccessToken != rejected {
		return toOAuth2(held), nil
	}

	ts.emit(RefreshStarted, nil)
	var (
		got      config.Token
		adopted  bool
		loginErr error
	)
	// The whole refresh runs under the store's lock: a second process
	// waits, then finds the new token on disk instead of spending the
	// (possibly rotated) refresh token a second time.
	err := ts.store.Update(func(s *config.Session) error {
		acc := s.Account(ts.apiURL, ts.email)
		if !acc.LoggedIn() {
			loginErr = fmt.Errorf("%w: %s was logged out; run hlx login", ErrLoginRequired, ts.email)
			return nil
		}
		now := ts.now()
		cur := acc.Token
		if fresh(cur, now) && cur.AccessToken != rejected {
			got, adopted = cur, true
			return nil
		}
		if cur.RefreshToken == "" {
			acc.ClearTokens()
			acc.UpdatedAt = now
			loginErr = fmt.Errorf("%w: the access token expired and there is no refresh token; run hlx login", ErrLoginRequired)
			return nil
		}
		// Refresh with the stored refresh token, not ours: if another
		// process rotated it, ours is dead and the stored one is current.
		tok, err := ts.ep.refresh(ctx, cur.RefreshToken)
		var oe *OAuthError
		switch {
		case errors.As(err, &oe) && oe.invalidGrant():
			acc.ClearTokens() // keep the account and its company choice
			acc.UpdatedAt = now
			loginErr = fmt.Errorf("%w: Hyperline refused the refresh token (%s); run hlx login", ErrLoginRequired, oe.Description)
			return nil
		case errors.As(err, &oe) && oe.invalidClient():
			return fmt.Errorf("refresh access token: Hyperline refused the app's client id or secret (%w); check them, then run hlx login if it persists", err)
		case err != nil:
			return fmt.Errorf("refresh access token: %w", err)
		}
		// Not documented: rotation. Keep the old refresh token when the
		// response carries none.
		if tok.RefreshToken == "" {
			tok.RefreshToken = cur.RefreshToken
		}
		tok.RefreshedAt = tok.IssuedAt
		acc.Token = tok
		acc.UpdatedAt = tok.IssuedAt
		got = tok
		return nil
	})
	if err == nil && loginErr != nil {
		err = loginErr
	}
	if errors.Is(err, ErrLoginRequired) {
		ts.mu.Lock()
		ts.tok = config.Token{}
		ts.mu.Unlock()
		ts.emit(RefreshFailed, err)
		return nil, err
	}
	if err != nil {
		ts.emit(RefreshFailed, err)
		// Offline for a moment: a token inside the margin still works.
		if usable(held, ts.now()) && held.AccessToken != rejected {
			return toOAuth2(held), nil
		}
		return nil, err
	}
	ts.mu.Lock()
	ts.tok = got
	ts.mu.Unlock()
	if adopted {
		ts.emit(RefreshAdopted, nil)
	} else {
		ts.emit(RefreshSucceeded, nil)
	}
	return toOAuth2(got), nil
}

// emit tells OnRefresh about a phase, with the state after it.
func (ts *TokenSource) emit(phase RefreshPhase, err error) {
	ts.onRefresh(RefreshEvent{Phase: phase, Info: ts.Info(), Err: err})
}
