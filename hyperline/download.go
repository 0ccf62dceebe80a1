package hyperline

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// DownloadInvoice streams the invoice's PDF (GET /v2/invoices/{id}/download)
// into w and returns the number of bytes written. The stream is not size
// bounded, but the status and Content-Type are checked before the first byte
// is written, so an error page never ends up in w. A failure after writing has
// begun is returned as is (w then holds a partial file) and is not retried.
//
// The spec answers 200 with application/pdf, or a 302 redirect, which
// net/http follows, dropping the Authorization header when the redirect
// leaves the API host. Not documented: the Content-Type of the place a
// redirect leads to, so application/octet-stream and a missing type are
// accepted too; JSON, HTML and other text are not a file and give
// ErrMalformedResponse.
func (cc *CompanyClient) DownloadInvoice(ctx context.Context, id string, w io.Writer) (int64, error) {
	seg, err := pathEscape("invoice", id)
	if err != nil {
		return 0, err
	}
	return cc.download(ctx, "/v2/invoices/"+seg+"/download", "invoice "+id,
		"application/pdf, application/octet-stream;q=0.9, */*;q=0.1", checkFileType, w)
}

// download streams the file at path into w, checking the status and the
// Content-Type (with check) before the first byte reaches w; what names
// the file in errors ("invoice inv_…"). It is not retried once begun.
func (cc *CompanyClient) download(ctx context.Context, path, what, accept string, check func(string) error, w io.Writer) (int64, error) {
	if w == nil {
		return 0, fmt.Errorf("hyperline: download %s: nil writer", what)
	}
	if strings.TrimSpace(cc.id) == "" {
		return 0, fmt.Errorf("hyperline: download %s: empty company ID", what)
	}
	var written int64
	err := cc.c.send(ctx, call{
		method:  http.MethodGet,
		path:    path,
		company: cc.id,
		accept:  accept,
		stream: func(resp *http.Response) error {
			if err := check(resp.Header.Get("Content-Type")); err != nil {
				return malformed(http.MethodGet, path, "%v", err)
			}
			n, err := io.Copy(w, resp.Body)
			written = n
			if err != nil {
				return fmt.Errorf("hyperline: download %s after %d bytes: %w", what, n, err)
			}
			return nil
		},
	})
	return written, err
}

// checkFileType accepts a Content-Type that can be a PDF file.
func checkFileType(ct string) error {
	return checkMedia(ct, "a PDF file", func(media string) bool { return strings.Contains(media, "pdf") })
}

// checkMedia accepts a missing Content-Type, an octet stream, or a media
// type file accepts; anything else (an error page) is not the file, named
// by want in the error.
func checkMedia(ct, want string, file func(media string) bool) error {
	if strings.TrimSpace(ct) == "" {
		return nil
	}
	media, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Errorf("unreadable Content-Type %q", ct)
	}
	if file(media) || media == "application/octet-stream" || media == "binary/octet-stream" {
		return nil
	}
	return fmt.Errorf("expected %s, got %q", want, media)
}
