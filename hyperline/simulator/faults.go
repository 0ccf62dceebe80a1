package simulator

import (
	"bytes"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// faultDice decides which data GETs fail. Every request draws the same
// three numbers in the same order whatever the rates, so a sequence of
// requests meets the same faults on every run with the same seed.
type faultDice struct {
	mu     sync.Mutex
	rand   *rand.Rand
	faults Faults
}

func newFaultDice(seed int64, f Faults) *faultDice {
	return &faultDice{rand: rand.New(rand.NewPCG(uint64(seed), 0x6661756c7473)), faults: f}
}

func (d *faultDice) set(f Faults) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.faults = f
}

// roll returns the current settings and which faults hit this request.
func (d *faultDice) roll() (f Faults, fail, limited, malformed bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	a, b, c := d.rand.Float64(), d.rand.Float64(), d.rand.Float64()
	f = d.faults
	return f, a < f.ErrorRate, b < f.RateLimitRate, c < f.MalformedRate
}

// proxyErrorPage is what a load balancer in front of the API answers.
const proxyErrorPage = `<html>
<head><title>503 Service Temporarily Unavailable</title></head>
<body>
<center><h1>503 Service Temporarily Unavailable</h1></center>
</body>
</html>
`

// apply injects faults into one data GET. When proceed is false the
// response has been written (or the client went away). Otherwise the
// handler writes to out and must call finish afterwards.
func (d *faultDice) apply(w http.ResponseWriter, r *http.Request) (out http.ResponseWriter, finish func(), proceed bool) {
	f, fail, limited, malformed := d.roll()
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return w, nil, false
		}
	}
	switch {
	case fail:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(proxyErrorPage))
		return w, nil, false
	case limited:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusTooManyRequests, "Too many requests")
		return w, nil, false
	case malformed:
		tw := &truncatingWriter{dst: w, header: http.Header{}}
		return tw, tw.flush, true
	}
	return w, func() {}, true
}

// truncatingWriter buffers a response and sends a 200 with only the first
// half of its body: a JSON document cut short, as a broken proxy would.
type truncatingWriter struct {
	dst    http.ResponseWriter
	header http.Header
	buf    bytes.Buffer
}

func (t *truncatingWriter) Header() http.Header         { return t.header }
func (t *truncatingWriter) WriteHeader(int)             {}
func (t *truncatingWriter) Write(b []byte) (int, error) { return t.buf.Write(b) }

func (t *truncatingWriter) flush() {
	body := t.buf.Bytes()
	body = body[:len(body)/2]
	h := t.dst.Header()
	for k, v := range t.header {
		h[k] = v
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	t.dst.WriteHeader(http.StatusOK)
	_, _ = t.dst.Write(body)
}
