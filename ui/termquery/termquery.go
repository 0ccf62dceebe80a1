// Package termquery keeps bubbletea's start-up query away from the
// terminal. bubbletea v1's init asks the terminal for its background
// colour (OSC 11, then CSI 6n as a fence) and waits up to 5 s for an
// answer; editors' shells, some SSH sessions and CI ptys never answer, so
// every hlx command, even `hlx version`, would write those bytes and hang.
//
// This package's init runs before bubbletea's (it imports only os, and Go
// initialises packages in import-path order among those whose imports are
// ready, so it comes before bubbletea's many dependencies are), and sets
// TERM=dumb, which termenv takes as "do not query". main calls Restore
// first thing; the explorer then detects the background itself, once,
// just before it takes the terminal.
package termquery

import "os"

// saved is TERM as the process got it; set says whether it was set.
var saved, set = os.LookupEnv("TERM")

func init() {
	os.Setenv("TERM", "dumb")
}

// Restore puts TERM back as the process got it.
func Restore() {
	if set {
		os.Setenv("TERM", saved)
	} else {
		os.Unsetenv("TERM")
	}
}
