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

// listCannedResponses: any member; ?search= filters by short code or content, short-code hits first.
func (s *Server) listCannedResponses(c *reqCtx) error {
	search := strings.ToLower(stringParam(c.p, "search"))
	var list []*cannedResponse
	for _, cr := range c.acct.cannedResponses {
		if search == "" || strings.Contains(strings.ToLower(cr.shortCode), search) || strings.Contains(strings.ToLower(cr.content), search) {
			list = append(list, cr)
		}
	}
	if search != "" {
		sort.SliceStable(list, func(i, j int) bool {
			return strings.Contains(strings.ToLower(list[i].shortCode), search) && !strings.Contains(strings.ToLower(list[j].shortCode), search)
		})
	}
	out := []any{}
	for _, cr := range list {
		out = append(out, cannedJSON(cr))
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

// applyCannedParams: both fields required; short_code unique per account, case-sensitively.
func applyCannedParams(a *account, cr *cannedResponse, body map[string]any) error {
	next := *cr
	if v, ok := body["short_code"]; ok {
		next.shortCode, _ = strVal(v)
	}
	if v, ok := body["content"]; ok {
		next.content, _ = strVal(v)
	}
	v := &validation{}
	if strings.TrimSpace(next.shortCode) == "" {
		v.add("short_code", "Short code can't be blank")
	}
	if strings.TrimSpace(next.content) == "" {
		v.add("content", "Content can't be blank")
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
