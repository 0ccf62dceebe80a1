package simulator

// Hostile data (Config.Hostile): names written by strangers that try to
// take over the terminal showing them. The oldest (smallest) company gets
// a hostile name and every one of its customers one of these names, so a
// client can be tried on them: the JSON stays valid (encoding/json writes
// C0 controls as \u escapes; C1 controls and bidi marks go as UTF-8), the
// terminal must never receive them raw.

// hostileCompanyName clears the screen and sets the window title.
const hostileCompanyName = "Hostile\x1b[2J\x1b]0;pwned\x07 Holdings"

// hostilePublicURLs are public_url values of the hostile company's
// invoices that are not web pages. The spec types public_url as a URI, so
// each one is a valid absolute URI: one a browser or a shell would still
// act on (a local file, script, an inline page, a disguised host, no host,
// a command substitution). Values that are not URIs at all ("-flag …",
// raw escapes) would break the spec; the client's own tests cover them.
func hostilePublicURLs(base string) []string {
	return []string{
		"file:///etc/passwd",
		"javascript:alert(document.cookie)",
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
		"https://app.hyperline.co@evil.example/login",
		"https:///no-host",
		base + "/public/invoices/$(touch%20pwned)",
		"ssh://evil.example/",
	}
}

// hostilePublicURL is the public_url of invoice id of the hostile company:
// most are hostile, one in eight the real page, so both can be tried.
func hostilePublicURL(base, id string, n int) string {
	urls := hostilePublicURLs(base)
	if n%(len(urls)+1) == len(urls) {
		return base + "/public/invoices/" + id
	}
	return urls[n%(len(urls)+1)]
}

// hostileUserName is the signed-in user's name in hostile mode: a
// clipboard write, a device status query, a DCS string, a C1 control, a
// right-to-left override and a zero-width space.
const hostileUserName = "Camille\x1b]52;c;SE9TVElMRQ==\x07 \x1b[6n\x1bPq#0\x1b\\Lef\u0085\u202eèvre\u200b"

// hostileNames are the customer names of the hostile company, one attack
// each: screen and cursor control, the OSC 52 clipboard write, an OSC 8
// hyperlink, a C1 CSI, BEL, a right-to-left override, zero-width and
// invisible characters, tabs and newlines, and colour around wide text.
func hostileNames() []string {
	return []string{
		"Evil\x1b[2J\x1b[H Corp",
		"Clip\x1b]52;c;SE9TVElMRQ==\x07board SA",
		"Link\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ Ltd",
		"C1\u009b31mred GmbH",
		"Bell\x07\x07 Ltd",
		"Invoice\u202efdp.exe\u202c Sarl",
		"Zero\u200bwidth\u2060\ufeff Inc",
		"Tab\tand\nnew\rline LLC",
		"Cursor\x1b[10A\x1b[5Cup AB",
		"日本\x1b[31m赤\x1b[0m株式会社",
	}
}
