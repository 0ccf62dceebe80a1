package simulator

import "net/http"

func (s *Server) listInvoices(w http.ResponseWriter, r *http.Request, c *apiCall) { routeNotFound(w) }
func (s *Server) getInvoice(w http.ResponseWriter, r *http.Request, c *apiCall)   { routeNotFound(w) }
func (s *Server) downloadInvoice(w http.ResponseWriter, r *http.Request, c *apiCall) {
	routeNotFound(w)
}
