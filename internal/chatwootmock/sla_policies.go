package chatwootmock

import (
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"
)

var slaColumns = []string{"name", "description", "first_response_time_threshold", "next_response_time_threshold",
	"resolution_time_threshold", "only_during_business_hours", "account_id"}

func init() {
	const get, post, del = http.MethodGet, http.MethodPost, http.MethodDelete
	routes = append(routes, app(get, "sla_policies", slaRoute((*Server).listSLAPolicies)),
		app(post, "sla_policies", slaRoute((*Server).createSLAPolicy)),
		app(get, "sla_policies/:id", slaRoute((*Server).showSLAPolicy)),
		app(del, "sla_policies/:id", slaRoute((*Server).deleteSLAPolicy)))
	routes = append(routes, both(app, "sla_policies/:id", slaRoute((*Server).updateSLAPolicy))...)
}

type slaPolicy struct {
	id            int64
	accountID     int64
	name          string
	description   any
	firstResponse any // rubyFloat or nil
	nextResponse  any
	resolution    any
	businessHours bool
}

// rubyFloat renders a float column the way Ruby does: 1000 is 1000.0.
type rubyFloat float64

func (f rubyFloat) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return []byte("null"), nil
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return []byte(s), nil
}

func slaJSON(p *slaPolicy) obj {
	return obj{{"id", p.id}, {"name", p.name}, {"description", p.description},
		{"first_response_time_threshold", p.firstResponse}, {"next_response_time_threshold", p.nextResponse},
		{"resolution_time_threshold", p.resolution}, {"only_during_business_hours", p.businessHours}}
}

// slaRoute wraps every SLA action. The Community build has the route but not the controller, so
// every request is a routing error (404). From 4.17.0 an account without the sla feature gets
// 401 before anything else. The deletion jobs queued before this request run after it.
func slaRoute(h func(*Server, *reqCtx) error) func(*Server, *reqCtx) error {
	return func(s *Server, c *reqCtx) error {
		if !s.enterpriseBuild() {
			return routeNotFound()
		}
		if s.versionAtLeast("4.17.0") && !c.acct.featureOn("sla") {
			return notAuthorized()
		}
		v := c.acct.vocabulary()
		due := v.slaJobs
		v.slaJobs = nil
		defer func() {
			for _, job := range due {
				job()
			}
		}()
		return h(s, c)
	}
}

// findSLA is find_by: nil for a missing id.
func (s *Server) findSLA(c *reqCtx) *slaPolicy {
	id, _ := c.pathID("id")
	for _, p := range c.acct.vocabulary().slaPolicies {
		if p.id == id {
			return p
		}
	}
	return nil
}

func (s *Server) listSLAPolicies(c *reqCtx) error {
	out := []any{}
	for _, p := range c.acct.vocabulary().slaPolicies {
		out = append(out, slaJSON(p))
	}
	c.ok(obj{{"payload", out}})
	return nil
}

// showSLAPolicy: any member; a missing id is a 500 (the view reads nil.id).
func (s *Server) showSLAPolicy(c *reqCtx) error {
	p := s.findSLA(c)
	if p == nil {
		return internalError()
	}
	c.ok(obj{{"payload", slaJSON(p)}})
	return nil
}

func (s *Server) createSLAPolicy(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("sla_policy", slaColumns)
	if err != nil {
		return err
	}
	p := &slaPolicy{accountID: c.acct.id}
	if err := applySLAParams(p, body); err != nil {
		return err
	}
	p.id = s.nextID("sla_policies")
	v := c.acct.vocabulary()
	v.slaPolicies = append(v.slaPolicies, p)
	c.ok(obj{{"payload", slaJSON(p)}})
	return nil
}

// updateSLAPolicy authorizes the class first, so agents get 401 and administrators a 500 for a
// missing id.
func (s *Server) updateSLAPolicy(c *reqCtx) error {
	p := s.findSLA(c)
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if p == nil {
		return internalError()
	}
	body, err := c.p.wrapped("sla_policy", slaColumns)
	if err != nil {
		return err
	}
	if err := applySLAParams(p, body); err != nil {
		return err
	}
	c.ok(obj{{"payload", slaJSON(p)}})
	return nil
}

// deleteSLAPolicy answers 200 with an empty body, for a missing id too, and queues the deletion
// job: the policy stays listed and readable until it runs (after the next SLA request).
func (s *Server) deleteSLAPolicy(c *reqCtx) error {
	p := s.findSLA(c)
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if p != nil {
		v := c.acct.vocabulary()
		v.slaJobs = append(v.slaJobs, func() {
			kept := v.slaPolicies[:0:0]
			for _, x := range v.slaPolicies {
				if x != p {
					kept = append(kept, x)
				}
			}
			v.slaPolicies = kept
		})
	}
	c.okEmpty()
	return nil
}

// slaThreshold casts a float column: numbers and numeric strings, anything else (or "") null.
func slaThreshold(v any) any {
	switch x := v.(type) {
	case json.Number:
		if f, err := x.Float64(); err == nil {
			return rubyFloat(f)
		}
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
			return rubyFloat(f)
		}
	}
	return nil
}

// applySLAParams: only name is validated (presence, and the 255 characters of a string column).
func applySLAParams(p *slaPolicy, body map[string]any) error {
	next := *p
	for k, v := range body {
		switch k {
		case "name":
			next.name, _ = strVal(v)
		case "description":
			next.description = nullableStr(v)
		case "first_response_time_threshold":
			next.firstResponse = slaThreshold(v)
		case "next_response_time_threshold":
			next.nextResponse = slaThreshold(v)
		case "resolution_time_threshold":
			next.resolution = slaThreshold(v)
		case "only_during_business_hours":
			next.businessHours, _ = castBool(v)
		}
	}
	v := &validation{}
	if strings.TrimSpace(next.name) == "" {
		v.add("name", "Name can't be blank")
	}
	v.checkLength("name", "Name", next.name, 255)
	if d, ok := next.description.(string); ok {
		v.checkLength("description", "Description", d, 20000)
	}
	if err := v.err(); err != nil {
		return err
	}
	*p = next
	return nil
}
