package config

import (
	"bytes"
	"testing"
)

func TestSessionAccounts(t *testing.T) {
	t.Parallel()
	s := NewSession()
	if s.Current(SandboxURL) != nil {
		t.Fatal("empty session has a current account")
	}
	a := s.Upsert(SandboxURL, "b@example.com")
	a.CompanyID = "cmp_1"
	s.Upsert(SandboxURL, "a@example.com")
	if got := s.Current(SandboxURL).Email; got != "b@example.com" {
		t.Errorf("current = %q, want the first account", got)
	}
	if again := s.Upsert(SandboxURL, "b@example.com"); again.CompanyID != "cmp_1" {
		t.Error("Upsert of an existing account lost its fields")
	}
	if !s.SetCurrent(SandboxURL, "a@example.com") || s.Current(SandboxURL).Email != "a@example.com" {
		t.Error("SetCurrent did not switch")
	}
	if s.SetCurrent(SandboxURL, "nobody@example.com") {
		t.Error("SetCurrent accepted an unknown account")
	}
	if !s.Remove(SandboxURL, "a@example.com") || s.Current(SandboxURL).Email != "b@example.com" {
		t.Error("removing the current account did not promote the other one")
	}
	if s.Remove(SandboxURL, "a@example.com") {
		t.Error("Remove of a missing account reported true")
	}
	s.Remove(SandboxURL, "b@example.com")
	if s.Env(SandboxURL) != nil {
		t.Error("empty environment kept")
	}
}

func TestAccountClearTokensKeepsChoice(t *testing.T) {
	t.Parallel()
	a := &Account{Email: "a@example.com", CompanyID: "cmp_1", Companies: []Company{{ID: "cmp_1", Name: "Acme"}},
		Token: Token{AccessToken: "x", RefreshToken: "y"}}
	a.ClearTokens()
	if a.LoggedIn() || a.CompanyID != "cmp_1" || len(a.Companies) != 1 {
		t.Errorf("after ClearTokens: %+v", a)
	}
}

func TestDecodeSessionRepairs(t *testing.T) {
	t.Parallel()
	in := `{"version":1,"environments":{
		"https://a": {"current":"ghost","accounts":{"x@example.com":{"email":"other"},"n@example.com":null}},
		"https://b": null,
		"https://c": {"accounts":{}}}}`
	s, err := DecodeSession([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	env := s.Env("https://a")
	if env == nil || env.Current != "x@example.com" || len(env.Accounts) != 1 || env.Accounts["x@example.com"].Email != "x@example.com" {
		t.Errorf("environment a = %+v", env)
	}
	if s.Env("https://b") != nil || s.Env("https://c") != nil {
		t.Error("empty environments kept")
	}
}

func TestDecodeSessionRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{`[]`, `{}`, `{"version":0}`, `{"version":"1"}`, `{"version":1,"environments":[]}`, `nul`} {
		if _, err := DecodeSession([]byte(in)); err == nil {
			t.Errorf("DecodeSession(%s) accepted", in)
		}
	}
}

// FuzzDecodeSession checks that decoding never panics and that whatever it
// accepts survives an encode/decode round trip unchanged.
func FuzzDecodeSession(f *testing.F) {
	f.Add([]byte(``))
	f.Add([]byte(`{"version":1,"environments":{}}`))
	f.Add([]byte(`{"version":1,"environments":{"https://api.hyperline.co":{"current":"a@b.c","accounts":{"a@b.c":{"email":"a@b.c","token":{"access_token":"x","refresh_token":"y","expiry":"2025-01-01T00:00:00Z"},"companies":[{"id":"c1","name":"Acme"}],"company_id":"c1"}}}}}`))
	f.Add([]byte(`{"version":1,"environments":{"u":{"current":"","accounts":{"":{}}}}}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`{"version":1,"environments":{"u":{"accounts":{"a":{"token":{"expiry":"0001-01-01T00:00:00+01:00"}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeSession(data)
		if err != nil {
			return
		}
		first, err := EncodeSession(s)
		if err != nil {
			return // e.g. a year outside what JSON time can encode
		}
		s2, err := DecodeSession(first)
		if err != nil {
			t.Fatalf("re-decode of encoded session failed: %v\n%s", err, first)
		}
		second, err := EncodeSession(s2)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("round trip changed the session:\n%s\n%s", first, second)
		}
		for url, env := range s2.Environments {
			if env == nil || env.Accounts == nil || len(env.Accounts) == 0 {
				t.Fatalf("environment %q not normalized", url)
			}
			if env.Accounts[env.Current] == nil {
				t.Fatalf("environment %q current %q missing", url, env.Current)
			}
		}
	})
}
