package hyperline

import (
	"encoding/json"
	"fmt"
)

// App is a third-party OAuth app (the Apps API, authenticated with an API key).
type App struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description *string  `json:"description"`
	LogoURI     *string  `json:"logo_uri"`
	Callbacks   []string `json:"callbacks"`
	ClientID    string   `json:"client_id"`
	// ClientSecret is only returned by CreateApp; it is empty everywhere else.
	ClientSecret string `json:"client_secret"`

	// Raw is the exact JSON object the API sent (for a created app it
	// contains the client secret too).
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes an app and keeps the original bytes in Raw.
func (a *App) UnmarshalJSON(b []byte) error {
	type alias App
	return decodeKeepingRaw(b, (*alias)(a), &a.Raw)
}

func (a *App) setRaw(b json.RawMessage) { a.Raw = b }

// String describes the app with the client secret masked, so that printing an
// App with %v never leaks it. Read ClientSecret explicitly to show it.
func (a App) String() string {
	secret := ""
	if a.ClientSecret != "" {
		secret = " ClientSecret:" + MaskSecret(a.ClientSecret)
	}
	return fmt.Sprintf("App{ID:%s Name:%q ClientID:%s%s Callbacks:%v}",
		a.ID, a.Name, a.ClientID, secret, a.Callbacks)
}

// AppInput is what CreateApp and UpdateApp send.
type AppInput struct {
	Name        string
	Description *string
	LogoURI     *string
	Callbacks   []string
}

// createAppBody leaves unset optional fields out: create marks them optional.
type createAppBody struct {
	Name        string   `json:"name"`
	Description *string  `json:"description,omitempty"`
	LogoURI     *string  `json:"logo_uri,omitempty"`
	Callbacks   []string `json:"callbacks"`
}

// updateAppBody always sends all four fields: PUT marks every one required,
// with description and logo_uri nullable, so nil becomes an explicit null.
type updateAppBody struct {
	Name        string   `json:"name"`
	Description *string  `json:"description"`
	LogoURI     *string  `json:"logo_uri"`
	Callbacks   []string `json:"callbacks"`
}

// MaskSecret shows only enough of a token or secret to tell two apart:
// its last four characters, or nothing at all when it is short.
func MaskSecret(s string) string {
	if len(s) <= 8 {
		return "****"
	}
	return "****" + s[len(s)-4:]
}
