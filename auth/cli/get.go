package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// Get runs `hlx get customer|subscription|invoice ID [--json]`: it reads
// one object of the company (opts.Company, else the session's) and prints
// a summary, one "key: value" line per field, or with asJSON the object
// exactly as the API sent it, indented, with control and invisible
// characters in its strings written as \u escapes (termsafe.JSON).
func Get(ctx context.Context, opts Options, kind, id string, asJSON bool, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	k, err := parseKind(kind)
	if err != nil {
		return err
	}
	if strings.TrimSpace(id) == "" {
		return usageError(fmt.Errorf("get %s: name the %s's ID", k, k))
	}
	cs, err := openCompany(opts)
	if err != nil {
		return fail(err)
	}
	raw, summary, err := getObject(ctx, cs, k, id)
	if err != nil {
		return fail(fmt.Errorf("get %s: %w", k, cs.companyError(k.notFound(id, cs.companyID, err))))
	}
	if !asJSON {
		summary.print(stdout)
		return nil
	}
	out, err := termsafe.JSON(raw)
	if err != nil {
		return fail(fmt.Errorf("get %s %s: the API's answer is not JSON: %w", k, id, err))
	}
	_, err = fmt.Fprintf(stdout, "%s\n", out)
	return fail(err)
}

// getObject fetches one object and returns its raw JSON and summary.
func getObject(ctx context.Context, cs *companySession, k objectKind, id string) (json.RawMessage, *summary, error) {
	switch k {
	case kindCustomer:
		c, err := cs.client.GetCustomer(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return c.Raw, customerSummary(c), nil
	case kindSubscription:
		s, err := cs.client.GetSubscription(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return s.Raw, subscriptionSummary(s), nil
	case kindInvoice:
		inv, err := cs.client.GetInvoice(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return inv.Raw, invoiceSummary(inv), nil
	}
	return nil, nil, errors.New("unknown object kind")
}
