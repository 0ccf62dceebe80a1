package table

import (
	"slices"
	"sort"
)

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
// gaps fit; the others are hidden. A Spare column (an id, one `y` away) is
// admitted last, and only when every other shown column can also have its
// Ideal width: it gives up its room before any of theirs is cut. The spare
// width first brings the shown columns up to their Ideal width, by
// priority, and the rest is shared among the flex columns by their Flex
// weights. If not even the first column fits, it is shown cut to what is
// left.
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
	sort.SliceStable(order, func(a, b int) bool {
		if cols[order[a]].Spare != cols[order[b]].Spare {
			return !cols[order[a]].Spare
		}
		return cols[order[a]].Priority > cols[order[b]].Priority
	})

	admitted := make([]bool, len(cols))
	need, wants := 0, 0 // wants: what the admitted columns lack of their Ideal
	for _, i := range order {
		w := max(cols[i].Width, 1)
		extra := w
		if need > 0 {
			extra += colGap
		}
		room := need + extra
		if cols[i].Spare {
			room += wants
		}
		if room > avail {
			if need == 0 { // nothing fits: show the most important column cut
				admitted[i] = true
				need = avail
				break
			}
			continue // a narrower, less important column may still fit
		}
		admitted[i] = true
		need += extra
		wants += max(cols[i].Ideal-w, 0)
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
	// The Ideal widths first: all of them when the spare allows, else
	// each column gets a share of the spare in proportion to what it
	// lacks (one wide column does not starve the others), the rounding
	// going to the most important.
	if spare > 0 && wants > 0 {
		give := min(spare, wants)
		given := 0
		for k, i := range l.shown {
			add := max(cols[i].Ideal-l.widths[k], 0) * give / wants
			l.widths[k] += add
			given += add
		}
		for _, i := range order {
			if given >= give {
				break
			}
			if k := slices.Index(l.shown, i); k >= 0 && l.widths[k] < cols[i].Ideal {
				l.widths[k]++
				given++
			}
		}
		spare -= given
		need += given
	}
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
