package ui

import (
	"fmt"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
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

// BenchmarkWorklistRowsView renders a worklist's rows holding 150 and
// 15,000 rows (a company's pages loaded on demand): the table draws the
// rows that fit, so the cost does not grow with the rows held.
func BenchmarkWorklistRowsView(b *testing.B) {
	for _, n := range []int{150, 15000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			h := newHarness(b, 120, 40)
			cos := []wlCompany{{Company: hyperline.Company{ID: "co_1", Name: "Globex"}}}
			m, _ := newWorklistRows(h.app.c, worklist.Builtins()[0], filter.Query{}, cos)
			m.resize(120, 38)
			page := worklist.RowsPage{Total: n * 2, HasTotal: true, More: true}
			for i := range n {
				page.Rows = append(page.Rows, worklist.Row{Company: cos[0].Company, ID: fmt.Sprint("in_", i),
					Title: fmt.Sprint("INV-", i), Status: "error", Amount: hyperline.Amount(i), Currency: "EUR"})
			}
			m.addPage(worklistRowsMsg{gen: m.gen, first: true, page: page})
			m, _ = m.update(keyMsg("G"))
			b.ResetTimer()
			for range b.N {
				_ = m.view()
			}
		})
	}
}
