package hyperline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The spec contract: a facts-only extract of Hyperline's published OpenAPI
// 3.1 spec (testdata/openapi/spec-extract.json: paths, parameters, schemas,
// enums and required fields of the operations the client uses; its
// "x-source" names the repository, file and commit it came from), and the
// checks the contract tests run against it.

const specFile = "testdata/openapi/spec-extract.json"

// specURL is the extract's resource URL for the schema compiler.
const specURL = "file:///spec-extract.json"

// spec is the loaded extract with a schema compiler over it.
type spec struct {
	doc      map[string]any
	compiler *jsonschema.Compiler
	mu       sync.Mutex
	compiled map[string]*jsonschema.Schema
}

var (
	loadSpecOnce sync.Once
	loadedSpec   *spec
	loadSpecErr  error
)

// loadSpec reads the extract once per test binary.
func loadSpec(t testing.TB) *spec {
	t.Helper()
	loadSpecOnce.Do(func() {
		raw, err := os.ReadFile(filepath.FromSlash(specFile))
		if err != nil {
			loadSpecErr = err
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			loadSpecErr = fmt.Errorf("parse %s: %w", specFile, err)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		if err := c.AddResource(specURL, doc); err != nil {
			loadSpecErr = err
			return
		}
		loadedSpec = &spec{doc: doc.(map[string]any), compiler: c, compiled: map[string]*jsonschema.Schema{}}
	})
	if loadSpecErr != nil {
		t.Fatalf("load the spec extract: %v", loadSpecErr)
	}
	return loadedSpec
}

// pointer is a JSON pointer to the extract from its path segments.
func pointer(segs ...string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// schemaAt compiles (once) the schema at a JSON pointer of the extract.
func (s *spec) schemaAt(ptr string) (*jsonschema.Schema, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sch, ok := s.compiled[ptr]; ok {
		return sch, nil
	}
	sch, err := s.compiler.Compile(specURL + "#" + ptr)
	if err != nil {
		return nil, err
	}
	s.compiled[ptr] = sch
	return sch, nil
}

// at is the node of the extract at a JSON pointer (nil if none).
func (s *spec) at(segs ...string) any {
	var node any = s.doc
	for _, seg := range segs {
		switch n := node.(type) {
		case map[string]any:
			node = n[seg]
		case []any:
			i := 0
			if _, err := fmt.Sscan(seg, &i); err != nil || i < 0 || i >= len(n) {
				return nil
			}
			node = n[i]
		default:
			return nil
		}
	}
	return node
}

// resolve follows a local $ref ("#/components/schemas/X").
func (s *spec) resolve(node any) any {
	for range 32 {
		m, ok := node.(map[string]any)
		if !ok {
			return node
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return node
		}
		var segs []string
		for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			segs = append(segs, strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~"))
		}
		node = s.at(segs...)
	}
	return node
}

// operation finds the spec's operation for a method and a concrete path
// ("/v2/customers/cus_1" matches "/v2/customers/{id}"); the template is ""
// when the spec has none.
func (s *spec) operation(method, path string) (template string, op map[string]any) {
	paths, _ := s.doc["paths"].(map[string]any)
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var templates []string
	for tpl := range paths {
		templates = append(templates, tpl)
	}
	sort.Strings(templates) // literal segments sort before "{": the most specific wins
	for _, tpl := range templates {
		tsegs := strings.Split(strings.Trim(tpl, "/"), "/")
		if len(tsegs) != len(segs) {
			continue
		}
		match := true
		for i := range tsegs {
			if !strings.HasPrefix(tsegs[i], "{") && tsegs[i] != segs[i] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if op, ok := paths[tpl].(map[string]any)[strings.ToLower(method)].(map[string]any); ok {
			return tpl, op
		}
	}
	return "", nil
}

// checkQuery reports the query parameters the operation does not declare,
// values its schema refuses, and required ones that are missing.
func (s *spec) checkQuery(method, template string, op map[string]any, query map[string][]string) []string {
	var problems []string
	params, _ := op["parameters"].([]any)
	declared := map[string]int{}
	for i, p := range params {
		pm, _ := s.resolve(p).(map[string]any)
		if pm["in"] == "query" {
			declared[pm["name"].(string)] = i
		}
	}
	for name, values := range query {
		i, ok := declared[name]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s %s: query parameter %q is not in the spec", method, template, name))
			continue
		}
		sch, err := s.schemaAt(pointer("paths", template, strings.ToLower(method), "parameters", fmt.Sprint(i), "schema"))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s %s: compile the schema of %q: %v", method, template, name, err))
			continue
		}
		for _, v := range values {
			if !paramValueValid(sch, v) {
				problems = append(problems, fmt.Sprintf("%s %s: %s=%q is not a value the spec allows", method, template, name, v))
			}
		}
	}
	for name, i := range declared {
		pm, _ := s.resolve(params[i]).(map[string]any)
		if req, _ := pm["required"].(bool); req && len(query[name]) == 0 {
			problems = append(problems, fmt.Sprintf("%s %s: required query parameter %q is missing", method, template, name))
		}
	}
	sort.Strings(problems)
	return problems
}

// paramValueValid checks a query value against its schema, read as a
// string or, for numbers and booleans, as the JSON literal it spells.
func paramValueValid(sch *jsonschema.Schema, v string) bool {
	if sch.Validate(v) == nil {
		return true
	}
	lit, err := jsonschema.UnmarshalJSON(strings.NewReader(v))
	if err != nil {
		return false
	}
	switch lit.(type) {
	case json.Number, bool:
		return sch.Validate(lit) == nil
	}
	return false
}

// checkResponse validates a JSON response body against the schema the
// operation documents for its status, and reports any object key the
// schema does not know (a renamed or invented field).
func (s *spec) checkResponse(method, template string, op map[string]any, status int, body []byte) []string {
	where := fmt.Sprintf("%s %s → %d", method, template, status)
	resp, _ := s.at("paths", template, strings.ToLower(method), "responses", fmt.Sprint(status)).(map[string]any)
	if resp == nil {
		return []string{where + ": status not documented by the spec"}
	}
	content, _ := resp["content"].(map[string]any)
	if _, ok := content["application/json"]; !ok {
		return nil // a file, a redirect or no body: nothing to validate as JSON
	}
	segs := []string{"paths", template, strings.ToLower(method), "responses", fmt.Sprint(status), "content", "application/json", "schema"}
	sch, err := s.schemaAt(pointer(segs...))
	if err != nil {
		return []string{fmt.Sprintf("%s: compile schema: %v", where, err)}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return []string{fmt.Sprintf("%s: body is not JSON: %v", where, err)}
	}
	var problems []string
	if err := sch.Validate(inst); err != nil {
		problems = append(problems, fmt.Sprintf("%s: %v", where, err))
	}
	for _, k := range s.unknownKeys([]any{s.at(segs...)}, inst, "$") {
		problems = append(problems, fmt.Sprintf("%s: %s is not in the spec's schema", where, k))
	}
	return problems
}

// branches is a schema and everything it is composed of (after $ref,
// through allOf, anyOf and oneOf).
func (s *spec) branches(node any, out []map[string]any) []map[string]any {
	m, ok := s.resolve(node).(map[string]any)
	if !ok {
		return out
	}
	out = append(out, m)
	for _, key := range []string{"allOf", "anyOf", "oneOf"} {
		list, _ := m[key].([]any)
		for _, sub := range list {
			out = s.branches(sub, out)
		}
	}
	return out
}

// unknownKeys lists the object keys in value (at path) that none of the
// schemas declares, recursing into the properties and items they do.
func (s *spec) unknownKeys(schemas []any, value any, path string) []string {
	var all []map[string]any
	for _, sch := range schemas {
		all = s.branches(sch, all)
	}
	var out []string
	switch v := value.(type) {
	case map[string]any:
		props := map[string][]any{}
		open := false
		for _, b := range all {
			if p, ok := b["properties"].(map[string]any); ok {
				for k, sub := range p {
					props[k] = append(props[k], sub)
				}
			}
			if ap, ok := b["additionalProperties"]; ok && ap != false {
				open = true
			}
		}
		if len(props) == 0 {
			return nil // a free-form object (properties, custom_properties)
		}
		for k, field := range v {
			subs, ok := props[k]
			if !ok {
				if !open {
					out = append(out, path+"."+k)
				}
				continue
			}
			out = append(out, s.unknownKeys(subs, field, path+"."+k)...)
		}
	case []any:
		var items []any
		for _, b := range all {
			if it, ok := b["items"]; ok {
				items = append(items, it)
			}
		}
		for i, el := range v {
			if i > 3 { // the first few items show a wrong shape
				break
			}
			out = append(out, s.unknownKeys(items, el, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
