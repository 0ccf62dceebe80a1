// Package simulator is a local, deterministic stand-in for the Hyperline API.
//
// It serves the documented OAuth 2.0 endpoints (authorize with a consent
// page, tokens, revoke, userinfo), the Apps API and the read-only data API
// (companies, customers, subscriptions, invoices) over real HTTP, from data
// generated on demand out of Config.Seed. It is strict: it refuses what the
// real API refuses, and where the Hyperline documentation is silent the
// choice made is marked in the code with a "Not documented:" comment.
//
// The simulator keeps its own wire structs and does not import the client
// package, so the two are independent readings of the same documentation.
package simulator
