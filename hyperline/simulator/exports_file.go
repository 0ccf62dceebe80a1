package simulator

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
)

// serveExportFile answers GET /files/exports/<id>?token=..., the
// short-lived URL a done export's download redirects to. Like a signed
// storage URL it needs no credential but the token; a wrong or missing
// token is 403, an export not done 404. It reports false for other paths.
func (s *Server) serveExportFile(w http.ResponseWriter, r *http.Request) bool {
	id, ok := strings.CutPrefix(r.URL.Path, "/files/exports/")
	if !ok || r.Method != http.MethodGet {
		return false
	}
	st := s.exports
	st.mu.Lock()
	var e *simExport
	for _, x := range st.list {
		if x.id == id {
			e = x
		}
	}
	var ready bool
	var token string
	if e != nil {
		ready, token = e.status() == "done", e.token
	}
	st.mu.Unlock()
	switch {
	case e == nil || !ready:
		s.errorPage(w, http.StatusNotFound, "File not found", "No export file at this address.")
	case r.URL.Query().Get("token") != token:
		s.errorPage(w, http.StatusForbidden, "Link expired", "This download link is not valid.")
	default:
		s.writeCustomersFile(w, e)
	}
	return true
}

// exportCustomerColumns are the all_customers CSV's columns. Not
// documented: the spec does not describe the file; these are fields of
// the API's Customer, named as the API names them.
func exportCustomerColumns() []string {
	return []string{"id", "name", "type", "status", "currency", "country", "billing_email", "external_id", "created_at", "updated_at"}
}

// writeCustomersFile streams every customer of the export's company, in
// creation order, as CSV (a header row, then one row each) or as a JSON
// array of the API's v2 Customer objects. Streaming keeps a million
// customers from being held in memory.
func (s *Server) writeCustomersFile(w http.ResponseWriter, e *simExport) {
	co := e.company
	h := w.Header()
	h.Set("Content-Disposition", `attachment; filename="`+e.id+"."+e.fileType+`"`)
	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush()
	if e.fileType == "json" {
		h.Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		_ = bw.WriteByte('[')
		for i := range co.customers {
			if i > 0 {
				_ = bw.WriteByte(',')
			}
			cr := s.data.customer(co, i)
			_ = enc.Encode(cr.v2())
		}
		_, _ = bw.WriteString("]\n")
		return
	}
	h.Set("Content-Type", "text/csv; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	cw := csv.NewWriter(bw)
	_ = cw.Write(exportCustomerColumns())
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for i := range co.customers {
		cr := s.data.customer(co, i)
		c := cr.v2()
		_ = cw.Write([]string{c.ID, c.Name, str(c.Type), c.Status, c.Currency, str(c.Country),
			str(c.BillingEmail), str(c.ExternalID), c.CreatedAt, c.UpdatedAt})
	}
	cw.Flush()
}
