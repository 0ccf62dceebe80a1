package hyperline

import "encoding/json"

// Company is one Hyperline account the token can reach (GET /v1/companies).
// Its ID goes into the Hyperline-CompanyId header of every company-scoped call.
type Company struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Not documented: whether logo_url and favicon_url can be null; treated as nullable.
	LogoURL    *string  `json:"logo_url"`
	FaviconURL *string  `json:"favicon_url"`
	Address    *Address `json:"address"`

	// Raw is the exact JSON object the API sent for this company.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a company and keeps the original bytes in Raw.
func (c *Company) UnmarshalJSON(b []byte) error {
	type alias Company
	return decodeKeepingRaw(b, (*alias)(c), &c.Raw)
}

func (c *Company) setRaw(b json.RawMessage) { c.Raw = b }

// Address is the postal address shape shared by companies, customers and
// invoices. State is meant for US addresses; Country is ISO 3166-1 alpha-2.
type Address struct {
	Name    string  `json:"name"`
	Line1   string  `json:"line1"`
	Line2   *string `json:"line2"`
	City    string  `json:"city"`
	Zip     string  `json:"zip"`
	State   *string `json:"state"`
	Country string  `json:"country"`
}
