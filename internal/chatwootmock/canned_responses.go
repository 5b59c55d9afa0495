package chatwootmock

import (
	"sort"
	"strings"
	"time"
)

var cannedColumns = []string{"content", "short_code"}

type cannedResponse struct {
	id        int64
	accountID int64
	shortCode string
	content   string
	createdAt time.Time
	updatedAt time.Time
}

// cannedJSON is CannedResponse#as_json: columns with ISO timestamps.
func cannedJSON(cr *cannedResponse) obj {
	return obj{{"id", cr.id}, {"account_id", cr.accountID}, {"short_code", cr.shortCode}, {"content", cr.content},
		{"created_at", iso(cr.createdAt)}, {"updated_at", iso(cr.updatedAt)}}
}

// listCannedResponses: any member. Without search there is no ORDER BY (the mock keeps insertion
// order); ?search= matches short code or content case-insensitively, ranked 1 for a short-code
// prefix, 0.5 for a short-code substring and 0.2 for a content match. A NUL byte in search is a
// database error (500) until 4.17.0, which strips it.
func (s *Server) listCannedResponses(c *reqCtx) error {
	search := strings.ToLower(stringParam(c.p, "search"))
	if strings.ContainsRune(search, 0) {
		if !s.versionAtLeast("4.17.0") {
			return internalError()
		}
		search = strings.ReplaceAll(search, "\x00", "")
	}
	type ranked struct {
		cr   *cannedResponse
		rank float64
	}
	var list []ranked
	for _, cr := range c.acct.cannedResponses {
		if search == "" {
			list = append(list, ranked{cr, 0})
			continue
		}
		code, content := strings.ToLower(cr.shortCode), strings.ToLower(cr.content)
		switch {
		case strings.HasPrefix(code, search):
			list = append(list, ranked{cr, 1})
		case strings.Contains(code, search):
			list = append(list, ranked{cr, 0.5})
		case strings.Contains(content, search):
			list = append(list, ranked{cr, 0.2})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].rank > list[j].rank })
	out := []any{}
	for _, r := range list {
		out = append(out, cannedJSON(r.cr))
	}
	c.ok(out)
	return nil
}

// There is no policy: agents may create, update and delete canned responses.
func (s *Server) createCannedResponse(c *reqCtx) error {
	body, err := c.p.wrapped("canned_response", cannedColumns)
	if err != nil {
		return err
	}
	now := s.now()
	cr := &cannedResponse{accountID: c.acct.id, createdAt: now, updatedAt: now}
	if err := applyCannedParams(c.acct, cr, body); err != nil {
		return err
	}
	cr.id = s.nextID("canned_responses")
	c.acct.cannedResponses = append(c.acct.cannedResponses, cr)
	c.ok(cannedJSON(cr))
	return nil
}

func (s *Server) fetchCanned(c *reqCtx) (*cannedResponse, error) {
	id, _ := c.pathID("id")
	for _, cr := range c.acct.cannedResponses {
		if cr.id == id {
			return cr, nil
		}
	}
	return nil, notFound()
}

func (s *Server) updateCannedResponse(c *reqCtx) error {
	cr, err := s.fetchCanned(c)
	if err != nil {
		return err
	}
	body, err := c.p.wrapped("canned_response", cannedColumns)
	if err != nil {
		return err
	}
	if err := applyCannedParams(c.acct, cr, body); err != nil {
		return err
	}
	cr.updatedAt = s.now()
	c.ok(cannedJSON(cr))
	return nil
}

// applyCannedParams: both fields required; short_code unique per account, case-sensitively, and
// stored as sent (neither stripped nor downcased).
func applyCannedParams(a *account, cr *cannedResponse, body map[string]any) error {
	next := *cr
	if v, ok := body["short_code"]; ok {
		next.shortCode, _ = strVal(v)
	}
	if v, ok := body["content"]; ok {
		next.content, _ = strVal(v)
	}
	// Chatwoot validates content before short_code.
	v := &validation{}
	if strings.TrimSpace(next.content) == "" {
		v.add("content", "Content can't be blank")
	}
	if strings.TrimSpace(next.shortCode) == "" {
		v.add("short_code", "Short code can't be blank")
	}
	for _, other := range a.cannedResponses {
		if other.id != cr.id && other.shortCode == next.shortCode && next.shortCode != "" {
			v.add("short_code", "Short code has already been taken")
		}
	}
	v.checkLength("short_code", "Short code", next.shortCode, 255)
	v.checkLength("content", "Content", next.content, 20000)
	if err := v.err(); err != nil {
		return err
	}
	*cr = next
	return nil
}

func (s *Server) deleteCannedResponse(c *reqCtx) error {
	cr, err := s.fetchCanned(c)
	if err != nil {
		return err
	}
	kept := c.acct.cannedResponses[:0:0]
	for _, x := range c.acct.cannedResponses {
		if x.id != cr.id {
			kept = append(kept, x)
		}
	}
	c.acct.cannedResponses = kept
	c.okEmpty()
	return nil
}
