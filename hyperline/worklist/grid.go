package worklist

import (
	"context"
	"sync"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// Cell is one count of the grid: a worklist in a company.
type Cell struct {
	// List is the worklist's index in the grid's worklists.
	List int
	// Company is the company counted.
	Company hyperline.Company
	// Total is the count, when Err is nil.
	Total int
	// Err says why the count failed.
	Err error
}

// CountsPerWindow and RateWindow are the client's default read budget
// (hyperline's window limiter: 198 reads per 10.5 s, under the API's 200
// per 10 s): that many counts go at once, the next ones a window later.
const (
	CountsPerWindow = 198
	RateWindow      = 10500 * time.Millisecond
)

// Requests is what counting lists worklists in companies costs: one
// request per worklist and company, no more (a 429 resends one, later).
func Requests(lists, companies int) int { return lists * companies }

// CountAll counts every worklist in every company, all requests fired
// together (the client's rate limiter spaces them), and calls each with
// every cell as it arrives, from one goroutine at a time. It returns when
// every cell is in.
func CountAll(ctx context.Context, src Source, companies []hyperline.Company, lists []Worklist,
	now time.Time, loc *time.Location, each func(Cell)) {
	queries := make([]filter.Query, len(lists))
	bad := make([]error, len(lists))
	for i, w := range lists {
		queries[i], bad[i] = w.Query(now, loc)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, w := range lists {
		for _, co := range companies {
			if bad[i] != nil {
				mu.Lock()
				each(Cell{List: i, Company: co, Err: bad[i]})
				mu.Unlock()
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := Count(ctx, src, co.ID, w, queries[i])
				mu.Lock()
				defer mu.Unlock()
				each(Cell{List: i, Company: co, Total: n, Err: err})
			}()
		}
	}
	wg.Wait()
}
