package table

import (
	"slices"
	"testing"
)

func TestComputeLayout(t *testing.T) {
	t.Parallel()
	cols := []Column{
		{Title: "Name", Width: 10, Flex: 2, Priority: 10},
		{Title: "ID", Width: 12, Priority: 9},
		{Title: "Email", Width: 6, Flex: 1, Priority: 5},
		{Title: "Status", Width: 8, Priority: 8},
		{Title: "Total", Width: 10, Align: AlignRight, Priority: 7},
	}
	// All minimums: 10+12+6+8+10 = 46, plus 4 gaps of 2 = 54, plus a gutter of 2.
	tests := []struct {
		name       string
		width      int
		wantShown  []int
		wantWidths []int
	}{
		{"exact fit", 56, []int{0, 1, 2, 3, 4}, []int{10, 12, 6, 8, 10}},
		{"spare shared 2:1", 86, []int{0, 1, 2, 3, 4}, []int{30, 12, 16, 8, 10}},
		{"rounding goes to the last flex column", 57, []int{0, 1, 2, 3, 4}, []int{10, 12, 7, 8, 10}},
		{"lowest priority hidden first", 55, []int{0, 1, 3, 4}, []int{17, 12, 8, 10}},
		{"a narrower column still fits", 44, []int{0, 1, 2, 3}, []int{10, 12, 6, 8}},
		{"two hidden", 40, []int{0, 1, 3}, []int{14, 12, 8}},
		{"a narrow column fills the gap", 20, []int{0, 2}, []int{10, 6}},
		{"only the first", 15, []int{0}, []int{13}},
		{"first cut to fit", 7, []int{0}, []int{5}},
		{"no room", 2, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := computeLayout(cols, tt.width, 2)
			if !slices.Equal(l.shown, tt.wantShown) || !slices.Equal(l.widths, tt.wantWidths) {
				t.Errorf("width %d: shown %v widths %v, want %v %v", tt.width, l.shown, l.widths, tt.wantShown, tt.wantWidths)
			}
			if l.used > tt.width {
				t.Errorf("width %d: layout uses %d", tt.width, l.used)
			}
		})
	}
}

func TestComputeLayoutWithoutFlexPads(t *testing.T) {
	t.Parallel()
	l := computeLayout([]Column{{Width: 5}, {Width: 5}}, 40, 2)
	if !slices.Equal(l.widths, []int{5, 5}) || l.used != 14 {
		t.Errorf("widths %v used %d, want [5 5] 14", l.widths, l.used)
	}
}

// TestSpareColumnGivesUpItsRoomFirst: an id column (Spare) shows only once
// every other shown column has its Ideal width; spare width goes to the
// Ideal widths before the flex share (issue 22 item 5: an 18-character ID
// stayed while the customer was cut to 15).
func TestSpareColumnGivesUpItsRoomFirst(t *testing.T) {
	t.Parallel()
	cols := []Column{
		{Title: "Number", Width: 9, Priority: 100},
		{Title: "Customer", Width: 10, Ideal: 24, Flex: 1, Priority: 90},
		{Title: "Status", Width: 14, Ideal: 17, Priority: 95},
		{Title: "ID", Width: 19, Priority: 100, Spare: true},
	}
	// Minimums 9+10+14 = 33 + 2 gaps of 2 + gutter 2 = 39; the Ideals add
	// 17, the ID 2+19: it shows from 77.
	tests := []struct {
		width      int
		wantShown  []int
		wantWidths []int
	}{
		{39, []int{0, 1, 2}, []int{9, 10, 14}},
		{42, []int{0, 1, 2}, []int{9, 12, 15}},        // shares by what each lacks, the rounding to status
		{76, []int{0, 1, 2}, []int{9, 44, 17}},        // the ID would cut the others below their Ideal
		{77, []int{0, 1, 2, 3}, []int{9, 24, 17, 19}}, // now it fits beside them
	}
	for _, tt := range tests {
		l := computeLayout(cols, tt.width, 2)
		if !slices.Equal(l.shown, tt.wantShown) || !slices.Equal(l.widths, tt.wantWidths) {
			t.Errorf("width %d: shown %v widths %v, want %v %v", tt.width, l.shown, l.widths, tt.wantShown, tt.wantWidths)
		}
		if l.used > tt.width {
			t.Errorf("width %d: layout uses %d", tt.width, l.used)
		}
	}
}

// TestCutEmailKeepsTheDomain: an email too wide for its column loses the
// middle of its local part, never its domain (issue 22 item 6).
func TestCutEmailKeepsTheDomain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		w    int
		cut  Cut
		want string
	}{
		{"billing@nordlicht-beratung-kg.de", 40, CutEmail, "billing@nordlicht-beratung-kg.de"},
		{"billing@nordlicht-beratung-kg.de", 29, CutEmail, "bi…g@nordlicht-beratung-kg.de"},
		{"billing@nordlicht-beratung-kg.de", 27, CutEmail, "b…@nordlicht-beratung-kg.de"},
		{"billing@nordlicht-beratung-kg.de", 16, CutEmail, "b…@nordlicht-be…"}, // the domain alone is too wide: its start stays
		{"billing@bluebird.example", 16, CutEmail, "b…@bluebird.exa…"},
		{"billing@nordlicht-beratung-kg.de", 16, CutEnd, "billing@nordlic…"},
		{"cus_2OeZHBhJQUKCSB", 9, CutMiddle, "cus_…KCSB"},
	}
	for _, tt := range tests {
		got, w := fitCut(tt.text, tt.w, tt.cut)
		if got != tt.want || w > tt.w {
			t.Errorf("fitCut(%q, %d) = %q (%d cells), want %q", tt.text, tt.w, got, w, tt.want)
		}
	}
}
