package hyperline

import (
	"strconv"
	"strings"
)

// Money is an amount in a currency. Hyperline sends every amount as an integer
// in the currency's smallest unit: cents for EUR (3417 = 34.17 EUR), units for
// zero-decimal currencies (XOF 12065 = 12,065 XOF), thousandths for
// three-decimal ones (KWD 1500 = 1.500 KWD).
type Money struct {
	Amount   int64
	Currency string
}

// MinorUnits is the number of decimals of an ISO 4217 currency code: 2 for
// most, 0 for JPY, KRW, XOF and the other zero-decimal currencies, 3 for KWD,
// BHD, JOD, OMR, TND, IQD and LYD. Unknown or empty codes get 2.
//
// Not documented: Hyperline does not publish its own table; this is ISO 4217's.
// (CLF and UYW, which ISO gives 4 decimals, are not Hyperline currencies and
// fall back to 2.)
func MinorUnits(currency string) int {
	switch strings.ToUpper(strings.TrimSpace(currency)) {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
		"RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	default:
		return 2
	}
}

// String formats the amount with its currency's decimals, a comma every three
// digits and the code after it: "1,234.56 EUR", "12,065 JPY", "1.500 KWD",
// "-3.00 USD". Without a currency it prints just the number (two decimals).
func (m Money) String() string {
	s := m.Number()
	if code := strings.ToUpper(strings.TrimSpace(m.Currency)); code != "" {
		s += " " + code
	}
	return s
}

// Number formats the amount like String but without the currency code.
func (m Money) Number() string {
	decimals := MinorUnits(m.Currency)
	neg := m.Amount < 0
	// Work in uint64 so that the most negative int64 has an absolute value.
	abs := uint64(m.Amount)
	if neg {
		abs = -abs
	}
	digits := strconv.FormatUint(abs, 10)
	if len(digits) <= decimals {
		digits = strings.Repeat("0", decimals-len(digits)+1) + digits
	}
	whole, frac := digits[:len(digits)-decimals], digits[len(digits)-decimals:]

	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if decimals > 0 {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Decimal formats the amount as a plain decimal number in its currency's
// decimals, without grouping or code, for files and scripts that read it
// back as a number: "12345.67" (EUR), "12065" (JPY), "1.500" (KWD),
// "-3.00" (USD).
func (m Money) Decimal() string { return strings.ReplaceAll(m.Number(), ",", "") }

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.Amount == 0 }
