package hyperline

import (
	"math"
	"testing"
)

func TestMoneyString(t *testing.T) {
	t.Parallel()
	cases := []struct {
		m    Money
		want string
	}{
		{Money{123456, "EUR"}, "1,234.56 EUR"},
		{Money{3417, "eur"}, "34.17 EUR"},
		{Money{5, "USD"}, "0.05 USD"},
		{Money{0, "USD"}, "0.00 USD"},
		{Money{-300, "USD"}, "-3.00 USD"},
		{Money{-123456789, "EUR"}, "-1,234,567.89 EUR"},
		{Money{12065, "JPY"}, "12,065 JPY"},
		{Money{12065, "XOF"}, "12,065 XOF"},
		{Money{-1000000, "KRW"}, "-1,000,000 KRW"},
		{Money{0, "JPY"}, "0 JPY"},
		{Money{1500, "KWD"}, "1.500 KWD"},
		{Money{100, "KWD"}, "0.100 KWD"},
		{Money{1234567, "BHD"}, "1,234.567 BHD"},
		{Money{-7, "TND"}, "-0.007 TND"},
		{Money{100000, ""}, "1,000.00"},
		{Money{99, "XXX"}, "0.99 XXX"},
		{Money{math.MaxInt64, "EUR"}, "92,233,720,368,547,758.07 EUR"},
		{Money{math.MinInt64, "EUR"}, "-92,233,720,368,547,758.08 EUR"},
	}
	for _, tc := range cases {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.m, got, tc.want)
		}
	}
}

func TestMinorUnits(t *testing.T) {
	t.Parallel()
	for cur, want := range map[string]int{
		"EUR": 2, "usd": 2, "GBP": 2, "": 2, "JPY": 0, "XOF": 0, "KRW": 0, "XAF": 0, "CLP": 0,
		"KWD": 3, "BHD": 3, "JOD": 3, "OMR": 3, "TND": 3, "IQD": 3, "LYD": 3,
	} {
		if got := MinorUnits(cur); got != want {
			t.Errorf("MinorUnits(%q) = %d, want %d", cur, got, want)
		}
	}
}

func TestModelMoneyHelpers(t *testing.T) {
	t.Parallel()
	inv := Invoice{TotalAmount: 24000, AmountDue: 12065, AmountPaid: 11935, Currency: "EUR"}
	if inv.Total().String() != "240.00 EUR" || inv.Due().String() != "120.65 EUR" || inv.Paid().String() != "119.35 EUR" {
		t.Fatalf("invoice money: %v %v %v", inv.Total(), inv.Due(), inv.Paid())
	}
	sub := Subscription{NextPaymentAmount: 12065, EstimatedARR: 144780, Currency: "XOF"}
	if sub.NextPayment().String() != "12,065 XOF" || sub.ARR().String() != "144,780 XOF" {
		t.Fatalf("subscription money: %v %v", sub.NextPayment(), sub.ARR())
	}
}
