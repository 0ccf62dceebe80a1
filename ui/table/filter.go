package table

import (
	"bytes"
	"runtime"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// haystacks is what the filter searches: every row's cells lowercased, one
// row after another in a single buffer, so that a scan over 100,000 rows
// walks memory in order and a rare query is found by a few long searches
// instead of 100,000 short ones. Cells are separated by a NUL and rows end
// with a newline; queries never contain either (see lowerInto), so a match
// never spans two cells or two rows.
type haystacks struct {
	buf  []byte
	end  []int    // end[i] is the offset just past row i's newline
	mask []uint64 // mask[i] has byteBit(b) set for every byte b of row i
	freq []int    // how often each byte value occurs in buf
	// scratch is the working memory of a search, kept from one keystroke
	// to the next; copies of a model share it, as they share the render
	// cache. Results never live in it.
	scratch *scratch
}

// scratch is room for one row index per row, and the parts of a search
// split across the CPUs.
type scratch struct {
	all   []int
	found [][]int
}

// room returns the scratch with room for n indexes and parts parts.
func (h *haystacks) room(n, parts int) *scratch {
	if h.scratch == nil {
		h.scratch = &scratch{}
	}
	s := h.scratch
	if cap(s.all) < n {
		s.all = make([]int, n, n+n/4) // rows keep arriving: some room ahead
	}
	if cap(s.found) < parts {
		s.found = make([][]int, parts)
	}
	s.all, s.found = s.all[:n], s.found[:parts]
	return s
}

// newHaystacks indexes rows.
func newHaystacks(rows []Row) haystacks {
	size := 0
	for i := range rows {
		size += len(rows[i].Cells) // separators and the newline
		for _, c := range rows[i].Cells {
			size += len(c.Text)
		}
	}
	h := haystacks{
		buf:     make([]byte, 0, size+size/8),
		end:     make([]int, 0, len(rows)),
		mask:    make([]uint64, 0, len(rows)),
		freq:    make([]int, 256),
		scratch: &scratch{},
	}
	h.add(rows)
	return h
}

// add indexes rows appended after the ones already held.
func (h *haystacks) add(rows []Row) {
	if h.freq == nil {
		h.freq = make([]int, 256)
	}
	for i := range rows {
		start := len(h.buf)
		for k, c := range rows[i].Cells {
			if k > 0 {
				h.buf = append(h.buf, 0)
			}
			h.buf = lowerInto(h.buf, c.Text)
		}
		var m uint64
		for _, b := range h.buf[start:] {
			m |= byteBit(b)
			h.freq[b]++
		}
		h.mask = append(h.mask, m)
		h.buf = append(h.buf, '\n')
		h.end = append(h.end, len(h.buf))
	}
}

// parallelChunk is the fewest rows worth a goroutine of their own: below
// it, starting one costs more than it saves.
const parallelChunk = 16 << 10

// matchAll returns the ascending indexes of the rows containing q, from row
// first onwards.
func (h *haystacks) matchAll(q []byte, first int) []int {
	if len(q) == 1 && exactBit(q[0]) {
		return h.matchMask(maskOf(q), first)
	}
	return h.split(len(h.end)-first, func(lo, hi int, out []int) []int {
		return h.matchRange(q, first+lo, first+hi, out)
	})
}

// matchRange appends to out the rows in [lo, hi) containing q. It searches
// the buffer in one go, jumping to the next row after each match, so rows
// without a match cost no call at all.
func (h *haystacks) matchRange(q []byte, lo, hi int, out []int) []int {
	if lo >= hi {
		return out
	}
	at := h.start(lo)
	buf := h.buf[:h.end[hi-1]]
	nd := h.needle(q)
	for row := lo; row < hi; {
		j := nd.index(buf[at:])
		if j < 0 {
			break
		}
		pos := at + j
		if pos >= h.end[row] { // the match is in a later row: find it
			k, _ := slices.BinarySearch(h.end[row:hi], pos+1)
			row += k
		}
		out = append(out, row)
		at = h.end[row] // one match per row is enough
		row++
	}
	return out
}

// matchIn returns the candidates (ascending row indexes) containing q, in
// new storage: a copy of the model may still hold candidates.
func (h *haystacks) matchIn(q []byte, candidates []int) []int {
	qm, nd := maskOf(q), h.needle(q)
	return h.split(len(candidates), func(lo, hi int, out []int) []int {
		for _, i := range candidates[lo:hi] {
			if h.mask[i]&qm == qm && nd.index(h.buf[h.start(i):h.end[i]]) >= 0 {
				out = append(out, i)
			}
		}
		return out
	})
}

// split runs find over n items and returns what it found, in order, in
// new storage the size of the answer. find appends what it finds among
// items [lo, hi) to out, at most hi-lo values. It works in the scratch, so
// a keystroke allocates only its answer: large inputs are split across the
// CPUs, each part filling its own stretch of the scratch; the stretches are
// then closed up and copied out.
func (h *haystacks) split(n int, find func(lo, hi int, out []int) []int) []int {
	parts := min(runtime.GOMAXPROCS(0), n/parallelChunk)
	s := h.room(n, max(parts, 1))
	if parts <= 1 {
		return slices.Clone(find(0, n, s.all[:0]))
	}
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := n*p/parts, n*(p+1)/parts
		wg.Go(func() { s.found[p] = find(lo, hi, s.all[lo:lo:hi]) })
	}
	wg.Wait()
	k := 0
	for _, f := range s.found {
		k += copy(s.all[k:], f)
	}
	return slices.Clone(s.all[:k])
}

// matchMask returns the rows from first onwards whose mask has every bit of
// qm: the whole answer for a one-letter or one-digit query (the first
// keystroke, which matches the most rows), found without reading the text.
func (h *haystacks) matchMask(qm uint64, first int) []int {
	out := h.room(len(h.mask)-first, 1).all[:0] // most rows match one letter
	for i, m := range h.mask[first:] {
		if m&qm == qm {
			out = append(out, first+i)
		}
	}
	return slices.Clone(out)
}

// needle is a query with the byte to look for first: its rarest byte in
// the rows. Searching for "ex" by its "e" stops at every e in every row;
// by its "x" it stops about once per row.
type needle struct {
	q []byte
	k int // offset of the rare byte in q
}

func (h *haystacks) needle(q []byte) needle {
	k := 0
	for i, b := range q {
		if h.freq[b] < h.freq[q[k]] {
			k = i
		}
	}
	return needle{q: q, k: k}
}

// index returns the offset of the first q in s, or -1.
func (n needle) index(s []byte) int {
	c, k := n.q[n.k], n.k
	for i := k; i < len(s); {
		j := bytes.IndexByte(s[i:], c)
		if j < 0 {
			return -1
		}
		at := i + j - k
		if at+len(n.q) > len(s) {
			return -1
		}
		if bytes.Equal(s[at:at+len(n.q)], n.q) {
			return at
		}
		i += j + 1
	}
	return -1
}

// byteBit maps a lowered byte to its bit in a row mask: letters and digits
// have a bit each, other bytes share the rest.
func byteBit(b byte) uint64 {
	switch {
	case 'a' <= b && b <= 'z':
		return 1 << (b - 'a')
	case '0' <= b && b <= '9':
		return 1 << (26 + b - '0')
	default:
		return 1 << (36 + b%28)
	}
}

// exactBit reports whether b is the only byte with its bit.
func exactBit(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9'
}

// maskOf is the mask of the bytes of text.
func maskOf(text []byte) uint64 {
	var m uint64
	for _, b := range text {
		m |= byteBit(b)
	}
	return m
}

// start is the offset of row i's haystack.
func (h *haystacks) start(i int) int {
	if i == 0 {
		return 0
	}
	return h.end[i-1]
}

// lowerInto appends s lowercased rune by rune (the same folding for rows and
// queries), with control characters as spaces so the separators stay unique.
func lowerInto(dst []byte, s string) []byte {
	start := len(dst)
	dst = append(dst, s...)
	b := dst[start:]
	for i, c := range b { // ASCII in place: the common case
		switch {
		case c >= utf8.RuneSelf:
			return lowerRunes(dst[:start+i], s[i:])
		case 'A' <= c && c <= 'Z':
			b[i] = c + ('a' - 'A')
		case c < 0x20 || c == 0x7f:
			b[i] = ' '
		}
	}
	return dst
}

// lowerRunes is lowerInto for text that is not all ASCII.
func lowerRunes(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			r = ' '
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
