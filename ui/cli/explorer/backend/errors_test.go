package backend

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// TestUIErrorSpeaksTheScreensWords: what auth and config return reaches
// the screens as deps' sentinels and types, the original kept in the chain.
func TestUIErrorSpeaksTheScreensWords(t *testing.T) {
	t.Parallel()
	notSaved := &auth.SessionNotSavedError{Err: errors.New("disk full")}
	got := uiError(fmt.Errorf("refresh: %w", notSaved))
	if !errors.Is(got, deps.ErrSessionNotSaved) || !errors.Is(got, auth.ErrSessionNotSaved) {
		t.Errorf("not saved: %v", got)
	}
	var w interface{ PlainText() string }
	if !errors.As(got, &w) || w.PlainText() != notSaved.Error() {
		t.Errorf("not saved words: %v", got)
	}

	corrupt := &config.CorruptError{Path: "/s.json", MovedTo: "/s.json.corrupt-1", Err: errors.New("bad JSON")}
	got = uiError(fmt.Errorf("%w: %w", auth.ErrLoginRequired, corrupt))
	if c, ok := errors.AsType[*deps.CorruptSessionError](got); !ok || c.MovedTo != corrupt.MovedTo || !errors.Is(got, deps.ErrLoginRequired) {
		t.Errorf("corrupt: %v", got)
	}

	got = uiError(&auth.PublicRevokeRefusedError{Err: errors.New("401")})
	if !errors.Is(got, deps.ErrRevokeRefused) {
		t.Errorf("revoke refused: %v", got)
	}

	if got := uiError(auth.ErrLoginRequired); got != auth.ErrLoginRequired || !errors.Is(got, deps.ErrLoginRequired) {
		t.Errorf("login required: %v", got)
	}
	if uiError(nil) != nil {
		t.Error("nil is not an error")
	}
}
