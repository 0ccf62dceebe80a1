package simulator

import (
	"math/bits"
	"strings"
)

// Decodable IDs: customers, subscriptions and invoices carry their company,
// customer index and slot inside the ID, scrambled by a seed-keyed bijection,
// so GET /v1/customers/{id} needs no lookup table. The 14 characters after
// the prefix look like Hyperline's (cus_Typ0px2W0aiEtl): 11 encode the
// scrambled value, 3 are a checksum, so a made-up ID is refused.

// Kinds of decodable object.
const (
	kindCustomer uint64 = iota + 1
	kindSubscription
	kindInvoice
	kindTransaction
	kindWallet
	kindWalletTransaction
)

// idRef is what a decodable ID points at.
type idRef struct {
	kind    uint64
	company int
	index   int // customer index within the company
	slot    int // subscription or invoice slot of that customer
}

// idCodec encodes and decodes IDs for one seed.
type idCodec struct{ key uint64 }

const (
	mulA = 0xbf58476d1ce4e5b9
	mulB = 0x94d049bb133111eb
)

// inverseOdd returns the multiplicative inverse of an odd c modulo 2^64.
func inverseOdd(c uint64) uint64 {
	y := c
	for range 5 {
		y *= 2 - c*y
	}
	return y
}

func scramble(x uint64) uint64 {
	x ^= x >> 33
	x *= mulA
	x ^= x >> 29
	x *= mulB
	return x ^ (x >> 32)
}

func unscramble(x uint64) uint64 {
	x ^= x >> 32
	x *= inverseOdd(mulB)
	x ^= x>>29 ^ x>>58
	x *= inverseOdd(mulA)
	return x ^ (x >> 33)
}

// pack lays out kind (4 bits), company (4), index (32), slot (8) and a
// 16-bit check of the rest.
func (c idCodec) pack(ref idRef) uint64 {
	v := ref.kind<<60 | uint64(ref.company)<<56 | uint64(uint32(ref.index))<<24 | uint64(uint8(ref.slot))<<16
	return v | hashOf(c.key, v)&0xffff
}

func (c idCodec) encode(prefix string, ref idRef) string {
	y := scramble(c.pack(ref) ^ c.key)
	var b [14]byte
	v := y
	for i := 10; i >= 0; i-- {
		b[i] = base62[v%62]
		v /= 62
	}
	h := hashOf(c.key, y, 7)
	for i := 11; i < 14; i++ {
		b[i] = base62[h%62]
		h /= 62
	}
	return prefix + string(b[:])
}

func (c idCodec) decode(prefix, id string) (idRef, bool) {
	body, ok := strings.CutPrefix(id, prefix)
	if !ok || len(body) != 14 {
		return idRef{}, false
	}
	var y uint64
	for i := range 11 {
		d := strings.IndexByte(base62, body[i])
		if d < 0 {
			return idRef{}, false
		}
		hi, lo := bits.Mul64(y, 62)
		if hi != 0 || lo+uint64(d) < lo {
			return idRef{}, false
		}
		y = lo + uint64(d)
	}
	v := unscramble(y) ^ c.key
	ref := idRef{
		kind:    v >> 60,
		company: int(v >> 56 & 0xf),
		index:   int(v >> 24 & 0xffffffff),
		slot:    int(v >> 16 & 0xff),
	}
	if c.pack(ref) != v || c.encode(prefix, ref) != id {
		return idRef{}, false
	}
	return ref, true
}
