package simulator

import (
	"container/heap"
	"encoding/base64"
	"encoding/binary"
	"net/url"
	"slices"
	"strconv"
)

// Cursor paging (GET /v2/customers, GET /v2/invoices): limit (default 50,
// 1 to 100), cursor and include_total, with order and sort.
const defaultLimit = 50

// seqKey is an item's place in a list's order: the sort value (a time in
// milliseconds, 0 when the list is in creation order), then the customer
// index and the slot, which break ties.
type seqKey struct {
	at    int64
	index int
	slot  int
}

// cmpKey orders keys ascending.
func cmpKey(a, b seqKey) int {
	switch {
	case a.at != b.at:
		return cmpInt64(a.at, b.at)
	case a.index != b.index:
		return a.index - b.index
	}
	return a.slot - b.slot
}

func cmpInt64(a, b int64) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// cursorPage is a parsed cursor-list request.
type cursorPage struct {
	limit        int
	includeTotal bool
	sort         string
	desc         bool
	after        *seqKey // the last item of the previous page
}

// before reports whether a comes before b in the page's order.
func (p cursorPage) before(a, b seqKey) bool {
	if p.desc {
		return cmpKey(a, b) > 0
	}
	return cmpKey(a, b) < 0
}

// wanted reports whether k comes after the cursor.
func (p cursorPage) wanted(k seqKey) bool { return p.after == nil || p.before(*p.after, k) }

// cursorList names the list a cursor belongs to.
type cursorList byte

const (
	cursorCustomers cursorList = 'c'
	cursorInvoices  cursorList = 'i'
)

// parseCursorPage reads limit, include_total, order, sort and cursor.
// sorts are the allowed sort values, the first being the default. Not
// documented: the default sort; the first one the spec lists (created_at).
// Not documented: the messages.
func (d *dataset) parseCursorPage(q url.Values, list cursorList, co *company, sorts []string) (cursorPage, string) {
	p, msg := parseOrderSort(q, sorts)
	if msg != "" {
		return p, msg
	}
	p.limit = defaultLimit
	if v, ok := q["limit"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > maxTake {
			return p, "limit must be an integer between 1 and 100"
		}
		p.limit = n
	}
	if v, ok := q["include_total"]; ok {
		switch v[0] {
		case "true":
			p.includeTotal = true
		case "false":
		default:
			return p, "include_total must be true or false"
		}
	}
	if v, ok := q["cursor"]; ok {
		st, ok := d.decodeCursor(v[0])
		if !ok || st.list != list || st.company != co.index {
			return p, "Invalid cursor"
		}
		if st.sort != p.sort || st.desc != p.desc || st.query != queryFingerprint(q) {
			return p, "Invalid cursor: it was made for another sort, order or filter"
		}
		p.after = &st.key
	}
	return p, ""
}

// cursorState is what a cursor carries: the list and query it belongs to,
// so a cursor used elsewhere is refused, and the last item's key.
type cursorState struct {
	list    cursorList
	company int
	sort    string
	desc    bool
	query   uint64
	key     seqKey
}

// queryFingerprint hashes the filters of a list request: every parameter
// but the paging ones, in a canonical order.
func queryFingerprint(q url.Values) uint64 {
	keys := make([]string, 0, len(q))
	for k := range q {
		switch k {
		case "limit", "cursor", "include_total", "order", "sort":
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	h := uint64(len(keys))
	for _, k := range keys {
		h = hashOf(h, stringHash(k), stringHash(q[k][0]))
	}
	return h
}

// stringHash is FNV-1a over s.
func stringHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := range len(s) {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// cursorLen is the byte length of an encoded cursor: version, list,
// company, sort length, flags, query, at, index, slot, then the MAC.
const cursorVersion = 1

// encodeCursor mints the opaque cursor for st. Not documented: the
// cursor's form; base64url of the position and the query it belongs to,
// sealed with a seed-keyed check so a made-up or altered one is refused.
func (d *dataset) encodeCursor(st cursorState) string {
	b := []byte{cursorVersion, byte(st.list), byte(st.company), byte(len(st.sort))}
	b = append(b, st.sort...)
	flags := byte(0)
	if st.desc {
		flags = 1
	}
	b = append(b, flags)
	b = binary.BigEndian.AppendUint64(b, st.query)
	b = binary.BigEndian.AppendUint64(b, uint64(st.key.at))
	b = binary.BigEndian.AppendUint32(b, uint32(st.key.index))
	b = append(b, byte(st.key.slot))
	b = binary.BigEndian.AppendUint64(b, d.cursorMAC(b))
	return base64.RawURLEncoding.EncodeToString(b)
}

// cursorMAC seals a cursor's bytes with the seed.
func (d *dataset) cursorMAC(b []byte) uint64 {
	h := hashOf(d.seed, tagCursor)
	for len(b) >= 8 {
		h = hashOf(h, binary.BigEndian.Uint64(b))
		b = b[8:]
	}
	var tail [8]byte
	copy(tail[:], b)
	return hashOf(h, binary.BigEndian.Uint64(tail[:]), uint64(len(b)))
}

// decodeCursor reads a cursor encodeCursor made.
func (d *dataset) decodeCursor(s string) (cursorState, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) < 4+8 {
		return cursorState{}, false
	}
	body, mac := b[:len(b)-8], binary.BigEndian.Uint64(b[len(b)-8:])
	if d.cursorMAC(body) != mac || body[0] != cursorVersion {
		return cursorState{}, false
	}
	n := int(body[3])
	if len(body) != 4+n+1+8+8+4+1 {
		return cursorState{}, false
	}
	rest := body[4+n:]
	return cursorState{
		list:    cursorList(body[1]),
		company: int(body[2]),
		sort:    string(body[4 : 4+n]),
		desc:    rest[0] == 1,
		query:   binary.BigEndian.Uint64(rest[1:]),
		key: seqKey{
			at:    int64(binary.BigEndian.Uint64(rest[9:])),
			index: int(binary.BigEndian.Uint32(rest[17:])),
			slot:  int(rest[21]),
		},
	}, true
}

// cursorResult collects a page: up to limit+1 keys in order (the extra
// one tells whether there is more), and the total when asked.
type cursorResult struct {
	page  cursorPage
	keys  []seqKey
	total int
}

// full reports whether the page and its look-ahead item are collected.
func (cr *cursorResult) full() bool { return len(cr.keys) > cr.page.limit }

// next returns the keys of the page and the cursor of the next one.
func (cr *cursorResult) finish(d *dataset, list cursorList, co *company, q url.Values) ([]seqKey, *string) {
	if !cr.full() {
		return cr.keys, nil
	}
	keys := cr.keys[:cr.page.limit]
	next := d.encodeCursor(cursorState{
		list: list, company: co.index, sort: cr.page.sort, desc: cr.page.desc,
		query: queryFingerprint(q), key: keys[len(keys)-1],
	})
	return keys, &next
}

// topKeys keeps the first k keys offered, in a page's order, with a heap
// whose root is the last of them, so a scan of n items costs n log k.
type topKeys struct {
	page cursorPage
	k    int
	h    []seqKey
}

func (t *topKeys) Len() int           { return len(t.h) }
func (t *topKeys) Less(i, j int) bool { return t.page.before(t.h[j], t.h[i]) }
func (t *topKeys) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topKeys) Push(x any)         { t.h = append(t.h, x.(seqKey)) }
func (t *topKeys) Pop() any {
	x := t.h[len(t.h)-1]
	t.h = t.h[:len(t.h)-1]
	return x
}

// offer considers one key.
func (t *topKeys) offer(k seqKey) {
	switch {
	case t.k <= 0:
	case len(t.h) < t.k:
		heap.Push(t, k)
	case t.page.before(k, t.h[0]):
		t.h[0] = k
		heap.Fix(t, 0)
	}
}

// sorted returns the kept keys in the page's order.
func (t *topKeys) sorted() []seqKey {
	out := slices.Clone(t.h)
	slices.SortFunc(out, func(a, b seqKey) int {
		if t.page.desc {
			return cmpKey(b, a)
		}
		return cmpKey(a, b)
	})
	return out
}
