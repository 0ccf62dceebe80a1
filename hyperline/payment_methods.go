package hyperline

import (
	"context"
	"fmt"
)

// ListPaymentMethods returns a customer's saved payment methods (GET
// /v1/customers/{id}/payment-methods). The spec gives the list the offset
// envelope but no paging parameter, so the one page is all of them.
func (cc *CompanyClient) ListPaymentMethods(ctx context.Context, customerID string) ([]PaymentMethod, error) {
	seg, err := pathEscape("customer", customerID)
	if err != nil {
		return nil, err
	}
	p, err := listPage[PaymentMethod](ctx, cc.do, "/v1/customers/"+seg+"/payment-methods", ListOptions{}, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("hyperline: list payment methods: %w", err)
	}
	return p.Items, nil
}

// Payment method statuses.
const (
	PaymentMethodStatusActive  = "active"
	PaymentMethodStatusPending = "pending"
	PaymentMethodStatusExpired = "expired"
	PaymentMethodStatusErrored = "errored"
)

// Usable reports whether a charge can be tried on the method.
func (p PaymentMethod) Usable() bool {
	return p.Status == PaymentMethodStatusActive || p.Status == PaymentMethodStatusPending
}
