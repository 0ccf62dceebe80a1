package hyperline

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Amount is a sum of money in the currency's smallest unit (cents for EUR),
// as Hyperline sends it. The spec types amounts as JSON numbers, not
// integers, so a fractional value (a unit price of 0.5 cent) must not fail
// the decoding of a whole page: it is rounded to the nearest minor unit,
// half away from zero, and the exact value stays in the object's Raw JSON.
type Amount int64

// UnmarshalJSON accepts any JSON number (fractions and exponents included)
// and null (zero).
func (a *Amount) UnmarshalJSON(b []byte) error {
	if isJSONNull(b) {
		*a = 0
		return nil
	}
	if len(b) > 0 && ('1' <= b[0] && b[0] <= '9' || b[0] == '-' || len(b) == 1) {
		// The usual integer, read without a second JSON decoder.
		if i, err := strconv.ParseInt(string(b), 10, 64); err == nil && (b[0] != '-' || len(b) > 1 && b[1] != '0') {
			*a = Amount(i)
			return nil
		}
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("amount %s is not a number", b)
	}
	if i, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
		*a = Amount(i)
		return nil
	}
	f, err := strconv.ParseFloat(n.String(), 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) >= math.MaxInt64 {
		return fmt.Errorf("amount %s is out of range", n)
	}
	*a = Amount(math.Round(f))
	return nil
}

// In returns the amount as Money in currency.
func (a Amount) In(currency string) Money { return Money{Amount: int64(a), Currency: currency} }
