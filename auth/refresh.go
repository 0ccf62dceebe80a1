package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
)

// flight is one refresh in progress. tok and err are set before done is
// closed.
type flight struct {
	rejected string
	done     chan struct{}
	tok      config.Token
	err      error
}

// unsavedToken is a token the server issued that could not be written to
// the session file. The file still holds spent, the refresh token that
// refresh used up (dead if the server rotated it).
type unsavedToken struct {
	tok   config.Token
	spent string
}

// putBack stores the unsaved token in acc if acc still holds the spent
// refresh token: nobody has replaced it since.
func (u *unsavedToken) putBack(acc *config.Account, now time.Time) {
	if u == nil || acc == nil || acc.Token.RefreshToken != u.spent {
		return
	}
	acc.Token = u.tok
	acc.UpdatedAt = now
}

// refresh gets a new access token for the account, or adopts one another
// process stored meanwhile. rejected is an access token the API refused
// ("" when the token merely expires soon); it is never handed out again.
//
// The refresh itself runs in its own goroutine, detached from ctx: ctx
// only bounds this caller's wait. Cancelling a refresh half way could lose
// the answer after the server had rotated the refresh token, which would
// end the session.
func (ts *TokenSource) refresh(ctx context.Context, rejected string) (*oauth2.Token, error) {
	// Two rounds at most: a caller that joined a refresh started for
	// another reason, which ended on the very token it saw refused, runs
	// one of its own. A server that answers that one with the same token
	// again gets it back, and the transport reports its 401.
	var f *flight
	for range 2 {
		ts.mu.Lock()
		held := ts.tok
		if fresh(held, ts.now()) && held.AccessToken != rejected {
			ts.mu.Unlock()
			return toOAuth2(held), nil
		}
		if err := ctx.Err(); err != nil {
			ts.mu.Unlock()
			return nil, fmt.Errorf("wait for token refresh: %w", err)
		}
		f = ts.inflight
		if f == nil {
			f = &flight{rejected: rejected, done: make(chan struct{})}
			ts.inflight = f
			go ts.run(context.WithoutCancel(ctx), f, held)
		}
		ts.mu.Unlock()

		select {
		case <-f.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for token refresh: %w", ctx.Err())
		}
		if f.err != nil {
			return nil, f.err
		}
		if rejected == "" || f.tok.AccessToken != rejected {
			break
		}
	}
	return toOAuth2(f.tok), nil
}

// run performs flight f and publishes its result. held is the token the
// source held when f started.
func (ts *TokenSource) run(ctx context.Context, f *flight, held config.Token) {
	ctx, cancel := context.WithTimeout(ctx, refreshTimeout)
	defer cancel()
	ts.emit(RefreshStarted, nil)
	tok, phase, err := ts.refreshStored(ctx, f.rejected, held)
	ts.mu.Lock()
	ts.inflight = nil
	f.tok, f.err = tok, err
	ts.mu.Unlock()
	ts.emit(phase.RefreshPhase, phase.err)
	close(f.done)
}

// outcome is the event a refresh ends with.
type outcome struct {
	RefreshPhase
	err error
}

// refreshStored refreshes under the store's lock and updates the source's
// state. It returns the token to hand out, or the error to report.
func (ts *TokenSource) refreshStored(ctx context.Context, rejected string, held config.Token) (config.Token, outcome, error) {
	ts.mu.RLock()
	unsaved := ts.unsaved
	ts.mu.RUnlock()
	var (
		got      config.Token
		issued   bool   // got comes from the token endpoint, not the file
		onDisk   string // the refresh token the file held
		loginErr error
		unknown  string // hlx's registration, which the server no longer knows
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
		onDisk = acc.Token.RefreshToken
		// The last refresh could not be saved: save the live token now.
		unsaved.putBack(acc, now)
		cur := acc.Token
		if fresh(cur, now) && cur.AccessToken != rejected {
			got = cur
			return nil
		}
		if cur.RefreshToken == "" {
			acc.ClearTokens()
			acc.UpdatedAt = now
			loginErr = fmt.Errorf("%w: the access token expired and there is no refresh token; run hlx login", ErrLoginRequired)
			return nil
		}
		// The client the tokens were issued to: hlx's registration
		// (public, no secret) or the configured app.
		ep := ts.ep.forAccount(acc)
		if !acc.PublicClient && ep.clientSecret == "" {
			// Sent without it, the refresh would come back 401 and read
			// as a refused secret; the fix is the configuration.
			return fmt.Errorf("%w: refreshing the access token needs the app's client secret; set %s or save it with hlx apps create --save",
				ErrNotConfigured, config.EnvClientSecret)
		}
		// A refresh may rotate the refresh token: send it only if its
		// answer can be saved, else the session dies with this process.
		if err := ts.store.CheckWritable(); err != nil {
			return fmt.Errorf("%w: %w", ErrRefreshNotSent, err)
		}
		// Refresh with the stored refresh token, not ours: if another
		// process rotated it, ours is dead and the stored one is current.
		tok, err := ep.refresh(ctx, cur.RefreshToken)
		var oe *OAuthError
		switch {
		case errors.As(err, &oe) && oe.invalidGrant():
			acc.ClearTokens() // keep the account and its company choice
			acc.UpdatedAt = now
			loginErr = fmt.Errorf("%w: Hyperline refused the refresh token (%s); run hlx login", ErrLoginRequired, oe.Description)
			return nil
		case errors.As(err, &oe) && oe.invalidClient() && acc.PublicClient:
			// The server forgot hlx's registration, and the grant with
			// it; the next login registers again.
			acc.ClearTokens()
			acc.UpdatedAt = now
			unknown = acc.ClientID
			loginErr = fmt.Errorf("%w: Hyperline no longer knows hlx's registration (%s); run hlx login to register again",
				ErrLoginRequired, DescribeClient(acc.ClientID, true))
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
		got, issued = tok, true
		return nil
	})
	if unknown != "" {
		// The next login registers again without asking first. Failing
		// to forget only costs that login its question.
		_, _ = ts.store.Registrations().Forget(ts.apiURL, unknown)
	}
	// A file moved aside (and reported) leaves a fresh, empty session
	// with no account, so loginErr says what to do.
	corrupt, err := config.SplitCorrupt(err)
	if corrupt != nil && loginErr != nil {
		loginErr = fmt.Errorf("%w (%w)", loginErr, corrupt)
	}
	if err == nil && loginErr != nil {
		err = loginErr
	}

	ts.mu.Lock()
	defer ts.mu.Unlock()
	switch {
	case errors.Is(err, ErrLoginRequired):
		ts.tok, ts.unsaved, ts.saveErr = config.Token{}, nil, nil
		return config.Token{}, outcome{RefreshFailed, err}, err
	case err != nil && issued:
		// The server issued got, and may have rotated the refresh token
		// the file holds, but the store could not be written even after
		// its retries. got is now the only live token set: use it while
		// this process runs, save it with the next refresh if the store
		// recovers, and say plainly what happens otherwise.
		ts.tok = got
		ts.unsaved = &unsavedToken{tok: got, spent: onDisk}
		ts.saveErr = &SessionNotSavedError{Err: err}
		return got, outcome{RefreshFailed, ts.saveErr}, nil
	case err != nil:
		// Offline for a moment: a token inside the margin still works.
		if usable(held, ts.now()) && held.AccessToken != rejected {
			return held, outcome{RefreshFailed, err}, nil
		}
		return config.Token{}, outcome{RefreshFailed, err}, err
	}
	ts.tok, ts.unsaved, ts.saveErr = got, nil, nil
	if issued {
		return got, outcome{RefreshSucceeded, nil}, nil
	}
	return got, outcome{RefreshAdopted, nil}, nil
}

// emit tells OnRefresh about a phase, with the state after it.
func (ts *TokenSource) emit(phase RefreshPhase, err error) {
	ts.onRefresh(RefreshEvent{Phase: phase, Info: ts.Info(), Err: err})
}
