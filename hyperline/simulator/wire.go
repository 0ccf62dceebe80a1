package simulator

// Wire structs: the JSON the simulator sends, field for field as in the
// published OpenAPI spec (hyperline/testdata/openapi/spec-extract.json).
// Nullable fields are pointers without omitempty, so they are present as
// null rather than missing. Objects whose keys depend on a variant (payment
// methods, bank accounts, transactions, wallets) write themselves with
// MarshalJSON so that each variant carries exactly its own keys.

// listMeta is the offset envelope's meta (Paginated<X>).
type listMeta struct {
	Total   int `json:"total"`
	Taken   int `json:"taken"`
	Skipped int `json:"skipped"`
}

// listEnvelope is the offset list body: {meta, data}.
type listEnvelope[T any] struct {
	Meta listMeta `json:"meta"`
	Data []T      `json:"data"`
}

// cursorEnvelope is the cursor list body (CursorPaginated<X>): total is
// present only when include_total asked for it.
type cursorEnvelope[T any] struct {
	Data       []T     `json:"data"`
	NextCursor *string `json:"next_cursor"`
	HasMore    bool    `json:"has_more"`
	Total      *int    `json:"total,omitempty"`
}

// addressJSON is the Address object (companies, customers, invoices).
// No field is required. state is a US state code, so it is left out for
// addresses elsewhere (see nullEnums in doc.go for why not null).
type addressJSON struct {
	Name    string  `json:"name"`
	Line1   string  `json:"line1"`
	Line2   *string `json:"line2"`
	City    string  `json:"city"`
	Zip     string  `json:"zip"`
	State   *string `json:"state,omitempty"`
	Country string  `json:"country"`
}

// companyJSON is an item of GET /v1/companies.
type companyJSON struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	LogoURL    *string     `json:"logo_url"`
	FaviconURL *string     `json:"favicon_url"`
	Address    addressJSON `json:"address"`
}

// integrationJSON links an object to an external provider.
type integrationJSON struct {
	EntityID          string `json:"entity_id"`
	ProviderName      string `json:"provider_name"`
	ProviderAccountID string `json:"provider_account_id"`
}

// intervalJSON is a {period, count} duration.
type intervalJSON struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
}
