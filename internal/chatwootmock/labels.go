package chatwootmock

import (
	"regexp"
	"sort"
	"strings"
)

var (
	labelColumns     = []string{"title", "description", "color", "show_on_sidebar"}
	labelTitleFormat = regexp.MustCompile(`^[\p{L}\p{N}]+[\p{L}\p{N}_-]+$`)
)

type label struct {
	id            int64
	title         string
	description   any
	color         string
	showOnSidebar any
}

func labelJSON(l *label) obj {
	return obj{{"id", l.id}, {"title", l.title}, {"description", l.description}, {"color", l.color},
		{"show_on_sidebar", l.showOnSidebar}}
}

// listLabels uses the model's default scope: ordered by title.
func (s *Server) listLabels(c *reqCtx) error {
	list := append([]*label(nil), c.acct.labels...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].title < list[j].title })
	out := []any{}
	for _, l := range list {
		out = append(out, labelJSON(l))
	}
	c.ok(obj{{"payload", out}})
	return nil
}

// fetchLabel runs before authorization, so agents get 404 for a missing id.
func (s *Server) fetchLabel(c *reqCtx) (*label, error) {
	id, _ := c.pathID("id")
	for _, l := range c.acct.labels {
		if l.id == id {
			return l, nil
		}
	}
	return nil, notFound()
}

// showLabel is administrator-only (LabelPolicy#show?).
func (s *Server) showLabel(c *reqCtx) error {
	l, err := s.fetchLabel(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	c.ok(labelJSON(l))
	return nil
}

func (s *Server) createLabel(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("label", labelColumns)
	if err != nil {
		return err
	}
	l := &label{color: "#1f93ff"}
	if err := s.applyLabelParams(c.acct, l, body); err != nil {
		return err
	}
	l.id = s.nextID("labels")
	c.acct.labels = append(c.acct.labels, l)
	c.ok(labelJSON(l))
	return nil
}

func (s *Server) updateLabel(c *reqCtx) error {
	l, err := s.fetchLabel(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("label", labelColumns)
	if err != nil {
		return err
	}
	old := l.title
	if err := s.applyLabelParams(c.acct, l, body); err != nil {
		return err
	}
	if old != l.title {
		// Renaming retags conversations (asynchronously in Chatwoot).
		for _, cv := range c.acct.conversations {
			for i, t := range cv.labels {
				if t == old {
					cv.labels[i] = l.title
				}
			}
		}
	}
	c.ok(labelJSON(l))
	return nil
}

// applyLabelParams downcases the title before validating it.
func (s *Server) applyLabelParams(a *account, l *label, body map[string]any) error {
	next := *l
	if v, ok := body["title"]; ok {
		t, _ := strVal(v)
		next.title = strings.ToLower(t)
	}
	if v, ok := body["description"]; ok {
		next.description = nullableStr(v)
	}
	if v, ok := body["color"]; ok {
		// color is a NOT NULL column without a format check: null is an unrescued 500.
		if v == nil {
			return internalError()
		}
		next.color, _ = strVal(v)
	}
	if v, ok := body["show_on_sidebar"]; ok {
		if b, isBool := castBool(v); isBool {
			next.showOnSidebar = b
		} else {
			next.showOnSidebar = nil
		}
	}
	v := &validation{}
	if strings.TrimSpace(next.title) == "" {
		v.add("title", "Title must not be blank")
	}
	if !s.labelTitleValid(next.title) {
		v.add("title", "Title is invalid")
	} else {
		for _, other := range a.labels {
			if other.id != l.id && other.title == next.title {
				v.add("title", "Title has already been taken")
			}
		}
	}
	v.checkLength("title", "Title", next.title, 255)
	if d, ok := next.description.(string); ok {
		v.checkLength("description", "Description", d, 20000)
	}
	if err := v.err(); err != nil {
		return err
	}
	*l = next
	return nil
}

// labelTitleValid applies the title format. Before 4.17.0 the format ends in Ruby's \Z, which
// also matches before one trailing newline, so "hello_world\n" passes; 4.17.0 anchors at the very
// end.
func (s *Server) labelTitleValid(title string) bool {
	if !s.versionAtLeast("4.17.0") {
		title = strings.TrimSuffix(title, "\n")
	}
	return labelTitleFormat.MatchString(title)
}

// deleteLabel removes the label; conversation tags are removed at once (a job in Chatwoot).
func (s *Server) deleteLabel(c *reqCtx) error {
	l, err := s.fetchLabel(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	kept := c.acct.labels[:0:0]
	for _, x := range c.acct.labels {
		if x.id != l.id {
			kept = append(kept, x)
		}
	}
	c.acct.labels = kept
	for _, cv := range c.acct.conversations {
		tags := cv.labels[:0:0]
		for _, t := range cv.labels {
			if t != l.title {
				tags = append(tags, t)
			}
		}
		cv.labels = tags
	}
	c.okEmpty()
	return nil
}
