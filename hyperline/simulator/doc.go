// Package simulator is a local, deterministic stand-in for the Hyperline API.
//
// It serves the OAuth 2.0 endpoints (authorize with a consent page,
// tokens, revoke, userinfo), the Apps API and the read-only data API over
// real HTTP, from data generated on demand out of Config.Seed, answering as
// Hyperline's published OpenAPI 3.1 spec describes (a facts-only extract is
// in hyperline/testdata/openapi). It is strict: it refuses what the real
// API refuses, and where the spec is silent the choice made is marked in
// the code with a "Not documented:" comment.
//
// Data endpoints (every one a GET, in the company Hyperline-CompanyId
// selects):
//
//	/v1/companies                 every visible company, one page
//	/v2/customers                 cursor list: limit, cursor, include_total,
//	                              order, sort (created_at, updated_at), filters
//	/v2/customers/{id}            CustomerDetails
//	/v1/customers                 deprecated: take/skip, CustomerV1, oldest first
//	/v1/customers/{id}            deprecated: CustomerDetailsV1
//	/v1/customers/{id}/portal     {url} of the customer's portal page
//	/v2/subscriptions             take/skip; status: omitted or "all" hides
//	                              draft, voided, cancelled and archived, "any"
//	                              shows everything, "inactive" is pending and
//	                              paused; customer_id and other filters
//	/v2/subscriptions/{id}        with phases, plan, template, checkout
//	                              session, payment method, contract terms
//	/v2/invoices                  cursor list: order, sort (created_at,
//	                              emitted_at), filters; open hidden by default
//	/v2/invoices/{id}             InvoiceDetails
//	/v2/invoices/{id}/download    the invoice as a PDF (lang, locale)
//	/v1/invoices                  deprecated: take/skip, InvoiceDeprecated
//	/v1/invoices/{id}             deprecated: InvoiceDetailsV1
//	/v1/transactions              take/skip: every payment, refund, chargeback
//	/v1/transactions/{id}         Payment, Refund or Chargeback, allocations
//	/v2/wallets                   take/skip, customer_id
//	/v1/wallets/{id}              a prepaid wallet, with or without auto-load
//	/v1/wallets/{id}/transactions take/skip, type, amount, invoice_id, comment
//	/v1/analytics                 MRR, ARR, churn, ... in the company currency
//	POST /v1/exports              an export by name and file_type (no filter);
//	                              pending, processing at the first GET
//	                              /v1/exports/{id}, done at the second
//	/v2/exports/{id}/download     302 to /files/exports/{id}?token=...; the
//	                              simulator builds all_customers (csv, json)
//
// Cursor lists answer {data, next_cursor, has_more} and total with
// include_total=true; offset lists answer {meta: {total, taken, skipped},
// data}. A value outside a parameter's enum, a limit outside 1..100 and a
// cursor that is malformed or made for another query answer 400
// {"message"}; parameters the simulator does not know are ignored, as the
// real API ignores them.
//
// The pages the API's URLs lead to are served too, without a credential:
// /portal/<customer id> (a customer's billing portal) and
// /public/invoices/<invoice id> (an invoice's public_url: its PDF).
//
// Invoices carry their payments: card and direct-debit charges that fail
// (insufficient funds, declined, ...) before a retry settles, reversed
// chargebacks, and credit notes (type credit_note) that refund a paid
// invoice in full, with a refund transaction pointing at its payment.
//
// Null in enum fields (nullEnums): the spec types some fields as nullable
// but their enum does not list null (customer type, country, language,
// timezone, payment_method_type, organisation_invoicing, an address's
// state, a subscription's cancellation_strategy and cancellation_source, a
// coupon's duration_period, a line item's revenue_type), so a JSON Schema validator refuses null there. The simulator
// always sends one of the enum's values in such a field, or leaves the key
// out where it is not required (an address's state outside the US).
//
// The simulator keeps its own wire structs and does not import the client
// package, so the two are independent readings of the spec.
package simulator
