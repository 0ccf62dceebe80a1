package cmdutil

import (
	"fmt"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// Worklists are the built-in worklists and the settings file's, checked
// as they will run (package worklist). A bad one is a configuration error
// naming the file, the worklist and what is wrong with it; the explorer
// and `hlx worklist` refuse to start on one rather than leave it out
// unseen.
func (f *Factory) Worklists() ([]worklist.Worklist, error) {
	path := f.SettingsFile()
	specs, err := config.LoadWorklists(path)
	if err != nil {
		return nil, &ExitError{Code: ExitConfig, Err: err}
	}
	user := make([]worklist.Spec, len(specs))
	for i, s := range specs {
		user[i] = worklist.Spec(s)
	}
	all, err := worklist.Load(user, f.Clock(), time.Local)
	if err != nil {
		return nil, &ExitError{Code: ExitConfig, Err: fmt.Errorf("settings file %s: %w", path, err)}
	}
	return all, nil
}
