package hyperline

import (
	"context"
	"net/http"
)

// Analytics is the company's headline figures (GET /v1/analytics), in
// minor units of the company's currency. Not documented: which currency
// that is when customers pay in several; the figures are shown as the API
// gives them.
type Analytics struct {
	MRR                  Amount `json:"mrr"`
	ARR                  Amount `json:"arr"`
	ActiveARR            Amount `json:"active_arr"`
	PendingARR           Amount `json:"pending_arr"`
	RevenueLast30Days    Amount `json:"revenue_last_30_days"`
	ChurnedRevenue30Days Amount `json:"churned_revenue_30_days"`
	// Churn30Days is the churn rate of the last 30 days.
	Churn30Days     float64 `json:"churn_30_days"`
	ActiveCustomers float64 `json:"active_customers"`
	// ARPA is the average revenue per account.
	ARPA Amount `json:"arpa"`
}

// Analytics returns the company's headline figures.
func (cc *CompanyClient) Analytics(ctx context.Context) (*Analytics, error) {
	var a Analytics
	if err := cc.do(ctx, http.MethodGet, "/v1/analytics", nil, nil, &a); err != nil {
		return nil, err
	}
	return &a, nil
}
