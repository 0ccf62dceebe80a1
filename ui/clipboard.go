package ui

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// copyOSC52 puts text on the clipboard with the OSC 52 escape sequence, which
// terminals (and tmux, and SSH sessions) pass to the local clipboard. It
// writes the sequence in one write to the controlling terminal (stderr when
// there is none), not through stdout where frames are being drawn.
func copyOSC52(text string) error {
	seq := osc52.New(text)
	if strings.HasPrefix(os.Getenv("TERM"), "screen") && os.Getenv("TMUX") == "" {
		seq = seq.Screen()
	}
	var w io.Writer = os.Stderr
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		w = tty
	}
	_, err := io.WriteString(w, seq.String())
	return err
}

// copyCmd copies text and says so in the banner.
func copyCmd(copyText func(string) error, text string) tea.Cmd {
	return copyNamed(copyText, text, text+" to the clipboard.")
}

// copyIDCmd copies an id and says in the banner what it belongs to:
// "Copied inv_…, the id of invoice INV-1001."
func copyIDCmd(copyText func(string) error, id, what string) tea.Cmd {
	return copyNamed(copyText, id, id+", the id of "+what+".")
}

func copyNamed(copyText func(string) error, text, said string) tea.Cmd {
	return func() tea.Msg {
		if err := copyText(text); err != nil {
			return errMsg{what: "copy to the clipboard", err: err}
		}
		return noticeMsg("Copied " + said)
	}
}

// openCmd opens url in the browser.
func openCmd(open func(string) error, url string) tea.Cmd {
	return func() tea.Msg {
		if open == nil || url == "" {
			return errMsg{what: "open the dashboard", err: errors.New("no dashboard address is known for this object")}
		}
		if _, err := weburl.Check(url); err != nil {
			return errMsg{what: "open the page", err: err}
		}
		if err := open(url); err != nil {
			return errMsg{what: "open the browser", err: err}
		}
		return noticeMsg("Opened " + url)
	}
}
