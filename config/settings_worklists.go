package config

// Worklist is one of the user's worklists in the settings file: a name, a
// kind of list and a line of the filter language, counted in every
// company by the explorer's `w` and by `hlx worklist`.
//
//	"worklists": [
//	  {"name": "Big and late", "kind": "invoices", "filter": "status:late due:<60d"}
//	]
//
// config keeps them as written; package worklist checks them against the
// filter language when hlx starts, and says which one is wrong and why.
type Worklist struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Filter string `json:"filter"`
}

// LoadWorklists reads the user's worklists from the settings file at path
// ("" means SettingsPath()); a missing file holds none.
func LoadWorklists(path string) ([]Worklist, error) {
	if path == "" {
		path = SettingsPath()
	}
	f, err := ReadSettingsFile(path)
	if err != nil {
		return nil, err
	}
	return f.Worklists, nil
}
