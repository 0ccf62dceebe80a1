package simulator

import (
	"bytes"
	"strconv"
	"sync"
	"sync/atomic"
)

// wireCacheMax is the largest company whose customers' wire form is kept:
// 50,000 customers are about 80 MB of JSON. Larger companies (the 1M
// demo) build each customer again on every page, as before.
const wireCacheMax = 50_000

// customerWire keeps each customer's encoded v2 JSON once built: the data
// is a pure function of the seed, so a page of a cached company is a copy
// of bytes, not a hundred customers generated and encoded again. The
// simulator stands in for Hyperline's servers, whose CPU is not the
// client's; on a shared machine its own CPU otherwise shows in hlx's
// figures.
type customerWire struct {
	once  sync.Once
	items []atomic.Pointer[[]byte]
}

// customerV2Wire is customer i of co as the v2 list sends it (no newline).
func (s *Server) customerV2Wire(co *company, i int) []byte {
	build := func() []byte {
		cr := s.data.customer(co, i)
		return bytes.TrimSuffix(encodeJSON(cr.v2()), []byte("\n"))
	}
	if co.customers > wireCacheMax {
		return build()
	}
	cw := s.wires[co.index]
	cw.once.Do(func() { cw.items = make([]atomic.Pointer[[]byte], co.customers) })
	if b := cw.items[i].Load(); b != nil {
		return *b
	}
	b := build()
	cw.items[i].Store(&b)
	return b
}

// WarmCustomers builds the wire form of every customer of the company
// (up to wireCacheMax customers) ahead of time, so that a benchmark times
// the client and not the simulator's generator. It reports false for an
// unknown or uncached company.
func (s *Server) WarmCustomers(companyID string) bool {
	for _, co := range s.data.companies {
		if co.id == companyID && co.customers <= wireCacheMax {
			for i := range co.customers {
				s.customerV2Wire(co, i)
			}
			return true
		}
	}
	return false
}

// customerPage is a v2 cursor page whose items are the wire forms of the
// customers keys, byte for byte what encoding cursorEnvelope would give.
func (s *Server) customerPage(co *company, keys []seqKey, next *string, total *int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"data":[`)
	for k, key := range keys {
		if k > 0 {
			b.WriteByte(',')
		}
		b.Write(s.customerV2Wire(co, key.index))
	}
	b.WriteString(`],"next_cursor":`)
	if next == nil {
		b.WriteString("null")
	} else {
		b.Write(bytes.TrimSuffix(encodeJSON(*next), []byte("\n")))
	}
	b.WriteString(`,"has_more":`)
	b.WriteString(strconv.FormatBool(next != nil))
	if total != nil {
		b.WriteString(`,"total":`)
		b.WriteString(strconv.Itoa(*total))
	}
	b.WriteString("}\n")
	return b.Bytes()
}
