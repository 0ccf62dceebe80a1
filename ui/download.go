package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
)

// downloadInvoice starts the download of an invoice's PDF into the save
// directory, as <number>.pdf (a free name: an existing file is never
// replaced), written atomically with the bytes shown as they arrive.
func downloadInvoice(c *common, companyID string, inv hyperline.Invoice) tea.Cmd {
	data, dir := c.data, c.saveDir
	name := fileSafe(inv.Number)
	if name == "" {
		name = fileSafe(inv.ID)
	}
	if name == "" {
		name = "invoice"
	}
	run := func(ctx context.Context, progress func(jobProgress)) (string, error) {
		path := freeName(dir, name, ".pdf")
		return export.WriteFile(path, func(w io.Writer) error {
			cw := &countingWriter{w: w, report: func(n int64) { progress(jobProgress{done: n}) }}
			_, err := data.DownloadInvoice(ctx, companyID, inv.ID, cw)
			return err
		})
	}
	return emit(startJobMsg{what: "download " + name + ".pdf", run: run})
}

// fileSafe keeps the letters, digits, dots, dashes and underscores of s,
// so a number from the API cannot name a path elsewhere ("../x"), and
// never begins with a dash, so a number "-rf" cannot name a file that a
// later `rm *` or `lpr *` in that directory reads as an option.
func fileSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
	s = strings.TrimLeft(s, "-._")
	if len(s) > 80 {
		s = s[:80]
	}
	return strings.TrimRight(s, "._")
}

// freeName is dir/base+ext, or dir/base-2+ext … when that file exists.
func freeName(dir, base, ext string) string {
	path := filepath.Join(dir, base+ext)
	for i := 2; i < 1000; i++ {
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			return path
		}
		path = filepath.Join(dir, base+"-"+strconv.Itoa(i)+ext)
	}
	return path
}
