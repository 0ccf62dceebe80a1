package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// JSON writes items as one JSON array of the objects exactly as the API
// sent them: each item's raw JSON (its Raw field) byte for byte, one per
// line, so a file can be diffed against what the API returned. With
// ForTerminal each item is indented and made terminal-safe by
// termsafe.JSON instead. It holds no item after Write returns.
type JSON[T any] struct {
	w      *bufio.Writer
	raw    func(T) json.RawMessage
	opts   options
	closed bool
	n      int
}

// NewJSON returns a JSON array writer of items to w; raw gives an item's
// JSON, e.g. NewJSON(f, CustomerRaw).
func NewJSON[T any](w io.Writer, raw func(T) json.RawMessage, opts ...Option) *JSON[T] {
	return &JSON[T]{w: bufio.NewWriter(w), raw: raw, opts: buildOptions(opts)}
}

// Write adds one item to the array. An item without raw JSON, or whose raw
// JSON is not valid, is an error (the array would not be valid either).
func (j *JSON[T]) Write(item T) error {
	if j.closed {
		return errors.New("export: write to a closed JSON array")
	}
	raw := j.raw(item)
	if len(bytes.TrimSpace(raw)) == 0 {
		return fmt.Errorf("export: JSON item %d: no raw JSON", j.n+1)
	}
	if !json.Valid(raw) {
		return fmt.Errorf("export: JSON item %d: invalid raw JSON", j.n+1)
	}
	if j.opts.terminal {
		safe, err := termsafe.JSON(raw)
		if err != nil {
			return fmt.Errorf("export: JSON item %d: %w", j.n+1, err)
		}
		// Valid JSON holds no raw line break inside a string, so every
		// "\n" here is between tokens and indenting after it is safe.
		raw = bytes.ReplaceAll(safe, []byte("\n"), []byte("\n  "))
	}
	sep := ",\n"
	if j.n == 0 {
		sep = "[\n"
	}
	if j.opts.terminal {
		sep += "  "
	}
	j.w.WriteString(sep)
	if _, err := j.w.Write(raw); err != nil {
		// bufio keeps the first error: a closed pipe ends the export here
		// rather than after the last page.
		return fmt.Errorf("export: write JSON item %d: %w", j.n+1, err)
	}
	j.n++
	return nil
}

// Close ends the array ("[]" if no item came) and flushes. It does not
// close the io.Writer.
func (j *JSON[T]) Close() error {
	if j.closed {
		return nil
	}
	j.closed = true
	if j.n == 0 {
		j.w.WriteString("[]\n")
	} else {
		j.w.WriteString("\n]\n")
	}
	if err := j.w.Flush(); err != nil {
		return fmt.Errorf("export: write JSON: %w", err)
	}
	return nil
}

// Count is the number of items written so far.
func (j *JSON[T]) Count() int { return j.n }
