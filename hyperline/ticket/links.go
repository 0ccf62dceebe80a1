package ticket

import (
	"net/url"
	"sort"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// Templates maps a provider name (an integration's provider_name, e.g.
// "stripe") to the address of a record there: {id} is replaced by the
// record's ID and {account} by the connected account's, both escaped.
type Templates map[string]string

// DefaultTemplates opens Stripe customers; other providers need an
// account-specific address the settings file can give.
func DefaultTemplates() Templates {
	return Templates{"stripe": "https://dashboard.stripe.com/customers/{id}"}
}

// With returns the defaults overridden and extended by t.
func (t Templates) With(more map[string]string) Templates {
	out := Templates{}
	for k, v := range t {
		out[k] = v
	}
	for k, v := range more {
		out[strings.ToLower(k)] = v
	}
	return out
}

// Link is a customer's record in another tool: its provider, its ID
// there and, when a template makes a web page of it, its address.
type Link struct {
	Provider string `json:"provider"`
	EntityID string `json:"entity_id"`
	URL      string `json:"url,omitempty"`
}

// Links builds the links of integrations, in provider order. An address
// that is not an http(s) page (a template or an ID gone wrong) is left
// out: the record is still listed.
func (t Templates) Links(ints []hyperline.Integration) []Link {
	out := make([]Link, 0, len(ints))
	for _, in := range ints {
		l := Link{Provider: in.ProviderName, EntityID: in.EntityID}
		if tpl, ok := t[strings.ToLower(in.ProviderName)]; ok && in.EntityID != "" {
			u := strings.NewReplacer("{id}", url.PathEscape(in.EntityID),
				"{account}", url.PathEscape(in.ProviderAccountID)).Replace(tpl)
			if weburl.OK(u) {
				l.URL = u
			}
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Provider < out[j].Provider })
	return out
}
