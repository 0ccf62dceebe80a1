package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// The banner is the line over the status bar where notices and errors show,
// in place of the key help. It never takes the keyboard. A notice ("Copied
// …", the demo's login note) is transient: the next key press or a few
// seconds clear it. An error stays until a newer banner replaces it or the
// user presses a key once it has had time to be read, so an error that
// arrived while nobody watched is still there when they come back.

const (
	// noticeLife is how long a notice shows when no key is pressed.
	noticeLife = 8 * time.Second
	// errorReadTime is how long an error shows before a key press clears
	// it: a key already on its way (scrolling) must not hide it unread.
	errorReadTime = 2 * time.Second
	// bannerMaxLines bounds a long banner; it covers the bottom of the
	// screen while it shows.
	bannerMaxLines = 3
)

// banner is what the banner line shows; the zero value shows nothing.
type banner struct {
	text    string
	isError bool
	what    string    // for an error: the action that failed ("load invoices")
	id      uint64    // names the banner for its expiry tick
	shownAt time.Time // when it appeared
}

// bannerExpiredMsg ends the notice it names, unless a newer one replaced it.
type bannerExpiredMsg struct{ id uint64 }

// showNotice puts a transient sentence in the banner and schedules its end.
func (a *App) showNotice(text string) tea.Cmd {
	id := a.c.nextID()
	a.banner = banner{text: "• " + termsafe.Line(text), id: id, shownAt: a.c.clock()}
	return a.c.sched(noticeLife, func(time.Time) tea.Msg { return bannerExpiredMsg{id: id} })
}

// showError puts a failure in the banner: what was being done and why it
// failed, in plain words.
func (a *App) showError(what string, err error) {
	text := "✗ " + plainError(err)
	if what != "" {
		text = "✗ Could not " + what + ": " + plainError(err)
	}
	a.banner = banner{text: termsafe.Line(text), isError: true, what: what, id: a.c.nextID(), shownAt: a.c.clock()}
}

// resolveBanner clears an error banner once the action it reports has
// succeeded (a retry, the next page, the network back), so it never sits
// over data that loaded after all.
func (a *App) resolveBanner(msg resolvedMsg) {
	if a.banner.isError && a.banner.what != "" && a.banner.what == msg.what {
		a.banner = banner{}
	}
}

// expireBanner ends a notice when its own tick fires; a tick for an older
// banner finds a newer id and does nothing.
func (a *App) expireBanner(msg bannerExpiredMsg) {
	if a.banner.id == msg.id && !a.banner.isError {
		a.banner = banner{}
	}
}

// dismissBanner clears the banner on a key press: a notice at once, an
// error once it has been up long enough to be read.
func (a *App) dismissBanner() {
	if a.banner.text == "" {
		return
	}
	if a.banner.isError && a.c.clock().Sub(a.banner.shownAt) < errorReadTime {
		return
	}
	a.banner = banner{}
}

// bannerView draws the banner in full, wrapped to at most bannerMaxLines
// lines of exactly the width (fewer when the screen is short).
func (a *App) bannerView() string {
	style := a.c.styles.BannerNotice
	if a.banner.isError {
		style = a.c.styles.BannerError
	}
	// The text after the "• " or "✗ " mark wraps under itself.
	mark, text, _ := strings.Cut(a.banner.text, " ")
	lines := strings.Split(ansi.Wrap(text, max(a.width-2, 1), ""), "\n")
	if limit := max(min(bannerMaxLines, a.bodyHeight()+1), 1); len(lines) > limit {
		lines = lines[:limit]
		lines[limit-1] = ansi.Truncate(lines[limit-1], max(a.width-3, 0), "") + "…"
	}
	for i, l := range lines {
		prefix := "  "
		if i == 0 {
			prefix = mark + " "
		}
		lines[i] = fitLine(style.Render(prefix+l), a.width)
	}
	return strings.Join(lines, "\n")
}

// handleBannerMsg handles what shows in the banner: errors, notices, and
// their ends.
func (a *App) handleBannerMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case errMsg:
		return a.handleError(msg), true
	case resolvedMsg:
		a.resolveBanner(msg)
		return nil, true
	case noticeMsg:
		return a.showNotice(string(msg)), true
	case bannerExpiredMsg:
		a.expireBanner(msg)
		return nil, true
	}
	return nil, false
}

func (a *App) handleError(msg errMsg) tea.Cmd {
	if errors.Is(msg.err, ErrLoginRequired) {
		return a.requireLogin(msg.err)
	}
	if errors.Is(msg.err, context.Canceled) {
		return nil // a request the user left behind
	}
	a.showError(msg.what, msg.err)
	return nil
}
