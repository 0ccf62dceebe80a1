package hyperline

// PaymentErrorAdvice explains a failed transaction's error_type to a
// support agent: the cause in plain words and the next step to take. It
// knows the spec's 13 transaction error types and the payment method's
// error types (expired, invalid, …); anything else gets a generic answer.
func PaymentErrorAdvice(errorType string) (cause, next string) {
	switch errorType {
	case "authentication_required":
		return "the bank asked for 3-D Secure authentication, which was not completed",
			"ask the customer to authenticate the card from the portal link, or to call their bank if it was already authenticated"
	case "declined":
		return "the payment was declined by the bank or the payment provider",
			"ask the customer to contact their bank or to add another payment method via the portal link"
	case "fraud":
		return "the payment provider blocked the payment as suspected fraud",
			"do not share details with the customer; check the payment provider's dashboard"
	case "insufficient_funds":
		return "there was not enough money on the account or card",
			"ask the customer to top up the account or use another payment method, then retry the charge"
	case "mandate_invalid":
		return "the direct debit mandate is no longer valid (revoked or closed account)",
			"ask the customer to sign a new mandate via the portal link"
	case "payment_method_authorization_error", "authorization_error":
		return "the card issuer could not be reached or the card needs a PIN",
			"retry the charge later; if it fails again, ask the customer for another payment method"
	case "payment_method_declined":
		return "the card or account was declined (lost or stolen, over its limit, or blocked)",
			"ask the customer to contact their bank or to add another card via the portal link"
	case "payment_method_expired", "expired":
		return "the card expired",
			"ask for a new card via the portal link"
	case "payment_method_invalid", "invalid":
		return "the payment details are wrong (card or account number, CVC, expiry or postal code)",
			"ask the customer to re-enter their payment details via the portal link"
	case "payment_method_not_supported", "not_supported":
		return "the payment method cannot pay this kind of purchase (currency or online payment)",
			"ask the customer for another payment method via the portal link"
	case "processing_error":
		return "the payment provider had an error while processing the payment",
			"retry the charge; if it fails again, check the payment provider's status"
	case "provider_error":
		return "the payment provider returned an error",
			"check the payment provider's dashboard for the charge, then retry it"
	case "unknown", "":
		return "the payment provider gave no reason",
			"check the charge in the payment provider's dashboard"
	}
	return "the payment failed (" + PaymentErrorLabel(errorType) + ")",
		"check the charge in the payment provider's dashboard"
}
