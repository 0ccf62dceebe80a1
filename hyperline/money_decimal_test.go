package hyperline

import (
	"math"
	"testing"
)

func TestMoneyDecimal(t *testing.T) {
	t.Parallel()
	cases := []struct {
		m    Money
		want string
	}{
		{Money{1234567, "EUR"}, "12345.67"},
		{Money{3417, "eur"}, "34.17"},
		{Money{5, "USD"}, "0.05"},
		{Money{0, "USD"}, "0.00"},
		{Money{-300, "USD"}, "-3.00"},
		{Money{-123456789, "EUR"}, "-1234567.89"},
		{Money{12065, "JPY"}, "12065"},
		{Money{-1000000, "KRW"}, "-1000000"},
		{Money{0, "JPY"}, "0"},
		{Money{1500, "KWD"}, "1.500"},
		{Money{100, "KWD"}, "0.100"},
		{Money{-7, "TND"}, "-0.007"},
		{Money{100000, ""}, "1000.00"},
		{Money{math.MaxInt64, "EUR"}, "92233720368547758.07"},
		{Money{math.MinInt64, "EUR"}, "-92233720368547758.08"},
	}
	for _, tc := range cases {
		if got := tc.m.Decimal(); got != tc.want {
			t.Errorf("%+v.Decimal() = %q, want %q", tc.m, got, tc.want)
		}
	}
}
