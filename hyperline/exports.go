package hyperline

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// ExportName is CreateExport.name: which export Hyperline builds. The
// spec's CreateExport takes a name and a file type and nothing else, so an
// export cannot be filtered; each name is a fixed selection.
type ExportName string

// The export names of the spec's enum that hlx can offer for a list.
const (
	// ExportAllCustomers is every customer of the company.
	ExportAllCustomers ExportName = "all_customers"
	// ExportAllSubscriptions is, in the spec's words, the active, pending
	// or cancelled subscriptions.
	ExportAllSubscriptions ExportName = "all_subscriptions"
	// ExportLiveSubscriptions is the active subscriptions, line by line.
	ExportLiveSubscriptions ExportName = "live_subscriptions"
	// ExportDraftInvoices is the draft invoices.
	ExportDraftInvoices ExportName = "draft_invoices"
	// ExportOpenInvoices is the open invoices.
	ExportOpenInvoices ExportName = "open_invoices"
	// ExportOutstandingInvoices is the outstanding invoices.
	ExportOutstandingInvoices ExportName = "outstanding_invoices"
)

// ExportFileType is CreateExport.file_type.
type ExportFileType string

// The spec's file types.
const (
	ExportCSV  ExportFileType = "csv"
	ExportXLSX ExportFileType = "xlsx"
	ExportJSON ExportFileType = "json"
)

// The spec's Export.status values.
const (
	ExportPending    = "pending"
	ExportProcessing = "processing"
	ExportDone       = "done"
	ExportError      = "error"
)

// Export is the spec's Export: an export Hyperline builds asynchronously.
type Export struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	FileType  string   `json:"file_type"`
	Status    string   `json:"status"`
	CreatedAt FlexTime `json:"created_at"`
	UpdatedAt FlexTime `json:"updated_at"`
}

// Finished reports whether the export will not change any more (done or
// error).
func (e *Export) Finished() bool { return e.Status == ExportDone || e.Status == ExportError }

// createExportBody is the spec's CreateExport.
type createExportBody struct {
	Name     ExportName     `json:"name"`
	FileType ExportFileType `json:"file_type"`
}

// CreateExport asks Hyperline to build an export (POST /v1/exports; 201
// Export). It is a write: it is never retried, so a lost answer does not
// start two exports.
func (cc *CompanyClient) CreateExport(ctx context.Context, name ExportName, fileType ExportFileType) (*Export, error) {
	if name == "" || fileType == "" {
		return nil, fmt.Errorf("hyperline: create export: name and file type are required")
	}
	var e Export
	if err := cc.do(ctx, http.MethodPost, "/v1/exports", nil, createExportBody{name, fileType}, &e); err != nil {
		return nil, err
	}
	return &e, nil
}

// GetExport reads an export's status (GET /v1/exports/{exportId}).
func (cc *CompanyClient) GetExport(ctx context.Context, id string) (*Export, error) {
	seg, err := pathEscape("export", id)
	if err != nil {
		return nil, err
	}
	var e Export
	if err := cc.do(ctx, http.MethodGet, "/v1/exports/"+seg, nil, nil, &e); err != nil {
		return nil, err
	}
	return &e, nil
}

// ListExports lists the company's exports, most recent first (GET
// /v1/exports, take/skip).
func (cc *CompanyClient) ListExports(ctx context.Context, opts ListOptions) (*Page[Export], error) {
	return listPage[Export](ctx, cc.do, "/v1/exports", opts, nil, nil)
}

// DownloadExport streams a done export's file (GET
// /v2/exports/{exportId}/download) into w and returns the bytes written.
// The spec answers 302 to a short-lived URL, which net/http follows. As
// with DownloadInvoice, the status and Content-Type are checked before the
// first byte reaches w. Not documented: the file's Content-Type; CSV,
// JSON, XLSX, octet-stream and none are accepted, HTML is not.
func (cc *CompanyClient) DownloadExport(ctx context.Context, id string, w io.Writer) (int64, error) {
	seg, err := pathEscape("export", id)
	if err != nil {
		return 0, err
	}
	return cc.download(ctx, "/v2/exports/"+seg+"/download", "export "+id,
		"text/csv, application/json;q=0.9, application/octet-stream;q=0.8, */*;q=0.1", checkExportType, w)
}

// checkExportType accepts a Content-Type an export file can have.
func checkExportType(ct string) error {
	return checkMedia(ct, "an export file", func(media string) bool {
		return media == "text/csv" || media == "application/json" || strings.Contains(media, "spreadsheet")
	})
}
