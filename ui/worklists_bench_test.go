package ui

import (
	"fmt"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// BenchmarkWorklistsView renders the counts screen with 3 and 300
// companies counted: the screen shows the companies that fit, so its
// cost grows only with the tally of the counts, not with the lines drawn.
func BenchmarkWorklistsView(b *testing.B) {
	for _, n := range []int{3, 300} {
		b.Run(fmt.Sprintf("companies=%d", n), func(b *testing.B) {
			h := newHarness(b, 120, 40)
			m := worklistsModel{c: h.app.c, keys: newWorklistKeys(), lists: worklist.Builtins(), width: 120, height: 38}
			m.cells = make([][]countCell, len(m.lists))
			for i := range n {
				m.companies = append(m.companies, wlCompany{Company: hyperline.Company{ID: fmt.Sprint(i), Name: fmt.Sprint("Company ", i)}})
			}
			for li := range m.lists {
				for i := range n {
					m.cells[li] = append(m.cells[li], countCell{done: true, total: i})
				}
			}
			b.ResetTimer()
			for range b.N {
				_ = m.view()
			}
		})
	}
}
