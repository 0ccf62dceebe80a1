package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

func TestDirHonoursXDGConfigHome(t *testing.T) {
	home := t.TempDir()
	// Cleanups run last-in first-out: reload after Setenv restored the variable.
	t.Cleanup(xdg.Reload)
	t.Setenv("XDG_CONFIG_HOME", home)
	xdg.Reload()
	if got, want := Dir(), filepath.Join(home, "hlx"); got != want {
		t.Errorf("Dir() = %q, want %q", got, want)
	}
	if got, want := SessionPath(), filepath.Join(home, "hlx", "session.json"); got != want {
		t.Errorf("SessionPath() = %q, want %q", got, want)
	}
	if got, want := SettingsPath(), filepath.Join(home, "hlx", "config.json"); got != want {
		t.Errorf("SettingsPath() = %q, want %q", got, want)
	}
}

func TestResolveSettingsPrecedence(t *testing.T) {
	t.Parallel()
	file := FileSettings{
		Version:      1,
		APIURL:       "https://file.example/",
		RedirectURI:  "http://127.0.0.1:9000/callback",
		ClientID:     "file-id",
		ClientSecret: "file-secret",
		Apps: map[string]AppCredentials{
			"https://SANDBOX.api.hyperline.co/": {ClientID: "sandbox-id", ClientSecret: "sandbox-secret"},
		},
	}
	env := map[string]string{
		EnvClientID:     "env-id",
		EnvClientSecret: "env-secret",
		EnvAPIURL:       "https://env.example",
		EnvRedirectURI:  "http://127.0.0.1:9001/callback",
	}
	getenv := func(k string) string { return env[k] }
	none := func(string) string { return "" }

	tests := []struct {
		name   string
		flags  Flags
		getenv func(string) string
		file   FileSettings
		want   Settings
	}{
		{
			name:   "defaults",
			getenv: none,
			want: Settings{APIURL: ProductionURL, RedirectURI: DefaultRedirectURI, Sources: Sources{
				ClientID: SourceUnset, ClientSecret: SourceUnset, APIURL: SourceDefault, RedirectURI: SourceDefault}},
		},
		{
			name:   "file over defaults",
			getenv: none,
			file:   file,
			want: Settings{ClientID: "file-id", ClientSecret: "file-secret", APIURL: "https://file.example", RedirectURI: "http://127.0.0.1:9000/callback",
				Sources: Sources{SourceFile, SourceFile, SourceFile, SourceFile}},
		},
		{
			name:   "env over file",
			getenv: getenv,
			file:   file,
			want: Settings{ClientID: "env-id", ClientSecret: "env-secret", APIURL: "https://env.example", RedirectURI: "http://127.0.0.1:9001/callback",
				Sources: Sources{SourceEnv, SourceEnv, SourceEnv, SourceEnv}},
		},
		{
			name:   "flags over env",
			getenv: getenv,
			file:   file,
			flags:  Flags{ClientID: "flag-id", ClientSecret: "flag-secret", APIURL: "http://127.0.0.1:7878/", RedirectURI: "http://127.0.0.1:9002/callback"},
			want: Settings{ClientID: "flag-id", ClientSecret: "flag-secret", APIURL: "http://127.0.0.1:7878", RedirectURI: "http://127.0.0.1:9002/callback",
				Sources: Sources{SourceFlag, SourceFlag, SourceFlag, SourceFlag}},
		},
		{
			name:   "sandbox flag picks the file's sandbox app",
			getenv: none,
			file:   file,
			flags:  Flags{Sandbox: true},
			want: Settings{ClientID: "sandbox-id", ClientSecret: "sandbox-secret", APIURL: SandboxURL, RedirectURI: "http://127.0.0.1:9000/callback",
				Sources: Sources{SourceFile, SourceFile, SourceFlag, SourceFile}},
		},
		{
			name:   "sandbox flag beats env API URL",
			getenv: getenv,
			flags:  Flags{Sandbox: true},
			want: Settings{ClientID: "env-id", ClientSecret: "env-secret", APIURL: SandboxURL, RedirectURI: "http://127.0.0.1:9001/callback",
				Sources: Sources{SourceEnv, SourceEnv, SourceFlag, SourceEnv}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ResolveSettings(tt.flags, tt.getenv, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("ResolveSettings =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

func TestResolveSettingsRejectsBadAPIURL(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"ftp://x", "api.hyperline.co", "https://x/?q=1", "https://", "http://api.example.com"} {
		if _, err := ResolveSettings(Flags{APIURL: raw}, func(string) string { return "" }, FileSettings{}); err == nil {
			t.Errorf("API URL %q accepted", raw)
		}
	}
}

// TestNormalizeAPIURLHidesCredentials: an API key can be a URL's Basic
// user name; such a URL is refused without repeating the key.
func TestNormalizeAPIURLHidesCredentials(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"https://prod_secretkey@api.hyperline.co", "https://prod_secretkey:pw@api.hyperline.co",
		"ftp://prod_secretkey@api.hyperline.co", "http://prod_secretkey@api.hyperline.co", "https://prod_secretkey@api.hyperline.co/%zz"} {
		_, err := NormalizeAPIURL(raw)
		if err == nil || strings.Contains(err.Error(), "secretkey") || strings.Contains(err.Error(), ":pw@") {
			t.Errorf("NormalizeAPIURL(%q): err = %v, want a refusal without the credentials", raw, err)
		}
	}
}

func TestSaveAppCredentials(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "hlx")
	path := filepath.Join(dir, "config.json")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"version":1,"api_url":"https://sandbox.api.hyperline.co","redirect_uri":"http://127.0.0.1:9000/callback"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	app := AppCredentials{ClientID: "cid", ClientSecret: "csecret"}
	if err := SaveAppCredentials(path, "https://sandbox.api.hyperline.co/", app); err != nil {
		t.Fatal(err)
	}
	s, err := LoadSettings(Flags{}, path, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if s.ClientID != "cid" || s.ClientSecret != "csecret" || s.APIURL != SandboxURL || s.RedirectURI != "http://127.0.0.1:9000/callback" {
		t.Errorf("settings after save = %+v", s)
	}
	if s.File != path {
		t.Errorf("File = %q, want %q", s.File, path)
	}
	assertMode(t, path, 0o600)
	assertMode(t, dir, 0o700)

	// Production has no credentials saved: the sandbox app must not leak there.
	s, err = LoadSettings(Flags{APIURL: ProductionURL}, path, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if s.ClientID != "" {
		t.Errorf("production picked up sandbox client id %q", s.ClientID)
	}
}

func TestSaveAppCredentialsRefusesInvalidFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(path, []byte(`{not json`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SaveAppCredentials(path, SandboxURL, AppCredentials{ClientID: "a", ClientSecret: "b"}); err == nil {
		t.Fatal("SaveAppCredentials overwrote an invalid settings file")
	}
	data, _ := os.ReadFile(path)
	if string(data) != `{not json` {
		t.Errorf("settings file changed to %q", data)
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s mode = %o, want %o", path, got, want)
	}
}
