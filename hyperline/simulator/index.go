package simulator

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// companyIndex holds columns computed once from a company's generated
// data, as a database keeps indexes: a customer's status, kind and
// subscription summary, a lowercased search text, and each invoice's
// status, type, dates and category flags. With them a count by status, a
// search or a status/date filter over a million customers is a pass over
// a few bytes a row (milliseconds) instead of generating every object
// (seconds), so a client measured against the simulator shows its own
// cost. Each part is built on first use (or by Server.Warm at start),
// concurrently over the cores, and never changes after.
type companyIndex struct {
	customersOnce sync.Once
	custFlags     []uint8           // custArchived, custPerson, custAutomatic
	subSummary    []uint16          // one bit per summaryBits status
	statusCount   [2]int            // active, archived
	custBuckets   [3 * 2 * 1024]int // customers by type, archived and subscription summary (custBucket)
	subStart      []uint32          // customer i's subscriptions are subStatus[subStart[i]:subStart[i+1]]
	subStatus     []uint8           // index into subscriptionStatuses()

	searchOnce sync.Once
	search     []byte   // every customer's lowercased search fields, \x00-separated
	searchEnd  []uint32 // customer i's text ends at searchEnd[i]

	invoicesOnce sync.Once
	invStart     []uint32 // customer i's invoices are rows invStart[i]:invStart[i+1], by slot
	invIssued    []int64  // Unix milliseconds
	invDue       []int64
	invStatus    []uint8                         // index into invoiceStatuses()
	invKind      []uint8                         // index into invoiceTypes()
	invFlags     []uint8                         // invLate, invRefunded, invTransfer
	invBuckets   [numInvoiceStatuses * 8 * 5]int // invoices by status, flags and type (bucketOf)
	invByIssued  []uint32                        // rows in issued_at order
}

// Customer flags.
const (
	custArchived uint8 = 1 << iota
	custPerson
	custAutomatic // type automatically_created
)

// Invoice flags: the facts the status filter's categories need besides
// the status.
const (
	invLate     uint8 = 1 << iota // outstanding and past its due date
	invRefunded                   // a credit note refunded it
	invTransfer                   // its customer pays by bank transfer
)

// summaryBits are the statuses a customer's subscription summary shows,
// each a bit of subSummary: the subscription statuses (active first),
// then trialing and none.
func summaryBits() [numSubscriptionStatuses + 2]string {
	var out [numSubscriptionStatuses + 2]string
	st := subscriptionStatuses()
	copy(out[:], st[:])
	out[numSubscriptionStatuses], out[numSubscriptionStatuses+1] = "trialing", "none"
	return out
}

// The summary bits a customer's "inactive" status looks at.
const (
	summaryActive   = 1 << 0
	summaryTrialing = 1 << numSubscriptionStatuses
)

// custBucket is the custBuckets slot of a customer's flags and summary.
func custBucket(flags uint8, summary uint16) int {
	kind := 0
	switch {
	case flags&custPerson != 0:
		kind = 1
	case flags&custAutomatic != 0:
		kind = 2
	}
	return (kind*2+int(flags&custArchived))*1024 + int(summary&1023)
}

// newIndexes makes an empty index per company.
func newIndexes(n int) []*companyIndex {
	out := make([]*companyIndex, n)
	for i := range out {
		out[i] = &companyIndex{}
	}
	return out
}

// index returns company co's index.
func (s *Server) index(co *company) *companyIndex { return s.indexes[co.index] }

// Warm builds every index of every company now, and their analytics, so
// the first request does not wait for them; `hlx simulator` and the demo
// call it at start. It returns how long that took.
func (s *Server) Warm() time.Duration {
	start := time.Now()
	for _, co := range s.data.companies {
		s.customerIndex(co)
		s.searchIndex(co)
		s.invoiceIndex(co)
		s.analyticsOf(co, "http://"+DefaultAddr)
	}
	return time.Since(start)
}

// parallel runs fn over [0, n) cut into one range per core.
func parallel(n int, fn func(lo, hi int)) {
	parts := max(1, min(runtime.GOMAXPROCS(0), n/10_000))
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		wg.Go(func() { fn(lo, hi) })
	}
	wg.Wait()
}

// customerIndex builds (once) and returns the customer columns.
func (s *Server) customerIndex(co *company) *companyIndex {
	ix := s.index(co)
	ix.customersOnce.Do(func() {
		n := co.customers
		ix.custFlags, ix.subSummary = make([]uint8, n), make([]uint16, n)
		ix.subStart = make([]uint32, n+1)
		for i := range n {
			ix.subStart[i+1] = ix.subStart[i] + uint32(s.data.subCount(co, i))
		}
		ix.subStatus = make([]uint8, ix.subStart[n])
		bits, statuses := summaryBits(), subscriptionStatuses()
		parallel(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				cc := s.data.core(co, i)
				var f uint8
				if cc.status == "archived" {
					f |= custArchived
				}
				switch cc.kind {
				case "person":
					f |= custPerson
				case "automatically_created":
					f |= custAutomatic
				}
				ix.custFlags[i] = f
				var sum uint16
				for _, st := range s.subscriptionSummaryStatuses(co, i) {
					for b, name := range bits {
						if name == st {
							sum |= 1 << b
						}
					}
				}
				ix.subSummary[i] = sum
				for slot := range int(ix.subStart[i+1] - ix.subStart[i]) {
					ix.subStatus[int(ix.subStart[i])+slot] = uint8(slices.Index(statuses[:], s.data.subStatus(co, i, slot)))
				}
			}
		})
		for i, f := range ix.custFlags {
			ix.statusCount[f&custArchived]++
			ix.custBuckets[custBucket(f, ix.subSummary[i])]++
		}
	})
	return ix
}

// searchIndex builds (once) and returns the search text: per customer its
// name, billing e-mail, ID and external ID, lowercased, each followed by
// \x00 so a search never matches across two fields.
func (s *Server) searchIndex(co *company) *companyIndex {
	ix := s.index(co)
	ix.searchOnce.Do(func() {
		n := co.customers
		parts := make([][]byte, max(1, min(runtime.GOMAXPROCS(0), n/10_000)))
		ends := make([]uint32, n)
		var wg sync.WaitGroup
		for p := range parts {
			lo, hi := n*p/len(parts), n*(p+1)/len(parts)
			wg.Go(func() {
				var b []byte
				add := func(v *string) {
					if v != nil {
						b = append(b, strings.ToLower(*v)...)
					}
					b = append(b, 0)
				}
				for i := lo; i < hi; i++ {
					cc := s.data.core(co, i)
					h := s.data.head(co, i, cc)
					id := s.data.customerID(co, i)
					add(&cc.name)
					add(h.billingEmail(cc))
					add(&id)
					add(h.externalID(i))
					ends[i] = uint32(len(b)) // relative to the part; shifted below
				}
				parts[p] = b
			})
		}
		wg.Wait()
		ix.search = bytes.Join(parts, nil)
		off := uint32(0)
		for p := range parts {
			lo, hi := n*p/len(parts), n*(p+1)/len(parts)
			for i := lo; i < hi; i++ {
				ends[i] += off
			}
			off += uint32(len(parts[p]))
		}
		ix.searchEnd = ends
	})
	return ix
}

// searchHits is the bitmap of the customers whose text contains search
// (lowercased), as searchMatches finds on the generated fields: one pass
// of bytes.Index over the whole text, each hit skipping to the end of its
// customer's text.
func (ix *companyIndex) searchHits(search []byte, n int) []uint64 {
	hits := make([]uint64, (n+63)/64)
	if bytes.IndexByte(search, 0) >= 0 {
		return hits // the fields hold no NUL, and the text's separators must not match
	}
	text := ix.search
	for at := 0; at < len(text); {
		k := bytes.Index(text[at:], search)
		if k < 0 {
			break
		}
		pos := uint32(at + k)
		i, _ := slices.BinarySearch(ix.searchEnd, pos+1) // the first customer whose text ends after pos
		if i >= n {
			break
		}
		hits[i/64] |= 1 << (i % 64)
		at = int(ix.searchEnd[i])
	}
	return hits
}
