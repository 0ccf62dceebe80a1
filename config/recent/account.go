package recent

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// AccountKey is the key an account's jumps are filed under: the hex
// SHA-256 of the account email, trimmed and lower-cased so that
// "Ana@Acme.fr" and "ana@acme.fr" share their jumps.
//
// The hash keeps the file from listing emails in clear, for someone who
// glances at it or a backup of it. It is not a secret: anyone who guesses
// an email can hash it and check. The jumps themselves (queries, customer
// names, company names) are in clear; the file's 0600 mode is what
// protects them.
func AccountKey(account string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(account))))
	return hex.EncodeToString(sum[:])
}
