package simulator

// locale is a country's worth of name parts, places and money habits.
type locale struct {
	country   string
	currency  string
	language  string
	timezone  string
	taxRate   float64 // percent
	vatPrefix string  // "" when the country has no VAT number format
	first     []string
	last      []string
	stems     []string // company name stems
	trades    []string // what the company does
	suffixes  []string // legal forms
	streets   []string
	cities    []cityInfo
	emailTLD  string
}

type cityInfo struct {
	name  string
	zip   string
	state string // "" when the country has no states
}

// newLocales returns the locales customers are drawn from; index 0 to 7.
func newLocales() []*locale {
	return []*locale{
		{
			country: "FR", currency: "EUR", language: "fr", timezone: "Europe/Paris", taxRate: 20, vatPrefix: "FR", emailTLD: "fr",
			first:    []string{"Chloé", "Élodie", "Jérôme", "François", "Inès", "Hélène", "Noël", "Zoé", "Loïc", "Amélie", "Théo", "Camille"},
			last:     []string{"Lefèvre", "Dubois", "Lemaître", "Girard", "Bérenger", "Rousseau", "Mercier", "Faure", "Chevalier", "Benoît"},
			stems:    []string{"Boréal", "Lumière", "Horizon", "Azur", "Étoile", "Rivage", "Alpin", "Océane", "Sillage", "Cèdre"},
			trades:   []string{"Conseil", "Logistique", "Studio", "Énergie", "Santé", "Éditions", "Technologies", "Distribution"},
			suffixes: []string{"SAS", "SARL", "SA", "SASU"},
			streets:  []string{"rue de Paradis", "avenue Jean Jaurès", "boulevard Haussmann", "rue de la République", "quai des Chartrons"},
			cities:   []cityInfo{{"Paris", "75010", ""}, {"Lyon", "69002", ""}, {"Bordeaux", "33000", ""}, {"Nantes", "44000", ""}, {"Lille", "59000", ""}},
		},
		{
			country: "DE", currency: "EUR", language: "de", timezone: "Europe/Berlin", taxRate: 19, vatPrefix: "DE", emailTLD: "de",
			first:    []string{"Jürgen", "Käthe", "Lukas", "Sören", "Anja", "Björn", "Greta", "Jörg", "Maximilian", "Lena"},
			last:     []string{"Müller", "Schäfer", "Groß", "Köhler", "Weiß", "Schröder", "Hoffmann", "Krüger", "Wagner", "Becker"},
			stems:    []string{"Nordlicht", "Bergblick", "Sonnenfeld", "Eisenwerk", "Rheinland", "Lindenhof", "Falkenstein", "Grünwald"},
			trades:   []string{"Logistik", "Maschinenbau", "Software", "Bäckerei", "Verlag", "Solartechnik", "Beratung", "Handel"},
			suffixes: []string{"GmbH", "AG", "KG", "GmbH & Co. KG", "UG"},
			streets:  []string{"Torstraße", "Königsallee", "Maximilianstraße", "Schillerstraße", "Hauptstraße"},
			cities:   []cityInfo{{"Berlin", "10119", ""}, {"München", "80331", ""}, {"Hamburg", "20095", ""}, {"Köln", "50667", ""}, {"Düsseldorf", "40213", ""}},
		},
		{
			country: "GB", currency: "GBP", language: "en", timezone: "Europe/London", taxRate: 20, vatPrefix: "GB", emailTLD: "co.uk",
			first:    []string{"Oliver", "Amelia", "Zoë", "Siobhán", "Rhys", "Eleanor", "Niamh", "Callum", "Isla", "Harry"},
			last:     []string{"O'Brien", "Smith", "Taylor", "Davies", "Evans", "Wright", "Fitzgerald", "Hughes", "Clarke", "MacLeod"},
			stems:    []string{"Thistle", "Kingsbridge", "Blackfriars", "Harbourside", "Oakridge", "Westmoor", "Albion", "Redbrick"},
			trades:   []string{"Analytics", "Consulting", "Engineering", "Bakery", "Media", "Outfitters", "Partners", "Holdings"},
			suffixes: []string{"Ltd", "PLC", "LLP", "Limited"},
			streets:  []string{"Baker Street", "High Street", "Kings Road", "Deansgate", "Princes Street"},
			cities:   []cityInfo{{"London", "EC1V 9HX", ""}, {"Manchester", "M2 5WR", ""}, {"Edinburgh", "EH2 2ER", ""}, {"Bristol", "BS1 4DJ", ""}},
		},
		{
			country: "US", currency: "USD", language: "en", timezone: "America/New_York", taxRate: 0, emailTLD: "com",
			first:    []string{"James", "Olivia", "José", "Madison", "Ethan", "Sofía", "Tyler", "Aaliyah", "Noah", "Emma"},
			last:     []string{"Johnson", "Williams", "Núñez", "Brown", "García", "Miller", "Davis", "Rodríguez", "Wilson", "Anderson"},
			stems:    []string{"Northwind", "Summit", "Redwood", "Liberty", "Bluebonnet", "Cascade", "Keystone", "Silverline"},
			trades:   []string{"Labs", "Systems", "Logistics", "Health", "Robotics", "Capital", "Foods", "Networks"},
			suffixes: []string{"Inc.", "LLC", "Corp.", "Co."},
			streets:  []string{"Mission Street", "Market Street", "Broadway", "Main Street", "Congress Avenue"},
			cities:   []cityInfo{{"San Francisco", "94110", "CA"}, {"New York", "10001", "NY"}, {"Austin", "78701", "TX"}, {"Seattle", "98101", "WA"}, {"Boston", "02110", "MA"}},
		},
		{
			country: "JP", currency: "JPY", language: "ja", timezone: "Asia/Tokyo", taxRate: 10, emailTLD: "co.jp",
			first:    []string{"太郎", "花子", "健", "さくら", "翔太", "美咲", "大輔", "陽菜"},
			last:     []string{"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"},
			stems:    []string{"サンプル", "さくら", "富士", "青空", "ひかり", "みらい", "東京", "大和"},
			trades:   []string{"商事", "製作所", "システム", "物流", "電機", "食品", "工業", "デザイン"},
			suffixes: []string{"株式会社", "合同会社", "有限会社"},
			streets:  []string{"丸の内1-9-1", "西新宿2-8-1", "梅田3-1-3", "栄3-4-5"},
			cities:   []cityInfo{{"Tōkyō", "100-0005", ""}, {"Ōsaka", "530-0001", ""}, {"Nagoya", "460-0008", ""}, {"Sapporo", "060-0001", ""}},
		},
		{
			country: "SN", currency: "XOF", language: "fr", timezone: "Africa/Dakar", taxRate: 18, emailTLD: "sn",
			first:    []string{"Aïssatou", "Mamadou", "Fatou", "Ousmane", "Awa", "Cheikh", "Mariama", "Ibrahima"},
			last:     []string{"Diop", "Ndiaye", "Sow", "Fall", "Diallo", "Sène", "Faye", "Gueye"},
			stems:    []string{"Teranga", "Baobab", "Sahel", "Casamance", "Gorée", "Lac Rose", "Almadies", "Saloum"},
			trades:   []string{"Télécom", "Logistique", "Agro", "Transports", "Solaire", "Services", "Import-Export", "Numérique"},
			suffixes: []string{"SA", "SARL", "SUARL"},
			streets:  []string{"avenue Léopold Sédar Senghor", "rue Carnot", "boulevard de la République", "route de Ngor"},
			cities:   []cityInfo{{"Dakar", "10200", ""}, {"Thiès", "21000", ""}, {"Saint-Louis", "32000", ""}, {"Ziguinchor", "27000", ""}},
		},
		{
			country: "KW", currency: "KWD", language: "en", timezone: "Asia/Kuwait", taxRate: 0, emailTLD: "com.kw",
			first:    []string{"Fahad", "Noura", "Abdullah", "Mariam", "Yousef", "Fatima", "Khalid", "Dana"},
			last:     []string{"Al-Sabah", "Al-Mutairi", "Al-Ajmi", "Al-Enezi", "Al-Rashidi", "Behbehani", "Al-Kandari", "Al-Shammari"},
			stems:    []string{"Gulf Horizon", "Al Manara", "Pearl Bay", "Desert Rose", "Failaka", "Al Hamra", "Sharq", "Salmiya"},
			trades:   []string{"Trading", "Consulting", "Contracting", "General Trading", "Logistics", "Engineering", "Foodstuff"},
			suffixes: []string{"Co. W.L.L.", "K.S.C.C.", "Co.", "Group"},
			streets:  []string{"Fahad Al-Salem Street", "Gulf Road", "Abdullah Al-Ahmad Street", "Salem Al-Mubarak Street"},
			cities:   []cityInfo{{"Kuwait City", "13001", ""}, {"Salmiya", "22001", ""}, {"Hawalli", "32001", ""}},
		},
		{
			country: "SE", currency: "SEK", language: "en", timezone: "Europe/Stockholm", taxRate: 25, vatPrefix: "SE", emailTLD: "se",
			first:    []string{"Åsa", "Björn", "Linnéa", "Gösta", "Märta", "Sven", "Ingrid", "Örjan"},
			last:     []string{"Öberg", "Åström", "Lindqvist", "Ekström", "Sjöberg", "Björk", "Holmgren", "Nyström"},
			stems:    []string{"Fjäll", "Skärgård", "Norrsken", "Älvdal", "Björkvik", "Sjöstad", "Granö", "Ljusdal"},
			trades:   []string{"Design", "Teknik", "Bygg", "Fisk", "Konsult", "Mejeri", "Resor", "Energi"},
			suffixes: []string{"AB", "HB", "AB (publ)"},
			streets:  []string{"Drottninggatan", "Kungsgatan", "Storgatan", "Götgatan", "Södra Vägen"},
			cities:   []cityInfo{{"Stockholm", "111 20", ""}, {"Göteborg", "411 05", ""}, {"Malmö", "211 20", ""}, {"Uppsala", "753 10", ""}},
		},
	}
}

// curatedName is a hand-picked customer name that exercises a client's
// text handling: accents, ligatures, CJK, apostrophes, ampersands, angle
// brackets.
type curatedName struct {
	name    string
	country string
	person  bool
}

func curatedNames() []curatedName {
	return []curatedName{
		{"Société Générale de Café", "FR", false},
		{"Müller GmbH", "DE", false},
		{"株式会社サンプル", "JP", false},
		{"Åsa Öberg AB", "SE", false},
		{"Zoë's Bakery", "GB", false},
		{"Crème & Châtaigne SARL", "FR", false},
		{"Bäckerei Groß & Söhne KG", "DE", false},
		{"Acme Corporation", "US", false},
		{"Dakar Télécom Services SA", "SN", false},
		{"Al-Sabah General Trading Co. W.L.L.", "KW", false},
		{"山田 太郎", "JP", true},
		{"José Núñez", "US", true},
		{"Chloé Dubois", "FR", true},
		{"O'Brien & Daughters Ltd", "GB", false},
		{"Smith & Jones <Holdings> Ltd", "GB", false},
		{"Straße & Weg Architekten GmbH", "DE", false},
		{"Ōsaka Kōgyō 合同会社", "JP", false},
		{"Björk Design Studio AB", "SE", false},
		{"Teranga Logistique SARL", "SN", false},
		{"Northwind Traders LLC", "US", false},
		{"Łukasz Wiśniewski", "DE", true},
		{"Ünlü Yazılım GmbH", "DE", false},
		{"François Lemaître EI", "FR", false},
		{"Gulf Horizon Consulting K.S.C.C.", "KW", false},
	}
}
