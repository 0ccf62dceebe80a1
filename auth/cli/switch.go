package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
)

// Switch runs `hlx switch [email]`: it makes another logged-in account of
// the environment the current one. Without email it works when there is
// exactly one other account.
func Switch(ctx context.Context, opts Options, email string, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	s, err := opts.settings()
	if err != nil {
		return err
	}
	var target string
	err = opts.store().Update(func(sess *config.Session) error {
		env := sess.Env(s.APIURL)
		if env == nil {
			return fmt.Errorf("%w (%s)", auth.ErrNotLoggedIn, envLabel(s.APIURL))
		}
		target = email
		if target == "" {
			var others []string
			for _, e := range env.Emails() {
				if e != env.Current {
					others = append(others, e)
				}
			}
			if len(others) != 1 {
				return usageError(fmt.Errorf("switch: name the account to switch to (%s)", strings.Join(env.Emails(), ", ")))
			}
			target = others[0]
		}
		if !sess.SetCurrent(s.APIURL, target) {
			return usageError(fmt.Errorf("switch: %s is not logged in to %s", target, envLabel(s.APIURL)))
		}
		return nil
	})
	var corrupt *config.CorruptError
	if errors.As(err, &corrupt) {
		warn(stderr, corrupt)
		err = nil
	}
	if err != nil {
		return coded(err)
	}
	fmt.Fprintf(stdout, "Switched to %s on %s.\n", target, envLabel(s.APIURL))
	return nil
}
