package export

import (
	"bytes"
	"encoding/json"
)

// InCompany is an item with the company it came from, for a list over
// every company (`hlx list … --all-companies`).
type InCompany[T any] struct {
	CompanyID, CompanyName string
	Item                   T
}

// WithCompany is cols for items in a company: company_id and
// company_name first, then cols.
func WithCompany[T any](cols []Column[T]) []Column[InCompany[T]] {
	out := []Column[InCompany[T]]{
		{Name: "company_id", Value: func(i InCompany[T]) string { return i.CompanyID }},
		{Name: "company_name", Value: func(i InCompany[T]) string { return i.CompanyName }},
	}
	for _, c := range cols {
		out = append(out, Column[InCompany[T]]{Name: c.Name, Formatted: c.Formatted,
			Value: func(i InCompany[T]) string { return c.Value(i.Item) }})
	}
	return out
}

// WithCompanyRaw is raw for items in a company: the item's JSON object
// as the API sent it, with "company_id" and "company_name" added first.
// Not JSON an object (or none) is given back as it is, for the writer to
// refuse.
func WithCompanyRaw[T any](raw func(T) json.RawMessage) func(InCompany[T]) json.RawMessage {
	return func(i InCompany[T]) json.RawMessage {
		body := bytes.TrimSpace(raw(i.Item))
		if len(body) < 2 || body[0] != '{' {
			return body
		}
		id, _ := json.Marshal(i.CompanyID)
		name, _ := json.Marshal(i.CompanyName)
		rest := bytes.TrimSpace(body[1:])
		var b bytes.Buffer
		b.Grow(len(body) + len(id) + len(name) + 32)
		b.WriteString(`{"company_id":`)
		b.Write(id)
		b.WriteString(`,"company_name":`)
		b.Write(name)
		if rest[0] != '}' {
			b.WriteByte(',')
		}
		b.Write(rest)
		return b.Bytes()
	}
}
