package hyperline

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"time"
)

// Wallet is a customer's prepaid balance in one currency (GET /v2/wallets).
type Wallet struct {
	ID         string `json:"id"`
	CustomerID string `json:"customer_id"`
	State      string `json:"state"` // active, paused
	Currency   string `json:"currency"`
	Balance    struct {
		Amount Amount `json:"amount"`
	} `json:"balance"`
	// ProjectedBalance counts what pending usage will take.
	ProjectedBalance struct {
		Amount Amount `json:"amount"`
	} `json:"projected_balance"`
	CreatedAt time.Time `json:"created_at"`

	// Raw is the exact JSON object the API sent for this wallet.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a wallet and keeps the original bytes in Raw.
func (w *Wallet) UnmarshalJSON(b []byte) error {
	type alias Wallet
	return decodeKeepingRaw(b, (*alias)(w), &w.Raw)
}

func (w *Wallet) setRaw(b json.RawMessage) { w.Raw = b }

// WalletListOptions filters GET /v2/wallets.
type WalletListOptions struct {
	ListOptions
	// CustomerID sends customer_id.
	CustomerID string
}

// ListWallets returns one page of the company's wallets (GET /v2/wallets,
// an offset list), those of one customer with CustomerID.
func (cc *CompanyClient) ListWallets(ctx context.Context, opts WalletListOptions) (*Page[Wallet], error) {
	q := url.Values{}
	if opts.CustomerID != "" {
		q.Set("customer_id", opts.CustomerID)
	}
	keep := func(w Wallet) bool { return opts.CustomerID == "" || w.CustomerID == opts.CustomerID }
	p, err := listPage(ctx, cc.do, "/v2/wallets", opts.ListOptions, q, keep)
	if err != nil {
		return nil, fmt.Errorf("hyperline: list wallets: %w", err)
	}
	return p, nil
}
