package api

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/itchyny/gojq"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// jqFilter is a compiled --jq expression. gojq is the jq that gh api --jq
// uses: the whole language, in Go, with no cgo or binary to install.
type jqFilter struct{ code *gojq.Code }

// compileJQ parses expr; "" is no filter.
func compileJQ(expr string) (*jqFilter, error) {
	if expr == "" {
		return nil, nil
	}
	q, err := gojq.Parse(expr)
	if err != nil {
		return nil, cmdutil.UsageErrorf("--jq: %v", err)
	}
	code, err := gojq.Compile(q)
	if err != nil {
		return nil, cmdutil.UsageErrorf("--jq: %v", err)
	}
	return &jqFilter{code: code}, nil
}

// print runs the filter on body and prints each result on its own line:
// a string raw (as jq -r), anything else as JSON, both terminal-safe.
func (f *jqFilter) print(w io.Writer, body []byte) error {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("--jq: the answer is not JSON: %w", err)
	}
	iter := f.code.Run(v)
	for {
		r, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, ok := r.(error); ok {
			if err, ok := err.(*gojq.HaltError); ok && err.Value() == nil {
				return nil
			}
			return fmt.Errorf("--jq: %w", err)
		}
		if s, ok := r.(string); ok {
			if _, err := fmt.Fprintln(w, termsafe.Block(s)); err != nil {
				return err
			}
			continue
		}
		raw, err := gojq.Marshal(r)
		if err != nil {
			return fmt.Errorf("--jq: %w", err)
		}
		out, err := termsafe.JSON(raw)
		if err != nil {
			return fmt.Errorf("--jq: %w", err)
		}
		if _, err := fmt.Fprintf(w, "%s\n", out); err != nil {
			return err
		}
	}
}
