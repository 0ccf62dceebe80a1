package hyperline

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// UserInfo is the person behind an OAuth access token (GET /v1/oauth/userinfo).
// No user ID is documented; Email is the stable handle.
type UserInfo struct {
	GivenName     *string `json:"given_name"`
	FamilyName    *string `json:"family_name"`
	Name          *string `json:"name"`
	Picture       *string `json:"picture"`
	Email         string  `json:"email"`
	EmailVerified bool    `json:"email_verified"`

	// Raw is the exact JSON object the API sent.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes user info and keeps the original bytes in Raw.
func (u *UserInfo) UnmarshalJSON(b []byte) error {
	type alias UserInfo
	return decodeKeepingRaw(b, (*alias)(u), &u.Raw)
}

func (u *UserInfo) setRaw(b json.RawMessage) { u.Raw = b }

// DisplayName is the best name to show: name, then given + family name, then email.
func (u UserInfo) DisplayName() string {
	if u.Name != nil && *u.Name != "" {
		return *u.Name
	}
	var n string
	if u.GivenName != nil {
		n = *u.GivenName
	}
	if u.FamilyName != nil && *u.FamilyName != "" {
		if n != "" {
			n += " "
		}
		n += *u.FamilyName
	}
	if n != "" {
		return n
	}
	return u.Email
}

// UserInfo returns the user the token belongs to (GET /oauth/userinfo, the
// spec's path; a server that answers 404 there is asked at the guide's
// /v1/oauth/userinfo). It needs an OAuth access token; with an API key the
// server answers with an error.
func (c *Client) UserInfo(ctx context.Context) (*UserInfo, error) {
	var u UserInfo
	err := c.do(ctx, http.MethodGet, "/oauth/userinfo", nil, nil, &u)
	if errors.Is(err, ErrNotFound) {
		err = c.do(ctx, http.MethodGet, "/v1/oauth/userinfo", nil, nil, &u)
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}
