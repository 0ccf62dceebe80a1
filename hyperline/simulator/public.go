package simulator

import (
	"net/http"
	"strings"
)

// Public pages: what the URLs the API hands out (a customer's portal, an
// invoice's public_url) lead to. They need no credential, like the real
// ones, whose IDs are unguessable; the simulator's IDs carry a checksum.

// servePublic answers GET /portal/<customer id> and GET
// /public/invoices/<invoice id>; it reports false for any other path.
func (s *Server) servePublic(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false
	}
	if id, ok := strings.CutPrefix(r.URL.Path, "/portal/"); ok {
		co, i, found := s.data.customerAnywhere(id)
		if !found {
			s.errorPage(w, http.StatusNotFound, "Portal not found", "No customer has this portal.")
			return true
		}
		s.renderPage(w, http.StatusOK, "portal", struct{ Customer, Company string }{s.data.core(co, i).name, co.name})
		return true
	}
	if id, ok := strings.CutPrefix(r.URL.Path, "/public/invoices/"); ok {
		co, i, slot, found := s.data.invoiceAnywhere(id)
		if !found {
			s.errorPage(w, http.StatusNotFound, "Invoice not found", "No invoice has this link.")
			return true
		}
		s.writeInvoicePDF(w, r, co, i, slot)
		return true
	}
	return false
}

// customerAnywhere decodes a customer ID of any company.
func (d *dataset) customerAnywhere(id string) (*company, int, bool) {
	ref, ok := d.ids.decode("cus_", id)
	if !ok || ref.kind != kindCustomer || ref.company >= len(d.companies) {
		return nil, 0, false
	}
	co := d.companies[ref.company]
	i, ok := d.customerByID(co, id)
	return co, i, ok
}

// invoiceAnywhere decodes an invoice ID of any company.
func (d *dataset) invoiceAnywhere(id string) (*company, int, int, bool) {
	ref, ok := d.ids.decode("inv_", id)
	if !ok || ref.kind != kindInvoice || ref.company >= len(d.companies) {
		return nil, 0, 0, false
	}
	co := d.companies[ref.company]
	i, slot, ok := d.invoiceByID(co, id)
	return co, i, slot, ok
}
