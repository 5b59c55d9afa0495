package chatwootmock

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// reqCtx carries one request through authentication and its handler.
type reqCtx struct {
	s    *Server
	r    *http.Request
	p    params
	vars map[string]string

	badBody bool // unparsable JSON: Rails answers 400 before any controller code

	// Set by authenticate.
	token  string
	user   *user
	bot    *agentBot
	acct   *account
	member *accountUser // Current.account_user (nil for bots)

	resp      response
	after     []func() // deferred "jobs", run after the response is rendered
	afterKeys []string // dedupes deferred jobs

	outbound []outbound // webhook deliveries, sent once the state lock is released
}

func newReqCtx(s *Server, r *http.Request) *reqCtx {
	c := &reqCtx{s: s, r: r, resp: emptyResponse(http.StatusOK)}
	c.p, c.badBody = readParams(r)
	return c
}

func (c *reqCtx) ok(v any) { c.resp = jsonResponse(http.StatusOK, v) }
func (c *reqCtx) okEmpty() { c.resp = emptyResponse(http.StatusOK) }

func (c *reqCtx) fail(err error) {
	var e *apiError
	if errors.As(err, &e) {
		c.resp = e.response()
		return
	}
	c.resp = internalError().response()
}

// isAdmin reports whether the caller is an administrator of the current account.
func (c *reqCtx) isAdmin() bool { return c.member != nil && c.member.role == "administrator" }

// requireAdmin is the common Pundit rule "administrator only".
func (c *reqCtx) requireAdmin() error {
	if !c.isAdmin() {
		return notAuthorized()
	}
	return nil
}

// pathID parses a numeric path segment; anything else cannot be found.
func (c *reqCtx) pathID(name string) (int64, bool) {
	n, err := strconv.ParseInt(c.vars[name], 10, 64)
	return n, err == nil
}

// params is Rails' params: query string merged with the body (body wins). JSON numbers stay
// json.Number so that integer-vs-string distinctions Chatwoot cares about survive.
type params struct {
	m    map[string]any
	json bool // the body was JSON, so wrap_parameters applies
}

func readParams(r *http.Request) (params, bool) {
	p := params{m: map[string]any{}}
	for k, v := range parseRackParams(r.URL.Query()) {
		p.m[k] = v
	}
	if r.Body == nil {
		return p, false
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case mediaType == "application/json" || strings.HasSuffix(mediaType, "+json"):
		p.json = true
		if len(bytes.TrimSpace(raw)) == 0 {
			return p, false
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var body any
		if err := dec.Decode(&body); err != nil {
			return p, true
		}
		if m, ok := body.(map[string]any); ok {
			for k, v := range m {
				p.m[k] = v
			}
		} else {
			p.m["_json"] = body // Rails keeps non-object JSON under _json
		}
	case mediaType == "application/x-www-form-urlencoded":
		if vals, err := url.ParseQuery(string(raw)); err == nil {
			for k, v := range parseRackParams(vals) {
				p.m[k] = v
			}
		}
	}
	return p, false
}

// parseRackParams nests "a[b]" and "a[]" keys the way Rack does for query and form bodies.
func parseRackParams(vals url.Values) map[string]any {
	out := map[string]any{}
	for key, list := range vals {
		for _, v := range list {
			setRackParam(out, key, v)
		}
	}
	return out
}

func setRackParam(m map[string]any, key, value string) {
	name, rest, nested := strings.Cut(key, "[")
	if !nested {
		m[key] = value
		return
	}
	if strings.HasPrefix(rest, "]") {
		list, _ := m[name].([]any)
		m[name] = append(list, value)
		return
	}
	inner, after, _ := strings.Cut(rest, "]")
	child, _ := m[name].(map[string]any)
	if child == nil {
		child = map[string]any{}
		m[name] = child
	}
	setRackParam(child, inner+after, value)
}

func (p params) has(k string) bool { _, ok := p.m[k]; return ok }
func (p params) get(k string) any  { return p.m[k] }

// wrapped implements `params.require(model)` after wrap_parameters: a JSON body's top-level keys
// that are model columns (all keys when columns is nil) are copied under model, unless the body
// already nests them. A blank result raises ParameterMissing.
func (p params) wrapped(model string, columns []string) (map[string]any, error) {
	if v, ok := p.m[model]; ok {
		m, isMap := v.(map[string]any)
		if !isMap || len(m) == 0 {
			return nil, paramMissing(model)
		}
		return m, nil
	}
	if !p.json {
		return nil, paramMissing(model)
	}
	out := map[string]any{}
	for k, v := range p.m {
		if k == "_json" {
			continue
		}
		if columns == nil || containsString(columns, k) {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil, paramMissing(model)
	}
	return out, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var numericPrefix = regexp.MustCompile(`^\s*[+-]?\d+`)

// castInt is ActiveModel's integer cast used by find_by(id: …): integers and numeric strings
// ("5", "5abc") become numbers; nil, "", and non-numeric strings become nil.
func castInt(v any) (int64, bool) {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, true
		}
		if f, err := x.Float64(); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return int64(f), true
		}
	case string:
		if m := numericPrefix.FindString(x); m != "" {
			n, err := strconv.ParseInt(strings.TrimSpace(m), 10, 64)
			return n, err == nil
		}
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case float64:
		return int64(x), true
	case int64:
		return x, true
	case int:
		return int64(x), true
	}
	return 0, false
}

// rubyToI is Ruby's #to_i: nil and non-numeric strings are 0.
func rubyToI(v any) int64 {
	n, _ := castInt(v)
	if _, isBool := v.(bool); isBool {
		return 0 // true.to_i raises in Ruby; treated as 0 here since no id is 0
	}
	return n
}

// jsonInt is a strict JSON integer; Chatwoot's `include?` comparisons only match real integers.
func jsonInt(v any) (int64, bool) {
	if x, ok := v.(json.Number); ok {
		if n, err := x.Int64(); err == nil {
			return n, true
		}
	}
	return 0, false
}

// castBool is ActiveModel's boolean cast; ok is false for nil and "".
func castBool(v any) (val bool, ok bool) {
	switch x := v.(type) {
	case nil:
		return false, false
	case bool:
		return x, true
	case json.Number:
		return x.String() != "0", true
	case string:
		switch x {
		case "":
			return false, false
		case "0", "f", "F", "false", "FALSE", "off", "OFF":
			return false, true
		}
		return true, true
	}
	return true, true
}

// present is Ruby's #present?.
func present(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return strings.TrimSpace(x) != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// strVal renders a param as Rails would store it in a string column.
func strVal(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	}
	b, _ := json.Marshal(v)
	return string(b), true
}

// nullableStr is a string column value: nil stays null.
func nullableStr(v any) any {
	if s, ok := strVal(v); ok {
		return s
	}
	return nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
