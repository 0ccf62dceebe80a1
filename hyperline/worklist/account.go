package worklist

import "github.com/hyperline-tui/hlx/hyperline"

// Account is another account of the session, opened for its worklists
// (the explorer's every-account toggle): who it is, the companies it
// reaches and a Source that reads them with its own token (and its own
// rate limiter: the API limits each credential apart).
type Account struct {
	// APIURL and Email name the account.
	APIURL, Email string
	// Companies are the companies the session saved for it.
	Companies []hyperline.Company
	// Source reads them.
	Source Source
}
