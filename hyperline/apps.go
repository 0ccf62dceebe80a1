package hyperline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// The Apps API is authenticated with the account's API key (APIKey), not an
// OAuth token, and is not company-scoped.

// ListApps returns the account's third-party apps (GET /v1/apps), which the
// API sends as a bare JSON array. ClientSecret is empty in every item.
func (c *Client) ListApps(ctx context.Context) ([]App, error) {
	var raw rawBody
	if err := c.do(ctx, http.MethodGet, "/v1/apps", nil, nil, &raw); err != nil {
		return nil, err
	}
	var apps []App
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		// Not documented: a {"data": [...]} envelope; tolerated in case the
		// endpoint moves to the shape of the other lists.
		var env struct {
			Data []App `json:"data"`
		}
		if err := json.Unmarshal(trimmed, &env); err != nil || env.Data == nil {
			return nil, malformed(http.MethodGet, "/v1/apps", "expected a JSON array of apps")
		}
		return env.Data, nil
	}
	if err := json.Unmarshal(trimmed, &apps); err != nil {
		return nil, malformed(http.MethodGet, "/v1/apps", "decode apps: %v", err)
	}
	return apps, nil
}

// CreateApp registers a third-party app (POST /v1/apps, 201). The returned
// App is the only one that carries ClientSecret: show it once, store it safely.
func (c *Client) CreateApp(ctx context.Context, in AppInput) (*App, error) {
	if err := in.validate(); err != nil {
		return nil, fmt.Errorf("hyperline: create app: %w", err)
	}
	body := createAppBody(in)
	var app App
	if err := c.do(ctx, http.MethodPost, "/v1/apps", nil, body, &app); err != nil {
		return nil, err
	}
	return &app, nil
}

// UpdateApp replaces an app's name, description, logo and callbacks
// (PUT /v1/apps/{id}). All four are sent; a nil Description or LogoURI clears it.
func (c *Client) UpdateApp(ctx context.Context, id string, in AppInput) (*App, error) {
	seg, err := pathEscape("app", id)
	if err != nil {
		return nil, err
	}
	if err := in.validate(); err != nil {
		return nil, fmt.Errorf("hyperline: update app %s: %w", id, err)
	}
	body := updateAppBody(in)
	var app App
	if err := c.do(ctx, http.MethodPut, "/v1/apps/"+seg, nil, body, &app); err != nil {
		return nil, err
	}
	return &app, nil
}

// DeleteApp deletes an app (DELETE /v1/apps/{id}, 204).
func (c *Client) DeleteApp(ctx context.Context, id string) error {
	seg, err := pathEscape("app", id)
	if err != nil {
		return err
	}
	return c.do(ctx, http.MethodDelete, "/v1/apps/"+seg, nil, nil, nil)
}

// validate checks the fields the API requires, before any request.
func (in AppInput) validate() error {
	if in.Name == "" {
		return errors.New("name is required")
	}
	if len(in.Callbacks) == 0 {
		return errors.New("at least one callback URL is required")
	}
	return nil
}
