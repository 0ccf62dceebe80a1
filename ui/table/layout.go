package table

import "sort"

// colGap is the number of spaces between two shown columns.
const colGap = 2

// layout is where each column goes for one width: the shown columns in
// their original order with their final widths.
type layout struct {
	gutter int   // width of the selection marker column
	shown  []int // indexes into the columns, in display order
	widths []int // final width of each shown column
	used   int   // gutter + columns + gaps; the rest of the line is padding
}

// computeLayout fits the columns into width. Columns are admitted by
// descending Priority (ties keep their order) while their minimum widths and
// gaps fit; the others are hidden. The spare width is shared among the
// shown flex columns by their Flex weights. If not even the first column
// fits, it is shown cut to what is left.
func computeLayout(cols []Column, width, gutter int) layout {
	l := layout{gutter: min(gutter, width)}
	avail := width - l.gutter
	if avail <= 0 || len(cols) == 0 {
		l.used = l.gutter
		return l
	}

	order := make([]int, len(cols))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cols[order[a]].Priority > cols[order[b]].Priority })

	admitted := make([]bool, len(cols))
	need := 0
	for _, i := range order {
		w := max(cols[i].Width, 1)
		extra := w
		if need > 0 {
			extra += colGap
		}
		if need+extra > avail {
			if need == 0 { // nothing fits: show the most important column cut
				admitted[i] = true
				need = avail
				break
			}
			continue // a narrower, less important column may still fit
		}
		admitted[i] = true
		need += extra
	}

	flexTotal := 0
	for i, c := range cols {
		if admitted[i] {
			l.shown = append(l.shown, i)
			l.widths = append(l.widths, min(max(c.Width, 1), avail))
			flexTotal += max(c.Flex, 0)
		}
	}
	spare := avail - need
	if spare > 0 && flexTotal > 0 {
		given, lastFlex := 0, -1
		for k, i := range l.shown {
			if f := max(cols[i].Flex, 0); f > 0 {
				add := spare * f / flexTotal
				l.widths[k] += add
				given += add
				lastFlex = k
			}
		}
		l.widths[lastFlex] += spare - given // rounding leftovers
		need = avail
	}
	l.used = l.gutter + need
	return l
}
