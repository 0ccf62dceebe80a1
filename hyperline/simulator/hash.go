package simulator

// Cheap, seed-keyed hashing: every generated value is a pure function of
// (seed, company, index, ...), so nothing has to be stored and a million
// customers cost no memory until someone asks for them.

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// splitmix64 is the SplitMix64 finaliser: a fast, well-mixed bijection.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// hashOf folds keys into one well-mixed 64-bit value.
func hashOf(keys ...uint64) uint64 {
	h := uint64(0x243f6a8885a308d3)
	for _, k := range keys {
		h = splitmix64(h ^ k)
	}
	return h
}

// rng is a tiny deterministic generator for the fields of one object.
type rng struct{ state uint64 }

// newRNG seeds a generator from keys.
func newRNG(keys ...uint64) *rng { return &rng{state: hashOf(keys...)} }

// next returns the next 64 random bits.
func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	return splitmix64(r.state)
}

// intn returns a value in [0, n); n must be positive.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a value in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return float64(r.next()>>11)/(1<<53) < p }

// pick returns a random element of items.
func pick[T any](r *rng, items []T) T { return items[r.intn(len(items))] }

// weighted returns an index chosen with the given relative weights.
func (r *rng) weighted(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.intn(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// token returns n base62 characters drawn from r.
func (r *rng) token(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = base62[r.intn(len(base62))]
	}
	return string(b)
}

// hashID is a random-looking, non-decodable ID such as "ili_0FACNpeoEFkGu3".
func hashID(prefix string, keys ...uint64) string {
	return prefix + newRNG(keys...).token(14)
}

// Key tags keep the hash streams of different purposes apart.
const (
	tagCompany uint64 = iota + 1
	tagCustomer
	tagCustomerName
	tagSubCount
	tagSubStatus
	tagSubscription
	tagInvCount
	tagInvStatus
	tagInvoice
	tagLineItem
	tagTransaction
	tagCatalog
	tagApp
	tagAPIKey
	tagIDKey
	tagPayment
	tagCursor
	tagWallet
	tagCompanyBank
)
