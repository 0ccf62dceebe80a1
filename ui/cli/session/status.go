package session

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// StatusOptions are what `hlx status` needs.
type StatusOptions struct {
	F *cmdutil.Factory
	// JSON prints the report as JSON.
	JSON bool
}

// NewCmdStatus is `hlx status [--json]`.
func NewCmdStatus(f *cmdutil.Factory, run func(context.Context, *StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{F: f}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the settings and, per environment and account, the company and token expiry",
		Long: "Shows the resolved settings and where each came from, then every environment and\n" +
			"account of the session with its company and token expiry. It reads local files only.\n" +
			"It exits 4 when the selected environment has no logged-in current account.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return statusRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print machine-readable JSON")
	return cmd
}

// StatusReport is what `hlx status --json` prints. Tokens appear only
// masked (first four characters).
type StatusReport struct {
	Settings     SettingsReport      `json:"settings"`
	SessionFile  string              `json:"session_file"`
	Selected     string              `json:"selected_api_url"`
	Environments []EnvironmentStatus `json:"environments"`
	Warnings     []string            `json:"warnings,omitempty"`
}

// SettingsReport shows the resolved settings and where each came from.
// The client id is masked and the secret reduced to whether it is set.
type SettingsReport struct {
	File         string       `json:"file"`
	APIURL       SettingValue `json:"api_url"`
	ClientID     SettingValue `json:"client_id"`
	ClientSecret SettingValue `json:"client_secret"`
	RedirectURI  SettingValue `json:"redirect_uri"`
	// Client is the OAuth client hlx login uses in the selected
	// environment: "registered app …", "hlx, registered dynamically
	// (public client dyn_…)", or that hlx registers at the next login.
	Client string `json:"client"`
	// Registrations is the file hlx's own registrations are kept in.
	Registrations string `json:"registrations_file"`
}

// SettingValue is one setting and its source.
type SettingValue struct {
	Value  string        `json:"value"`
	Source config.Source `json:"source"`
}

// EnvironmentStatus lists the accounts of one API URL.
type EnvironmentStatus struct {
	APIURL   string          `json:"api_url"`
	Name     string          `json:"name"`
	Selected bool            `json:"selected"`
	Current  string          `json:"current"`
	Accounts []AccountStatus `json:"accounts"`
}

// AccountStatus is one account.
type AccountStatus struct {
	Email     string           `json:"email"`
	Name      string           `json:"name,omitempty"`
	Current   bool             `json:"current"`
	LoggedIn  bool             `json:"logged_in"`
	Company   *config.Company  `json:"company,omitempty"`
	Companies []config.Company `json:"companies"`
	Token     *TokenStatus     `json:"token,omitempty"`
	// TokensIn says where the tokens are at rest: the OS keyring or the
	// session file.
	TokensIn string `json:"tokens_in,omitempty"`
	// Client names the OAuth client the tokens belong to.
	Client string `json:"client,omitempty"`
}

// TokenStatus describes an account's tokens.
type TokenStatus struct {
	AccessToken      string     `json:"access_token_masked"`
	ExpiresAt        *time.Time `json:"expires_at,omitempty"`
	ExpiresInSeconds *int64     `json:"expires_in_seconds,omitempty"`
	Expired          bool       `json:"expired"`
	IssuedAt         *time.Time `json:"issued_at,omitempty"`
	RefreshedAt      *time.Time `json:"refreshed_at,omitempty"`
	HasRefreshToken  bool       `json:"has_refresh_token"`
}

// statusRun prints the status. It fails with ExitLoginRequired, after
// printing, when the selected environment has no logged-in current
// account.
func statusRun(opts *StatusOptions) error {
	f := opts.F
	report, err := BuildStatus(f)
	if err != nil {
		return err
	}
	if opts.JSON {
		// Names and emails come from the API: every control, bidi and
		// zero-width character in them is written as a \u escape.
		raw, err := json.Marshal(report)
		if err == nil {
			raw, err = termsafe.JSON(raw)
		}
		if err != nil {
			return fmt.Errorf("status: %w", err)
		}
		fmt.Fprintf(f.IO.Out, "%s\n", raw)
	} else {
		for _, w := range report.Warnings {
			f.IO.Errorf("warning: %s\n", w)
		}
		printStatus(f.IO, report, f.Clock())
	}
	for _, env := range report.Environments {
		if env.Selected {
			for _, a := range env.Accounts {
				if a.Current && a.LoggedIn {
					return nil
				}
			}
		}
	}
	return fmt.Errorf("%w to %s; run hlx login", auth.ErrNotLoggedIn, envLabel(report.Selected))
}

// BuildStatus gathers the status report without printing it.
func BuildStatus(f *cmdutil.Factory) (*StatusReport, error) {
	s, err := f.Settings()
	if err != nil {
		return nil, err
	}
	store := f.Store()
	report := &StatusReport{
		Settings: SettingsReport{
			File:         s.File,
			APIURL:       SettingValue{s.APIURL, s.Sources.APIURL},
			ClientID:     SettingValue{auth.Mask(s.ClientID), s.Sources.ClientID},
			ClientSecret: SettingValue{setOrNot(s.ClientSecret), s.Sources.ClientSecret},
			RedirectURI:  SettingValue{s.RedirectURI, s.Sources.RedirectURI},
		},
		SessionFile:  store.Path(),
		Selected:     s.APIURL,
		Environments: []EnvironmentStatus{},
	}
	report.Settings.Client, report.Settings.Registrations = loginClient(s, store.Registrations(), &report.Warnings)
	sess, err := store.Load()
	corrupt, err := config.SplitCorrupt(err)
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	if corrupt != nil {
		report.Warnings = append(report.Warnings, corrupt.Error())
	}
	now := f.Clock()
	for _, apiURL := range sess.APIURLs() {
		env := sess.Env(apiURL)
		es := EnvironmentStatus{APIURL: apiURL, Name: config.EnvironmentName(apiURL), Selected: apiURL == s.APIURL, Current: env.Current}
		for _, email := range env.Emails() {
			as := accountStatus(env.Accounts[email], email == env.Current, now)
			if as.LoggedIn {
				as.TokensIn = store.TokenLocation(apiURL, env.Accounts[email])
				appOf := config.Settings{}
				if apiURL == s.APIURL {
					appOf = s // an account saved before clients were recorded is the app's
				}
				as.Client = auth.AccountClient(env.Accounts[email], appOf)
			}
			es.Accounts = append(es.Accounts, as)
		}
		report.Environments = append(report.Environments, es)
	}
	return report, nil
}

func accountStatus(a *config.Account, current bool, now time.Time) AccountStatus {
	as := AccountStatus{
		Email:     a.Email,
		Name:      a.Name,
		Current:   current,
		LoggedIn:  a.LoggedIn(),
		Companies: a.Companies,
	}
	if as.Companies == nil {
		as.Companies = []config.Company{}
	}
	if c, ok := a.Company(a.CompanyID); ok {
		as.Company = &c
	} else if a.CompanyID != "" {
		as.Company = &config.Company{ID: a.CompanyID}
	}
	if a.LoggedIn() {
		t := a.Token
		ts := &TokenStatus{AccessToken: auth.Mask(t.AccessToken), HasRefreshToken: t.RefreshToken != ""}
		if !t.Expiry.IsZero() {
			exp := t.Expiry
			left := int64(exp.Sub(now) / time.Second)
			ts.ExpiresAt, ts.ExpiresInSeconds, ts.Expired = &exp, &left, !now.Before(exp)
		}
		ts.IssuedAt = timePtr(t.IssuedAt)
		ts.RefreshedAt = timePtr(t.RefreshedAt)
		as.Token = ts
	}
	return as
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func setOrNot(secret string) string {
	if secret == "" {
		return ""
	}
	return "set"
}

// loginClient says which client hlx login uses in s's environment: the
// configured app, else hlx's registration (or that it registers itself at
// the next login). It returns the registrations file too.
func loginClient(s config.Settings, regs *config.RegistrationStore, warnings *[]string) (string, string) {
	if s.ClientID != "" {
		return auth.DescribeClient(s.ClientID, false), regs.Path()
	}
	reg, ok, err := regs.Get(s.APIURL)
	switch {
	case err != nil:
		*warnings = append(*warnings, err.Error())
	case ok:
		return auth.DescribeClient(reg.ClientID, true), regs.Path()
	}
	return "hlx registers itself dynamically at the next login (public client, no secret)", regs.Path()
}
