package auth

import "time"

// Event is a step of Login, reported through LoginOptions.Progress so that a
// UI can show a screen per state. Events arrive in this order: EventURL,
// EventWaiting, then (after the browser or a paste delivered the code)
// EventCodeReceived, EventExchanging, EventLoadingAccount and EventDone.
// EventPasteRejected may arrive any number of times while waiting. Progress
// is called from Login's goroutine or the stdin reader's; it must not block.
type Event interface{ isEvent() }

// EventURL carries the authorize URL. BrowserOpened says whether a browser
// was started; when it was not, Reason says why ("--no-browser", "running
// over SSH", ...) and the URL must be shown for the user to open.
type EventURL struct {
	URL           string
	BrowserOpened bool
	Reason        string
	// RedirectURI is the callback the login listens on: with hlx's own
	// registration a fallback port may be taken, or a free one bound.
	RedirectURI string
}

// EventWaiting means hlx is listening on RedirectURI until Deadline.
// AcceptsPaste says whether a redirected URL pasted on stdin is read too.
type EventWaiting struct {
	RedirectURI  string
	Deadline     time.Time
	AcceptsPaste bool
}

// EventPasteRejected means a line read from stdin was not a redirected URL;
// Login keeps waiting.
type EventPasteRejected struct {
	Err error
}

// EventCodeReceived means an authorization code with the right state
// arrived, through the loopback callback (FromPaste false) or stdin.
type EventCodeReceived struct {
	FromPaste bool
}

// EventExchanging means the code is being exchanged for tokens.
type EventExchanging struct{}

// EventLoadingAccount means the exchange succeeded and the user's profile
// and companies are being fetched before the account is saved.
type EventLoadingAccount struct{}

// EventDone means the account is saved; Email is who logged in.
type EventDone struct {
	Email string
}

func (EventURL) isEvent()            {}
func (EventWaiting) isEvent()        {}
func (EventPasteRejected) isEvent()  {}
func (EventCodeReceived) isEvent()   {}
func (EventExchanging) isEvent()     {}
func (EventLoadingAccount) isEvent() {}
func (EventDone) isEvent()           {}

// EventCallbackRejected means a callback (or, with FromPaste, a pasted
// URL) carried the wrong state and was refused without exchanging its
// code; Login keeps waiting for the right one.
type EventCallbackRejected struct {
	Err       error
	FromPaste bool
}

func (EventCallbackRejected) isEvent() {}

// EventRegistering: no client is registered for the environment yet (or
// the server forgot it), so hlx registers itself as a public client
// (POST /oauth/register).
type EventRegistering struct{}

// EventRegistered: hlx registered itself; the registration is saved and
// reused by later logins.
type EventRegistered struct {
	ClientID string
}

func (EventRegistering) isEvent() {}
func (EventRegistered) isEvent()  {}

// EventListening: a login with hlx's own registration listens on
// RedirectURI for the callback, one of the registered set (a fallback when
// the first port was busy). It comes before any registration.
type EventListening struct {
	RedirectURI string
}

func (EventListening) isEvent() {}
