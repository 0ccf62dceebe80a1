package ui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is the one-line text field of `/` and of the company picker.
// It edits at the end of the line only, which is all a filter needs, and its
// cursor is a glyph that does not blink (no redraws for nothing, and it
// shows without colour).
type lineInput struct {
	st          *Styles
	prompt      string
	placeholder string
	value       []rune
	focused     bool
	width       int // cells for the text, 0 = unlimited
}

func newLineInput(st *Styles, prompt, placeholder string) lineInput {
	return lineInput{st: st, prompt: prompt, placeholder: placeholder}
}

// Value is the text typed.
func (in lineInput) Value() string { return string(in.value) }

func (in *lineInput) focus()         { in.focused = true }
func (in *lineInput) blur()          { in.focused = false }
func (in *lineInput) reset()         { in.value = nil }
func (in *lineInput) setWidth(w int) { in.width = max(w, 1) }

// update edits the text for a key; it reports whether the text changed.
func (in lineInput) update(msg tea.KeyMsg) (lineInput, bool) {
	if !in.focused {
		return in, false
	}
	before := len(in.value)
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		for _, r := range msg.Runes {
			if unicode.IsPrint(r) && len(in.value) < 200 {
				in.value = append(in.value, r)
			}
		}
		return in, len(in.value) != before
	case tea.KeyBackspace, tea.KeyCtrlH:
		if len(in.value) > 0 {
			in.value = in.value[:len(in.value)-1]
		}
	case tea.KeyCtrlW:
		v := strings.TrimRightFunc(string(in.value), unicode.IsSpace)
		if i := strings.LastIndexFunc(v, unicode.IsSpace); i >= 0 {
			in.value = []rune(v[:i+1])
		} else {
			in.value = nil
		}
	case tea.KeyCtrlU:
		in.value = nil
	default:
		return in, false
	}
	return in, true
}

// view draws the prompt and the end of the text that fits.
func (in lineInput) view() string {
	text := string(in.value)
	if in.width > 0 && ansi.StringWidth(text) > in.width-1 {
		text = ansi.TruncateLeft(text, ansi.StringWidth(text)-(in.width-1), "…")
	}
	s := in.st.Filter.Render(in.prompt)
	switch {
	case text == "" && !in.focused:
		s += in.st.Muted.Render(in.placeholder)
	case text == "":
		s += in.st.Filter.Render("█") + in.st.Muted.Render(in.placeholder)
	default:
		s += in.st.Text.Render(text)
		if in.focused {
			s += in.st.Filter.Render("█")
		}
	}
	return s
}
