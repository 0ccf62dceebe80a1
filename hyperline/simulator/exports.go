package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// The spec's asynchronous export: POST /v1/exports (CreateExport: name and
// file_type, nothing else), GET /v1/exports (take/skip, most recent first),
// GET /v1/exports/{exportId} (Export) and GET /v2/exports/{exportId}/download
// (302 to a short-lived URL). The spec's CreateExport has no filter: an
// export is chosen by its name alone.

// exportNames are CreateExport.name's enum, in the spec's order.
func exportNames() []string {
	return []string{"aged_balances", "outstanding_invoices", "all_subscriptions", "revenue_per_product",
		"revenue_per_line_item_name", "revenue_per_country", "revenue_per_plan", "all_customers",
		"detailed_revenue", "line_by_line_revenue", "draft_invoices", "open_invoices",
		"live_subscriptions", "renewals", "credit_balances"}
}

// exportFileTypes are CreateExport.file_type's enum.
func exportFileTypes() []string { return []string{"csv", "xlsx", "json"} }

// simExport is one export a company asked for.
type simExport struct {
	id, name, fileType string
	company            *company
	created, updated   time.Time
	polls              int    // GET /v1/exports/{id} answered so far
	token              string // the download URL's secret
}

// status moves on with each poll, never with the wall clock, so a test
// needs no sleep: pending when created, processing at the first poll, done
// (or error) from the second. Not documented: how long Hyperline takes.
func (e *simExport) status() string {
	switch {
	case e.polls == 0:
		return "pending"
	case e.polls == 1:
		return "processing"
	case !e.buildable():
		return "error"
	}
	return "done"
}

// buildable reports whether the simulator can make this file. Not
// documented: the files' columns. The simulator builds all_customers as CSV
// or JSON; every other export, and XLSX, ends in the spec's "error" status
// rather than in a file whose shape would be invented.
func (e *simExport) buildable() bool {
	return e.name == "all_customers" && e.fileType != "xlsx"
}

// exportStore keeps the exports of every company.
type exportStore struct {
	mu   sync.Mutex
	seq  int
	list []*simExport // oldest first
}

// exportJSON is the spec's Export (CreateExport's fields plus id, status
// and dates). created_at and updated_at have format "date" in the spec.
type exportJSON struct {
	Name      string  `json:"name"`
	FileType  string  `json:"file_type"`
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	CreatedAt *string `json:"created_at"`
	UpdatedAt *string `json:"updated_at"`
}

func (e *simExport) wire() exportJSON {
	day := func(t time.Time) *string { s := t.UTC().Format(time.DateOnly); return &s }
	return exportJSON{Name: e.name, FileType: e.fileType, ID: e.id, Status: e.status(),
		CreatedAt: day(e.created), UpdatedAt: day(e.updated)}
}

// createExport answers POST /v1/exports with 201 and the pending export.
// The body must be a JSON object with the two required fields, each one of
// its enum; anything else is 400. Not documented: whether unknown fields
// are refused; the simulator refuses them, so a client that believes the
// export takes filters finds out here.
func (s *Server) createExport(w http.ResponseWriter, r *http.Request, c *apiCall) {
	var raw map[string]json.RawMessage
	if err := readJSON(w, r, &raw); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	for k := range raw {
		if k != "name" && k != "file_type" {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("Unknown field %q", k))
			return
		}
	}
	var name, fileType string
	if json.Unmarshal(raw["name"], &name) != nil || !slices.Contains(exportNames(), name) {
		writeError(w, http.StatusBadRequest, "name is required and must be one of: "+strings.Join(exportNames(), ", "))
		return
	}
	if json.Unmarshal(raw["file_type"], &fileType) != nil || !slices.Contains(exportFileTypes(), fileType) {
		writeError(w, http.StatusBadRequest, "file_type is required and must be one of: csv, xlsx, json")
		return
	}
	now := s.cfg.Now()
	st := s.exports
	st.mu.Lock()
	st.seq++
	e := &simExport{id: hashID("exp_", uint64(st.seq), uint64(c.company.index)), name: name, fileType: fileType,
		company: c.company, created: now, updated: now, token: hashID("dl_", uint64(st.seq), s.data.seed)}
	st.list = append(st.list, e)
	body := e.wire()
	st.mu.Unlock()
	writeJSON(w, http.StatusCreated, body)
}

// find returns the company's export id, or nil.
func (st *exportStore) find(co *company, id string) *simExport {
	for _, e := range st.list {
		if e.id == id && e.company == co {
			return e
		}
	}
	return nil
}

// getExport answers GET /v1/exports/{exportId}; each answer is one poll.
func (s *Server) getExport(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	st := s.exports
	st.mu.Lock()
	e := st.find(c.company, c.args[0])
	if e == nil {
		st.mu.Unlock()
		writeError(w, http.StatusNotFound, "Export not found")
		return
	}
	if e.polls < 2 {
		e.polls++
		e.updated = s.cfg.Now()
	}
	body := e.wire()
	st.mu.Unlock()
	writeJSON(w, http.StatusOK, body)
}

// listExports answers GET /v1/exports, most recent first, take/skip paged.
func (s *Server) listExports(w http.ResponseWriter, r *http.Request, c *apiCall) {
	p, msg := parsePage(r.URL.Query())
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	pg := newPager[exportJSON](p)
	st := s.exports
	st.mu.Lock()
	for _, e := range slices.Backward(st.list) {
		if e.company == c.company {
			pg.offer(e.wire)
		}
	}
	st.mu.Unlock()
	pg.write(w)
}

// downloadExport answers GET /v2/exports/{exportId}/download with the
// spec's 302 to a short-lived URL on the simulator (/files/exports/...).
// Not documented: the answer for an export that is not done; 404 for an
// unknown one, 409 with a message for one still pending, processing or
// errored.
func (s *Server) downloadExport(w http.ResponseWriter, r *http.Request, c *apiCall) {
	st := s.exports
	st.mu.Lock()
	e := st.find(c.company, c.args[0])
	var status, token string
	if e != nil {
		status, token = e.status(), e.token
	}
	st.mu.Unlock()
	switch {
	case e == nil:
		writeError(w, http.StatusNotFound, "Export not found")
	case status != "done":
		writeError(w, http.StatusConflict, "Export is "+status+", not ready for download")
	default:
		http.Redirect(w, r, baseURL(r)+"/files/exports/"+e.id+"?token="+token, http.StatusFound)
	}
}
