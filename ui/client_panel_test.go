package ui

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// TestTokenPanelNamesTheClient: the token panel says which OAuth client
// the tokens belong to, and a logout whose revoke a public client could
// not make says the server kept the tokens valid.
func TestTokenPanelNamesTheClient(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.token.Client = auth.DescribeClient("dyn_abc123xyz789", true)
	h.session.account.Token.Client = h.session.token.Client
	h.start()
	h.key("t")
	h.requireView("Client", "hlx, registered dynamically (public client dyn_…)")
	// As the backend hands it over: auth's refusal, matching deps.ErrRevokeRefused.
	h.session.logoutErr = fmt.Errorf("%w: %w", deps.ErrRevokeRefused,
		&auth.PublicRevokeRefusedError{Err: errors.New("POST /oauth/revoke: 401 client_secret is required")})
	h.key("L")
	h.key("y")
	h.requireView("Logged out: the local tokens are deleted", "Hyperline kept them valid")
}
