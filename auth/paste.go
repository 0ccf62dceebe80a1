package auth

import (
	"bufio"
	"context"
	"io"
	"strings"
)

// readPastes reads lines from r and hands each redirected URL to the
// callback handler, as if the browser had reached the loopback listener.
// Blank lines are skipped; other lines that are not a redirect URL are
// reported and reading continues. It stops at EOF, at the first completed
// attempt, or when ctx ends (after the current read returns).
func readPastes(ctx context.Context, r io.Reader, h *callbackHandler, progress func(Event)) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxPasteLen+1024)
	for sc.Scan() {
		if ctx.Err() != nil {
			return
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		p, err := ParseRedirectURL(line)
		if err != nil {
			progress(EventPasteRejected{Err: err})
			continue
		}
		late, _ := h.deliver(p, true)
		if late {
			return
		}
		if h.isDone() {
			return
		}
	}
}
