package hyperline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Success bodies are decoded in one pass by encoding/json/v2 (the
// go-json-experiment mirror, which becomes the standard library's under
// goexperiment.jsonv2): it checks the syntax as it decodes, so a body is
// read once, and a list item's exact bytes are the stretch of the body its
// decoding covered. encoding/json would scan every body twice (validate,
// then decode) and every item twice more to keep its Raw.

// decodeOptions keeps what encoding/json tolerated: a repeated name (the
// last one wins) and invalid UTF-8 (replaced by U+FFFD). Field names are
// matched exactly, as the spec writes them. The models decode their fields
// only: Raw is filled by the caller, from the body.
var decodeOptions = jsonv2.JoinOptions(
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
	jsonv2.WithUnmarshalers(modelFields),
)

// modelFields decodes the models with a Raw field without their
// encoding/json UnmarshalJSON (which copies the bytes and parses them
// again): each decodes its fields through a local type without methods.
// Like encoding/json, null leaves the value as it is.
var modelFields = jsonv2.JoinUnmarshalers(
	fieldsOf(func(c *Customer) any { type fields Customer; return (*fields)(c) }),
	fieldsOf(func(s *Subscription) any { type fields Subscription; return (*fields)(s) }),
	fieldsOf(func(inv *Invoice) any { type fields Invoice; return (*fields)(inv) }),
	fieldsOf(func(c *Company) any { type fields Company; return (*fields)(c) }),
	fieldsOf(func(w *Wallet) any { type fields Wallet; return (*fields)(w) }),
	fieldsOf(func(a *App) any { type fields App; return (*fields)(a) }),
	fieldsOf(func(u *UserInfo) any { type fields UserInfo; return (*fields)(u) }),
)

// fieldsOf is the unmarshaler of *T through the method-less view fields(v).
func fieldsOf[T any](fields func(*T) any) *jsonv2.Unmarshalers {
	return jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *T) error {
		if dec.PeekKind() == 'n' {
			_, err := dec.ReadToken()
			return err
		}
		return jsonv2.UnmarshalDecode(dec, fields(v))
	})
}

// rawHolder is a model that keeps the exact JSON the API sent (its Raw).
type rawHolder interface{ setRaw(json.RawMessage) }

// keepRaw stores b as v's Raw when v holds one. b is capped so that an
// append to Raw can never write over the bytes that follow it.
func keepRaw(v any, b []byte) {
	if h, ok := v.(rawHolder); ok && len(b) > 0 && !isJSONNull(b) {
		h.setRaw(json.RawMessage(b[:len(b):len(b)]))
	}
}

// decodeObject decodes a whole body into out in one pass and, when out is
// a model, keeps the body as its Raw.
func decodeObject(body []byte, out any) error {
	if err := jsonv2.Unmarshal(body, out, decodeOptions); err != nil {
		return err
	}
	keepRaw(out, bytes.TrimSpace(body))
	return nil
}

// isJSONNull reports whether b is the JSON literal null (surrounding space allowed).
func isJSONNull(b []byte) bool {
	return bytes.Equal(bytes.TrimSpace(b), []byte("null"))
}

// decodeKeepingRaw decodes b into *alias (the model viewed through a local type
// without methods, so the model's own UnmarshalJSON does not recurse) and
// stores a private copy of b in *raw. Like encoding/json, null is a no-op.
// It serves callers that decode a model with encoding/json; the client
// itself decodes with decodeObject and decodeEnvelope.
func decodeKeepingRaw[A any](b []byte, alias *A, raw *json.RawMessage) error {
	if isJSONNull(b) {
		return nil
	}
	if err := json.Unmarshal(b, alias); err != nil {
		return err
	}
	*raw = append(json.RawMessage(nil), bytes.TrimSpace(b)...)
	return nil
}

// errNotJSON marks a body that is not JSON at all (bad syntax, cut off, or
// more after the value), as opposed to JSON of the wrong shape.
var errNotJSON = errors.New("body is not valid JSON")

// notJSON wraps err with errNotJSON when it is a syntax error.
func notJSON(err error) error {
	var se *jsontext.SyntacticError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: %w", errNotJSON, err)
	}
	return err
}

// bodyError is the malformed-response error for a success body that did
// not decode: not JSON at all, or JSON of the wrong shape (what says what
// was being decoded).
func bodyError(method, path, what string, body []byte, err error) error {
	if errors.Is(notJSON(err), errNotJSON) {
		return malformed(method, path, "body is not valid JSON (%d bytes): %v", len(body), err)
	}
	return malformed(method, path, "%s: %v", what, err)
}
