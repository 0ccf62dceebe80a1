package simulator

import (
	"bytes"
	"encoding/json"
)

// jsonObject writes a JSON object key by key, in order, for the wire types
// whose keys depend on their variant. Values are encoded like the rest of
// the body: without HTML escaping.
type jsonObject struct {
	buf bytes.Buffer
	err error
}

// add appends one key and its value.
func (o *jsonObject) add(key string, v any) {
	if o.err != nil {
		return
	}
	if o.buf.Len() == 0 {
		o.buf.WriteByte('{')
	} else {
		o.buf.WriteByte(',')
	}
	k, _ := json.Marshal(key)
	o.buf.Write(k)
	o.buf.WriteByte(':')
	enc := json.NewEncoder(&o.buf)
	enc.SetEscapeHTML(false)
	o.err = enc.Encode(v)
	if o.err == nil {
		o.buf.Truncate(o.buf.Len() - 1) // the Encoder's newline
	}
}

// bytes closes the object and returns it.
func (o *jsonObject) bytes() ([]byte, error) {
	if o.err != nil {
		return nil, o.err
	}
	if o.buf.Len() == 0 {
		return []byte("{}"), nil
	}
	o.buf.WriteByte('}')
	return o.buf.Bytes(), nil
}
