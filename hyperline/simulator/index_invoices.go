package simulator

import (
	"slices"
	"time"
)

// invoiceIndex builds (once) and returns the invoice columns: every
// invoice's facts that the list filters and sorts read, in customer then
// slot order, so the invoices of customer i are one run of rows.
func (s *Server) invoiceIndex(co *company) *companyIndex {
	ix := s.index(co)
	ix.invoicesOnce.Do(func() {
		n := co.customers
		ix.invStart = make([]uint32, n+1)
		for i := range n {
			ix.invStart[i+1] = ix.invStart[i] + uint32(s.data.invCount(co, i))
		}
		rows := int(ix.invStart[n])
		ix.invIssued, ix.invDue = make([]int64, rows), make([]int64, rows)
		ix.invStatus, ix.invKind, ix.invFlags = make([]uint8, rows), make([]uint8, rows), make([]uint8, rows)
		statuses, kinds := invoiceStatuses(), invoiceTypes()
		defer ix.sortInvoices()
		parallel(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				k := s.data.invCount(co, i)
				if k == 0 {
					continue
				}
				cc := s.data.core(co, i)
				pay := s.data.payment(co, i, cc.loc)
				m := txMethod(pay)
				for slot := range k {
					f := s.data.invFacts(co, cc, pay, slot)
					row := int(ix.invStart[i]) + slot
					ix.invIssued[row], ix.invDue[row] = msOf(f.issued), msOf(f.due)
					ix.invStatus[row] = uint8(slices.Index(statuses[:], f.status))
					ix.invKind[row] = uint8(slices.Index(kinds[:], f.kind))
					var fl uint8
					if f.late(s.data.epoch) {
						fl |= invLate
					}
					if !f.refunded.IsZero() {
						fl |= invRefunded
					}
					if m == "transfer" || m == "transfer_automated" {
						fl |= invTransfer
					}
					ix.invFlags[row] = fl
				}
			}
		})
	})
	return ix
}

// invoiceTable is an indexable query compiled to lookups: whether a
// status with given flags, and a type, pass the status and type filters.
type invoiceTable struct {
	iq          invoiceQuery
	status      [numInvoiceStatuses * 8]bool
	kind        [5]bool
	issued, due []nsFilter
}

// nsFilter is a dateFilter on Unix nanoseconds (0 for null), with its
// operator as a number, so a row's date is compared without building a
// time.Time or comparing strings.
type nsFilter struct {
	op dateOp
	at int64
}

// dateOp is a date filter's operator.
type dateOp uint8

const (
	opEquals dateOp = iota
	opNot
	opLt
	opLte
	opGt
	opGte
	opIsNull
	opIsNotNull
)

// nsFilters converts date filters.
func nsFilters(fs []dateFilter) []nsFilter {
	ops := map[string]dateOp{"not": opNot, "lt": opLt, "lte": opLte, "gt": opGt, "gte": opGte,
		"isNull": opIsNull, "isNotNull": opIsNotNull}
	out := make([]nsFilter, len(fs))
	for i, f := range fs {
		out[i] = nsFilter{op: ops[f.op], at: f.at.UnixNano()}
	}
	return out
}

// matchMs is dateFilter.match on a row's date in milliseconds (0: null).
func matchMs(fs []nsFilter, ms int64) bool {
	ns := ms * int64(time.Millisecond)
	for _, f := range fs {
		var ok bool
		switch {
		case f.op == opIsNull:
			ok = ms == 0
		case f.op == opIsNotNull:
			ok = ms != 0
		case ms == 0:
			ok = f.op == opNot
		default:
			switch f.op {
			case opNot:
				ok = ns != f.at
			case opLt:
				ok = ns < f.at
			case opLte:
				ok = ns <= f.at
			case opGt:
				ok = ns > f.at
			case opGte:
				ok = ns >= f.at
			default:
				ok = ns == f.at
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// compile builds the lookups of iq.
func (iq invoiceQuery) compile() *invoiceTable {
	t := &invoiceTable{iq: iq, issued: nsFilters(iq.issued), due: nsFilters(iq.due)}
	for st, name := range invoiceStatuses() {
		for fl := range uint8(8) {
			ok := name != "open" // the default hides open invoices
			if iq.status.set {
				ok = false
				for category := range iq.status.include {
					ok = ok || statusInCategory(category, name, fl)
				}
			}
			t.status[st*8+int(fl)] = ok
		}
	}
	for k, name := range invoiceTypes() {
		t.kind[k] = iq.kind.match(name)
	}
	return t
}

// matches applies the table to row r of the index.
func (t *invoiceTable) matches(ix *companyIndex, r int) bool {
	if !t.status[int(ix.invStatus[r])*8+int(ix.invFlags[r])] || !t.kind[ix.invKind[r]] {
		return false
	}
	return matchMs(t.issued, ix.invIssued[r]) && matchMs(t.due, ix.invDue[r])
}

// indexable reports whether the index answers every filter of iq: the
// status, type, issued and due filters, customers by ID equality, and
// the invoicing entity (one per company). Other filters read the
// generated invoice.
func (iq invoiceQuery) indexable() bool {
	return len(iq.customerID)+len(iq.subscription)+len(iq.number)+len(iq.originalID)+len(iq.originalNumber)+
		len(iq.periodStart)+len(iq.periodEnd)+len(iq.updated) == 0 && iq.customerExternal == nil
}

// msOf is t in Unix milliseconds, 0 for the zero time (a null date).
func msOf(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// timeOf is msOf's inverse.
func timeOf(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// sortInvoices builds what counts read instead of rows: the number of
// invoices of each status, flags and type, and the rows in issued_at
// order, so a count over a window of dates reads only that window.
func (ix *companyIndex) sortInvoices() {
	for r := range ix.invStatus {
		ix.invBuckets[bucketOf(ix.invStatus[r], ix.invFlags[r], ix.invKind[r])]++
	}
	ix.invByIssued = make([]uint32, len(ix.invIssued))
	for r := range ix.invByIssued {
		ix.invByIssued[r] = uint32(r)
	}
	slices.SortFunc(ix.invByIssued, func(a, b uint32) int { return cmpInt64(ix.invIssued[a], ix.invIssued[b]) })
}

// bucketOf is the invBuckets slot of a status, its flags and a type.
func bucketOf(status, flags, kind uint8) int { return (int(status)*8+int(flags))*5 + int(kind) }

// fastCount counts the invoices an indexable query over every customer
// matches without a pass over every row: from the buckets when no date
// filters it, from the issued_at order when only an issued window does.
// ok is false when neither applies.
func (w invoiceWalk) fastCount() (n int, ok bool) {
	ix, t := w.ix, w.table
	if ix == nil || w.iq.customers != nil || len(t.due) > 0 {
		return 0, false
	}
	if len(t.issued) == 0 {
		for st := range numInvoiceStatuses {
			for fl := range 8 {
				if !t.status[st*8+fl] {
					continue
				}
				for k := range 5 {
					if t.kind[k] {
						n += ix.invBuckets[bucketOf(uint8(st), uint8(fl), uint8(k))]
					}
				}
			}
		}
		return n, true
	}
	lo, hi := int64(1), int64(1<<62) // issued in [lo, hi) in ms; null (0) is out
	for _, f := range t.issued {
		ms := f.at / int64(time.Millisecond)
		exact := ms*int64(time.Millisecond) == f.at
		switch {
		case f.op == opGte && exact:
			lo = max(lo, ms)
		case f.op == opLt && exact:
			hi = min(hi, ms)
		default:
			return 0, false
		}
	}
	order := ix.invByIssued
	from, _ := slices.BinarySearchFunc(order, lo, func(r uint32, ms int64) int { return cmpInt64(ix.invIssued[r], ms) })
	to, _ := slices.BinarySearchFunc(order, hi, func(r uint32, ms int64) int { return cmpInt64(ix.invIssued[r], ms) })
	for _, r := range order[from:max(from, to)] {
		if t.matches(ix, int(r)) {
			n++
		}
	}
	return n, true
}
