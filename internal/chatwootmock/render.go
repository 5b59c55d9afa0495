package chatwootmock

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"
)

// field and obj render a JSON object with keys in a fixed order: Chatwoot's jbuilder views emit
// keys in a stable order and clients (and humans diffing bodies) see it.
type field struct {
	k string
	v any
}

type obj []field

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.k)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(f.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// iso renders a timestamp the way Rails' as_json does: UTC with milliseconds.
func iso(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func isoOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return iso(*t)
}

// epochOrZero mirrors jbuilder's `time.to_i`, which is 0 for nil.
func epochOrZero(t *time.Time) int64 {
	if t == nil {
		return 0
	}
	return t.Unix()
}

// epochFloat mirrors `updated_at.to_f`: seconds with microseconds.
func epochFloat(t time.Time) float64 { return float64(t.UnixMicro()) / 1e6 }

// response is a fully rendered HTTP answer, built while the state lock is held.
type response struct {
	status      int
	contentType string
	body        []byte
}

func (r response) write(w http.ResponseWriter) {
	if r.contentType != "" {
		w.Header().Set("Content-Type", r.contentType)
	}
	w.WriteHeader(r.status)
	if len(r.body) > 0 {
		_, _ = w.Write(r.body)
	}
}

func jsonResponse(status int, v any) response {
	body, err := json.Marshal(v)
	if err != nil {
		return response{status: 500, contentType: "application/json; charset=utf-8", body: []byte(`{"status":500,"error":"Internal Server Error"}`)}
	}
	return response{status: status, contentType: "application/json; charset=utf-8", body: body}
}

// emptyResponse is Rails' `head :ok` / `head :no_content`.
func emptyResponse(status int) response { return response{status: status} }

// cloneMap gives rendered JSON its own copy of a stored hash.
func cloneMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func orEmptyMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
