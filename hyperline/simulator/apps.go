package simulator

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// appJSON is the Apps API's app object. client_secret appears only in the
// response to POST /v1/apps.
type appJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Description  *string  `json:"description"`
	LogoURI      *string  `json:"logo_uri"`
	Callbacks    []string `json:"callbacks"`
	ClientID     string   `json:"client_id"`
	ClientSecret *string  `json:"client_secret,omitempty"`
}

func appToJSON(a *App, withSecret bool) appJSON {
	j := appJSON{
		ID:          a.ID,
		Name:        a.Name,
		Description: a.Description,
		LogoURI:     a.LogoURI,
		Callbacks:   append([]string{}, a.Callbacks...),
		ClientID:    a.ClientID,
	}
	if withSecret {
		j.ClientSecret = &a.ClientSecret
	}
	return j
}

// appInput is a validated create or update body.
type appInput struct {
	name        string
	description *string
	logoURI     *string
	callbacks   []string
}

// parseAppInput validates an Apps API body. With requireAll (PUT) all four
// fields must be present, as the docs mark them required; description and
// logo_uri may then be null.
func parseAppInput(w http.ResponseWriter, r *http.Request, requireAll bool) (appInput, string) {
	var raw map[string]json.RawMessage
	if err := readJSON(w, r, &raw); err != nil {
		return appInput{}, err.Error()
	}
	if requireAll {
		for _, k := range []string{"name", "description", "logo_uri", "callbacks"} {
			if _, ok := raw[k]; !ok {
				return appInput{}, k + " is required"
			}
		}
	}
	var in appInput
	if err := json.Unmarshal(raw["name"], &in.name); err != nil || strings.TrimSpace(in.name) == "" {
		return appInput{}, "name is required and must be a non-empty string"
	}
	if err := json.Unmarshal(raw["callbacks"], &in.callbacks); err != nil || len(in.callbacks) == 0 {
		return appInput{}, "callbacks is required and must be a non-empty array of URIs"
	}
	for _, cb := range in.callbacks {
		if !absoluteURI(cb) {
			return appInput{}, fmt.Sprintf("callbacks: %q is not an absolute URI without a fragment", cb)
		}
	}
	var ok bool
	if in.description, ok = optionalString(raw["description"]); !ok {
		return appInput{}, "description must be a string or null"
	}
	if in.logoURI, ok = optionalString(raw["logo_uri"]); !ok || (in.logoURI != nil && !absoluteURI(*in.logoURI)) {
		return appInput{}, "logo_uri must be an absolute URI or null"
	}
	return in, ""
}

// optionalString decodes an absent, null or string JSON value.
func optionalString(raw json.RawMessage) (*string, bool) {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, false
	}
	return &s, true
}

// absoluteURI accepts an absolute URI without fragment (RFC 6749 §3.1.2);
// http and https ones need a host.
func absoluteURI(s string) bool {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || u.Fragment != "" || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	if u.Scheme == "http" || u.Scheme == "https" {
		return u.Host != ""
	}
	return true
}

// createApp answers POST /v1/apps: 201 with the client secret.
func (s *Server) createApp(w http.ResponseWriter, r *http.Request, _ *apiCall) {
	in, msg := parseAppInput(w, r, false)
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	app := &App{
		// Not documented: the app ID prefix; "app_" is used.
		ID:           "app_" + rand.Text()[:14],
		Name:         in.name,
		Description:  in.description,
		LogoURI:      in.logoURI,
		Callbacks:    in.callbacks,
		ClientID:     rand.Text(),
		ClientSecret: newSecret(),
	}
	s.store.mu.Lock()
	s.store.apps = append(s.store.apps, app)
	body := appToJSON(app, true)
	s.store.mu.Unlock()
	writeJSON(w, http.StatusCreated, body)
}

// listApps answers GET /v1/apps: a bare array, oldest first, no secrets.
func (s *Server) listApps(w http.ResponseWriter, _ *http.Request, _ *apiCall) {
	s.store.mu.Lock()
	out := make([]appJSON, 0, len(s.store.apps))
	for _, a := range s.store.apps {
		out = append(out, appToJSON(a, false))
	}
	s.store.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// updateApp answers PUT /v1/apps/{id}.
func (s *Server) updateApp(w http.ResponseWriter, r *http.Request, c *apiCall) {
	in, msg := parseAppInput(w, r, true)
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	var (
		body  appJSON
		found bool
	)
	s.store.mu.Lock()
	for _, a := range s.store.apps {
		if a.ID == c.args[0] {
			a.Name, a.Description, a.LogoURI, a.Callbacks = in.name, in.description, in.logoURI, in.callbacks
			body, found = appToJSON(a, false), true
			break
		}
	}
	s.store.mu.Unlock()
	if !found {
		writeError(w, http.StatusNotFound, "App not found")
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// deleteApp answers DELETE /v1/apps/{id} with 204. Not documented: what
// happens to the app's tokens; they all stop working with the app.
func (s *Server) deleteApp(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	s.store.mu.Lock()
	i := slices.IndexFunc(s.store.apps, func(a *App) bool { return a.ID == c.args[0] })
	if i >= 0 {
		s.store.revokeClientLocked(s.store.apps[i].ClientID)
		s.store.apps = slices.Delete(s.store.apps, i, i+1)
	}
	s.store.mu.Unlock()
	if i < 0 {
		writeError(w, http.StatusNotFound, "App not found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
