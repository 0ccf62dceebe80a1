package table

import (
	"fmt"
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Golden files are plain text: no colour, no bold, no reverse.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// customerColumns are the columns of the customers screen.
func customerColumns() []Column {
	return []Column{
		{Title: "Name", Width: 16, Flex: 2, Priority: 10},
		{Title: "ID", Width: 14, Priority: 9},
		{Title: "Billing email", Width: 18, Flex: 1, Priority: 5},
		{Title: "Currency", Width: 8, Priority: 3},
		{Title: "Status", Width: 8, Priority: 8},
		{Title: "Balance", Width: 12, Align: AlignRight, Priority: 7},
		{Title: "Created", Width: 10, Priority: 4},
	}
}

// names mixes ASCII, accented, CJK and long names so alignment shows.
var names = []string{
	"Acme Corp", "株式会社サンプル", "Crème Brûlée SARL", "Globex International Holdings Limited",
	"Ünïcödé GmbH", "北京示例科技有限公司", "Initech", "Żółć Sp. z o.o.",
}

// customerRows builds n deterministic customer rows.
func customerRows(from, n int) []Row {
	rows := make([]Row, n)
	statuses := []Cell{{"active", ToneGood}, {"past_due", ToneWarn}, {"archived", ToneMuted}, {"failed", ToneBad}}
	currencies := []string{"EUR", "USD", "JPY", "KWD"}
	for k := range rows {
		i := from + k
		id := fmt.Sprintf("cus_%08d", i)
		rows[k] = Row{ID: id, Cells: []Cell{
			{Text: names[i%len(names)]},
			{Text: id, Tone: ToneMuted},
			{Text: fmt.Sprintf("billing+%d@example.com", i)},
			{Text: currencies[i%len(currencies)]},
			statuses[i%len(statuses)],
			{Text: fmt.Sprintf("%d.%02d", (i*7919)%100000, i%100)},
			{Text: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), Tone: ToneInfo},
		}}
	}
	return rows
}

// newCustomers builds a sized table holding n customer rows.
func newCustomers(n, width, height int) Model {
	m := New(customerColumns())
	m.SetSize(width, height)
	m.SetRows(customerRows(0, n))
	return m
}
