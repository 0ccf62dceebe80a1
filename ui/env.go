package ui

import (
	"net/url"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
)

// EnvKind tells the environments apart; the status bar colours them.
type EnvKind int

// Environments: production gets the warning colour.
const (
	EnvCustom EnvKind = iota
	EnvProduction
	EnvSandbox
	EnvSimulator
)

// Environment is where the session's data lives.
type Environment struct {
	Kind EnvKind
	// Name is what the status bar shows: "production", "sandbox",
	// "simulator" or the API host.
	Name string
	// APIURL is the API base URL.
	APIURL string
	// Dashboard is the Hyperline web app's base URL, "" when unknown (the
	// sandbox dashboard's host is not documented).
	Dashboard string
}

// dashboardProduction is the documented web app host.
const dashboardProduction = "https://app.hyperline.co"

// EnvironmentFor names the environment of an API base URL. demo marks the
// in-process simulator.
func EnvironmentFor(apiURL string, demo bool) Environment {
	trimmed := strings.TrimRight(apiURL, "/")
	switch {
	case demo:
		return Environment{Kind: EnvSimulator, Name: "simulator", APIURL: trimmed}
	case trimmed == hyperline.ProductionURL:
		return Environment{Kind: EnvProduction, Name: "production", APIURL: trimmed, Dashboard: dashboardProduction}
	case trimmed == hyperline.SandboxURL:
		return Environment{Kind: EnvSandbox, Name: "sandbox", APIURL: trimmed}
	}
	name := trimmed
	if u, err := url.Parse(trimmed); err == nil && u.Host != "" {
		name = u.Host
	}
	return Environment{Kind: EnvCustom, Name: name, APIURL: trimmed}
}
