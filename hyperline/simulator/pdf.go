package simulator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// invoicePDF renders a one-page PDF 1.4 of an invoice: number, parties,
// line items and totals, in Helvetica. Text outside Latin-1 (CJK names) is
// replaced by '?', since the standard fonts cannot show it.
func invoicePDF(ir *invoiceRecord) []byte {
	inv := &ir.common
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	title := "Invoice"
	if inv.Type == "credit_note" {
		title = "Credit note"
	}
	add("%s %s", title, inv.Number)
	add("")
	add("From: %s", inv.Seller.Name)
	add("To: %s", ir.customer.Name)
	add("Issued: %s", ir.issued[:10])
	add("Due: %s", inv.DueAt[:10])
	add("Status: %s", inv.Status)
	add("")
	for _, li := range inv.LineItems {
		add("%s  x%s  %s", li.Name, strconv.FormatFloat(li.UnitsCount, 'f', -1, 64), formatMinor(li.Amount, inv.Currency))
	}
	add("")
	add("Total excl. tax: %s", formatMinor(inv.AmountExcludingTax, inv.Currency))
	add("Tax (%s%%): %s", strconv.FormatFloat(ir.taxRate, 'f', -1, 64), formatMinor(inv.TaxAmount, inv.Currency))
	add("Total: %s", formatMinor(inv.TotalAmount, inv.Currency))
	add("Amount due: %s", formatMinor(inv.AmountDue, inv.Currency))

	var content bytes.Buffer
	content.WriteString("BT\n/F1 12 Tf\n15 TL\n50 790 Td\n")
	for _, l := range lines {
		content.WriteString("(" + pdfString(l) + ") Tj T*\n")
	}
	content.WriteString("ET\n")

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Title (" + pdfString(title+" "+inv.Number) + ") /Producer (Hyperline simulator) >>",
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, obj := range objects {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, obj)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, len(objects), xref)
	return out.Bytes()
}

// pdfString escapes s for a PDF literal string in WinAnsi (Latin-1 here).
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '—' || r == '–':
			b.WriteByte('-')
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r >= 0xa0 && r <= 0xff:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// formatMinor renders an amount in minor units, e.g. "1234.56 EUR".
func formatMinor(amount int64, currency string) string {
	digits := minorUnits(currency)
	sign := ""
	if amount < 0 {
		sign, amount = "-", -amount
	}
	if digits == 0 {
		return sign + strconv.FormatInt(amount, 10) + " " + currency
	}
	div := int64(pow10(digits))
	return fmt.Sprintf("%s%d.%0*d %s", sign, amount/div, digits, amount%div, currency)
}
