package debuglog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// redacted stands in for every value that is not shown.
const redacted = "[redacted]"

// secretKeys are the query, form and JSON keys whose values are never
// shown. client_id is not among them: it is public, and support needs it.
var secretKeys = map[string]bool{
	"access_token": true, "refresh_token": true, "id_token": true, "token": true,
	"code": true, "code_verifier": true, "state": true,
	"client_secret": true, "client_assertion": true, "assertion": true,
	"password": true, "api_key": true, "apikey": true, "key": true, "secret": true,
	"authorization": true, "cookie": true, "session": true,
}

// sensitive reports whether the value of key must be hidden. Beyond the
// known names, any key that mentions a token, secret or password is hidden
// too: a false positive costs a little debugging, a miss leaks a secret.
func sensitive(key string) bool {
	k := strings.ToLower(strings.TrimSpace(key))
	if secretKeys[k] {
		return true
	}
	for _, part := range []string{"token", "secret", "passw", "api_key", "apikey"} {
		if strings.Contains(k, part) {
			return true
		}
	}
	return false
}

// redactQuery shows a raw query as key=value pairs in key order, with the
// values of sensitive keys replaced.
// Their values are added to known.
func redactQuery(raw string, known *knownSecrets) string {
	if raw == "" {
		return ""
	}
	q, _ := url.ParseQuery(raw) // what parses is shown; the rest is dropped
	return formatValues(q, "&", known)
}

// redactFields shows the fields of an OAuth request body, form-encoded or a
// JSON object, as "key=value" separated by spaces, values of sensitive keys
// replaced and added to known.
func redactFields(body []byte, contentType string, known *knownSecrets) string {
	trimmed := bytes.TrimSpace(body)
	if !strings.Contains(contentType, "json") && !bytes.HasPrefix(trimmed, []byte("{")) {
		q, err := url.ParseQuery(string(trimmed))
		if err != nil && len(q) == 0 {
			return "[unreadable form body]"
		}
		return formatValues(q, " ", known)
	}
	var fields map[string]any
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	if err := dec.Decode(&fields); err != nil {
		return "[unreadable JSON body]"
	}
	q := url.Values{}
	for k, v := range fields {
		switch v := v.(type) {
		case map[string]any:
			q.Set(k, "{…}")
		case []any:
			q.Set(k, "[…]")
		default:
			q.Set(k, fmt.Sprint(v))
		}
	}
	return formatValues(q, " ", known)
}

func formatValues(q url.Values, sep string, known *knownSecrets) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range q {
			if !yield(k) {
				return
			}
		}
	})
	var parts []string
	for _, k := range keys {
		for _, v := range q[k] {
			if sensitive(k) {
				known.add(v)
				v = redacted
			} else {
				v = redactText(v)
			}
			parts = append(parts, redactText(k)+"="+v)
		}
	}
	return strings.Join(parts, sep)
}

// redactJSON replaces the values of sensitive keys anywhere in a JSON
// document, so an error body that echoes a token does not carry it into the
// log. Text that is not valid JSON (or was cut short) is returned as it is,
// for redactText to scrub.
func redactJSON(b []byte) []byte {
	if !json.Valid(b) {
		return b
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return b
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(redactValue(v)); err != nil {
		return b
	}
	return bytes.TrimRight(out.Bytes(), "\n")
}

func redactValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if sensitive(k) {
				v[k] = redacted
			} else {
				v[k] = redactValue(x)
			}
		}
	case []any:
		for i, x := range v {
			v[i] = redactValue(x)
		}
	}
	return v
}

// redactText makes free text from a server or an error safe for the log:
// one line, no terminal controls, secrets scrubbed. It scrubs both before
// and after termsafe.Line, since removing an invisible character can join
// a key to its value and replacing a control can split a token.
func redactText(s string) string {
	return scrubText(termsafe.Line(scrubText(s)))
}

var (
	// "key": "value" and "key": 123 in JSON, even when cut short.
	jsonPairRE = regexp.MustCompile(`"((?:[^"\\]|\\.){1,64})"(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^,}\]\s]+)`)
	// key=value and key: value in forms, queries, headers and prose.
	textPairRE = regexp.MustCompile(`([A-Za-z0-9_.-]+)(=|:[ \t]*)(["']?[^&?#=\s"',;<>]+)`)
	bearerRE   = regexp.MustCompile(`(?i)\b(bearer)(\s+)[A-Za-z0-9._~+/-]+=*`)
	basicRE    = regexp.MustCompile(`(?i)\b(basic)(\s+)[A-Za-z0-9+/]{8,}=*`)
	// API keys and tokens by shape: hl_…, sk_live_…, and JWTs.
	apiKeyRE = regexp.MustCompile(`\b(hl_|sk_|pk_|rk_)()[A-Za-z0-9_-]{16,}`)
	jwtRE    = regexp.MustCompile(`\b(eyJ)()[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`)
)

// scrubText replaces secrets in free text: values of sensitive keys,
// bearer and basic credentials, and anything shaped like an API key or a
// JWT, whatever surrounds it.
func scrubText(s string) string {
	s = replacePairs(jsonPairRE, s, func(key string) bool {
		var k string
		if json.Unmarshal([]byte(`"`+key+`"`), &k) != nil {
			k = key
		}
		return sensitive(k)
	}, `"`+redacted+`"`)
	// Credentials first: "Authorization: Bearer X" would otherwise lose
	// only the word Bearer, as the value of a sensitive key.
	for _, re := range []*regexp.Regexp{bearerRE, basicRE, apiKeyRE, jwtRE} {
		s = re.ReplaceAllString(s, "${1}${2}"+redacted)
	}
	return replacePairs(textPairRE, s, sensitive, redacted)
}

// replacePairs replaces group 3 of each match of re with with, when hide
// says group 1 (the key) is sensitive. Group 2 (the separator) is kept.
func replacePairs(re *regexp.Regexp, s string, hide func(string) bool, with string) string {
	matches := re.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		if !hide(s[m[2]:m[3]]) {
			continue
		}
		b.WriteString(s[last:m[6]])
		b.WriteString(with)
		last = m[7]
	}
	b.WriteString(s[last:])
	return b.String()
}
