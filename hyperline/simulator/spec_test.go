package simulator

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The published OpenAPI spec (a facts-only extract) is the simulator's
// source of truth; these helpers check the simulator's JSON against it.

const specPath = "../testdata/openapi/spec-extract.json"

// specDoc is the extract, loaded once for every test.
var specDoc = sync.OnceValues(func() (map[string]any, error) {
	b, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	return doc, json.Unmarshal(b, &doc)
})

// specCompiler compiles schemas of the extract by JSON pointer, once each.
var specCompiler = sync.OnceValues(func() (*jsonschema.Compiler, error) {
	b, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("spec.json", doc); err != nil {
		return nil, err
	}
	return c, nil
})

var (
	specSchemasMu sync.Mutex
	specSchemas   = map[string]*jsonschema.Schema{}
)

// escapePointer escapes one JSON pointer token.
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// responsePointer is the JSON pointer of an operation's JSON response
// schema, e.g. responsePointer("/v2/customers", "200").
func responsePointer(path, status string) string {
	return "/paths/" + escapePointer(path) + "/get/responses/" + status + "/content/application~1json/schema"
}

// specNode follows a JSON pointer into the extract.
func specNode(t *testing.T, ptr string) any {
	t.Helper()
	doc, err := specDoc()
	if err != nil {
		t.Fatalf("load spec: %v", err)
	}
	var node any = doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := node.(map[string]any)
		if !ok {
			t.Fatalf("spec pointer %s: %q is not in an object", ptr, tok)
		}
		if node, ok = m[tok]; !ok {
			t.Fatalf("spec pointer %s: no %q", ptr, tok)
		}
	}
	return node
}

// checkSpec validates body against the schema at ptr (a JSON pointer into
// the extract) and reports keys the schema does not define.
func checkSpec(t *testing.T, ptr string, body []byte) {
	t.Helper()
	specSchemasMu.Lock()
	sch, ok := specSchemas[ptr]
	if !ok {
		c, err := specCompiler()
		if err != nil {
			specSchemasMu.Unlock()
			t.Fatalf("load spec: %v", err)
		}
		if sch, err = c.Compile("spec.json#" + ptr); err != nil {
			specSchemasMu.Unlock()
			t.Fatalf("compile %s: %v", ptr, err)
		}
		specSchemas[ptr] = sch
	}
	specSchemasMu.Unlock()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("decode body: %v: %.200s", err, body)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s: %v", ptr, err)
	}
	var raw any
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatalf("decode body: %v", err)
	}
	var unknown []string
	unknownKeys(t, []any{specNode(t, ptr)}, raw, "", &unknown)
	slices.Sort(unknown)
	if unknown = slices.Compact(unknown); len(unknown) > 0 {
		t.Errorf("%s: keys the spec does not define: %v", ptr, unknown)
	}
}

// expand resolves $ref and flattens allOf, anyOf and oneOf into the set of
// plain schemas an instance may be checked against.
func expand(t *testing.T, schemas []any) []map[string]any {
	t.Helper()
	var out []map[string]any
	var visit func(s any, depth int)
	visit = func(s any, depth int) {
		m, ok := s.(map[string]any)
		if !ok || depth > 20 {
			return
		}
		if ref, ok := m["$ref"].(string); ok {
			visit(specNode(t, strings.TrimPrefix(ref, "#")), depth+1)
			return
		}
		out = append(out, m)
		for _, k := range []string{"allOf", "anyOf", "oneOf"} {
			if list, ok := m[k].([]any); ok {
				for _, sub := range list {
					visit(sub, depth+1)
				}
			}
		}
	}
	for _, s := range schemas {
		visit(s, 0)
	}
	return out
}

// unknownKeys walks v along schemas and collects the paths of object keys
// that none of the schemas defines.
func unknownKeys(t *testing.T, schemas []any, v any, at string, out *[]string) {
	t.Helper()
	flat := expand(t, schemas)
	switch x := v.(type) {
	case map[string]any:
		props := map[string][]any{}
		open := false
		for _, s := range flat {
			if _, ok := s["additionalProperties"]; ok {
				open = true
			}
			if p, ok := s["properties"].(map[string]any); ok {
				for k, sub := range p {
					props[k] = append(props[k], sub)
				}
			}
		}
		for k, sub := range x {
			if subs, ok := props[k]; ok {
				unknownKeys(t, subs, sub, at+"."+k, out)
			} else if !open {
				*out = append(*out, at+"."+k)
			}
		}
	case []any:
		var items []any
		for _, s := range flat {
			if it, ok := s["items"]; ok {
				items = append(items, it)
			}
		}
		for _, e := range x {
			unknownKeys(t, items, e, at+"[]", out)
		}
	}
}
