package simulator

import "net/http"

// listPaymentMethods answers GET /v1/customers/{id}/payment-methods: the
// customer's saved card or mandate (the simulator saves one at most), in
// the offset envelope the spec gives it. The spec declares no paging
// parameter for it, so the whole list is one page.
func (s *Server) listPaymentMethods(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, ok := s.data.customerByID(c.company, c.args[0])
	if !ok {
		// Not documented: the spec lists only 200; an unknown customer is
		// a 404 like every other customer path.
		writeError(w, http.StatusNotFound, "Customer not found")
		return
	}
	cr := s.data.customer(c.company, i)
	out := []paymentMethodJSON{}
	if pm := s.data.paymentMethod(c.company, i, cr.pay); pm != nil {
		out = append(out, *pm)
	}
	writeJSON(w, http.StatusOK, listEnvelope[paymentMethodJSON]{
		Meta: listMeta{Total: len(out), Taken: len(out), Skipped: 0},
		Data: out,
	})
}
