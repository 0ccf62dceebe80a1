package hyperline

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"golang.org/x/oauth2"
)

type ctxKey struct{}

// ctxTokenSource is a token source with a TokenContext method, like
// auth.TokenSource: Token (no context) must not be used when it exists.
type ctxTokenSource struct {
	block bool // wait in TokenContext until ctx ends
	saw   chan any
}

func (ctxTokenSource) Token() (*oauth2.Token, error) {
	return nil, errors.New("Token called although TokenContext exists")
}

func (s ctxTokenSource) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	s.saw <- ctx.Value(ctxKey{})
	if s.block {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return &oauth2.Token{AccessToken: testToken}, nil
}

// TestClientPassesContextToTokenSource: a refresh waits under the call's
// context, so a cancelled call does not sit out a refresh (or another
// process's lock on the session file) it no longer needs.
func TestClientPassesContextToTokenSource(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(newListServer(3))
	defer srv.Close()
	ts := ctxTokenSource{saw: make(chan any, 1)}
	c, err := New(srv.URL, ts, WithHTTPClient(srv.Client()), WithRateLimit(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.WithValue(context.Background(), ctxKey{}, "call")
	if _, err := c.ListCompanies(ctx); err != nil {
		t.Fatal(err)
	}
	if got := <-ts.saw; got != "call" {
		t.Errorf("TokenContext got a context carrying %v, want the call's", got)
	}

	blocking := ctxTokenSource{block: true, saw: make(chan any, 1)}
	c, err = New(srv.URL, blocking, WithHTTPClient(srv.Client()), WithRateLimit(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := c.ListCompanies(cctx)
		errc <- err
	}()
	<-blocking.saw // waiting for the token
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while waiting for a token: err = %v", err)
	}
}
