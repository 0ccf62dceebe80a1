package simulator

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
)

// pageTemplates holds the HTML the simulator shows to a person's browser:
// the sign-in and consent page, and the error page.
const pageTemplates = `
{{define "head"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}} — Hyperline</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f4f7;color:#1d1d28;margin:0}
main{max-width:28rem;margin:4rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 2px 12px #0001}
.brand{font-weight:700;letter-spacing:.02em}.badge{font-size:.7rem;background:#ffe9a8;border-radius:4px;padding:.1rem .4rem;margin-left:.4rem}
.signed-in{color:#555}.app{display:flex;gap:1rem;align-items:center}.app img{width:48px;height:48px;border-radius:8px}
.actions{display:flex;gap:1rem;justify-content:flex-end;margin-top:2rem}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:8px;border:1px solid #ccc;background:#fff;cursor:pointer}
button.primary{background:#4b3bff;border-color:#4b3bff;color:#fff}.error{color:#a01818}
code{background:#f0f0f5;padding:.1rem .3rem;border-radius:4px}
</style>
</head>
<body>
<main>
<p class="brand">Hyperline<span class="badge">Simulator</span></p>
{{end}}

{{define "consent"}}{{template "head" (print "Authorize " .AppName)}}
<h1>Sign in to Hyperline</h1>
<p class="signed-in">Signed in as <strong class="email">{{.Email}}</strong> ({{.UserName}})</p>
<div class="app">
{{with .LogoURI}}<img src="{{.}}" alt="">{{end}}
<h2 class="app-name">{{.AppName}}</h2>
</div>
{{with .Description}}<p class="app-description">{{.}}</p>{{end}}
<p><strong>{{.AppName}}</strong> wants to access your Hyperline account. It will be able to read
the data of every company you belong to:</p>
<ul>{{range .Companies}}<li>{{.}}</li>{{end}}</ul>
<p>You will be sent back to <code>{{.RedirectHost}}</code>.</p>
<form method="post" action="{{.Action}}">
<input type="hidden" name="request_id" value="{{.RequestID}}">
<div class="actions">
<button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="approve" class="primary" autofocus>Approve</button>
</div>
</form>
</main>
</body>
</html>
{{end}}

{{define "portal"}}{{template "head" (print "Billing portal — " .Customer)}}
<h1 class="customer">{{.Customer}}</h1>
<p>Billing portal of <strong>{{.Customer}}</strong> with {{.Company}}.</p>
<p class="signed-in">The simulator shows no more here: the real portal lists invoices, payment
methods and subscriptions.</p>
</main>
</body>
</html>
{{end}}

{{define "error"}}{{template "head" .Title}}
<h1>{{.Title}}</h1>
<p class="error">{{.Message}}</p>
</main>
</body>
</html>
{{end}}
`

// newPages parses the page templates.
func newPages() *template.Template {
	return template.Must(template.New("pages").Parse(pageTemplates))
}

// consentData fills the consent page.
type consentData struct {
	AppName      string
	Description  string
	LogoURI      string
	Email        string
	UserName     string
	Companies    []string
	RedirectHost string
	Action       string
	RequestID    string
}

// consentPage renders the sign-in and consent page for a pending request.
func (s *Server) consentPage(w http.ResponseWriter, r *http.Request, app App, requestID string) {
	data := consentData{
		AppName:   app.Name,
		Email:     s.user.Email,
		UserName:  s.user.Name,
		Action:    r.URL.Path,
		RequestID: requestID,
	}
	if app.Description != nil {
		data.Description = *app.Description
	}
	if app.LogoURI != nil {
		data.LogoURI = *app.LogoURI
	}
	for _, c := range s.data.companies {
		data.Companies = append(data.Companies, c.name)
	}
	if u, err := url.Parse(r.URL.Query().Get("redirect_uri")); err == nil {
		data.RedirectHost = u.Host
	}
	s.renderPage(w, http.StatusOK, "consent", data)
}

// errorPage renders a human-readable error for the browser.
func (s *Server) errorPage(w http.ResponseWriter, status int, title, message string) {
	s.renderPage(w, status, "error", struct{ Title, Message string }{title, message})
}

func (s *Server) renderPage(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "render page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	// A consent page must not be framed (clickjacking).
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
