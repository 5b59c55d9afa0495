package chatwootmock

import (
	"regexp"
	"strings"
)

var (
	deviseEmailFormat = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)
	e164Format        = regexp.MustCompile(`^\+[1-9]\d{1,14}$`)
)

const contactsPerPage = 15

// contactJSON is the contact partial; last_activity_at and created_at are omitted when null.
func (s *Server) contactJSON(ct *contact, withInboxes bool) obj {
	o := obj{{"additional_attributes", orEmptyMap(ct.additional)}, {"availability_status", "offline"},
		{"email", ct.email}, {"id", ct.id}, {"name", ct.name}, {"phone_number", ct.phoneNumber},
		{"blocked", ct.blocked}, {"identifier", ct.identifier}, {"thumbnail", ""},
		{"custom_attributes", orEmptyMap(ct.customAttributes)}}
	if ct.lastActivityAt != nil {
		o = append(o, field{"last_activity_at", ct.lastActivityAt.Unix()})
	}
	o = append(o, field{"created_at", ct.createdAt.Unix()})
	if withInboxes {
		list := []any{}
		for _, ci := range ct.inboxes {
			in := s.state.inboxes[ci.inboxID]
			if in == nil {
				continue
			}
			list = append(list, obj{{"source_id", ci.sourceID}, {"inbox", obj{{"id", in.id}, {"avatar_url", ""},
				{"channel_id", in.channelID}, {"name", in.name}, {"channel_type", "Channel::Api"}, {"provider", nil}}}})
		}
		o = append(o, field{"contact_inboxes", list})
	}
	return o
}

// createContact needs no field at all; with inbox_id a contact_inbox is created in the same
// transaction, and a foreign inbox rolls the contact back (404).
func (s *Server) createContact(c *reqCtx) error {
	p := c.p
	ct := &contact{accountID: c.acct.id, additional: map[string]any{}, customAttributes: map[string]any{}}
	ct.name, _ = strVal(p.get("name"))
	if e, ok := strVal(p.get("email")); ok && strings.TrimSpace(e) != "" {
		ct.email = strings.ToLower(strings.TrimSpace(e))
	}
	if ph, ok := strVal(p.get("phone_number")); ok && ph != "" {
		ct.phoneNumber = ph
	}
	if id, ok := strVal(p.get("identifier")); ok && id != "" {
		ct.identifier = id
	}
	ct.blocked, _ = castBool(p.get("blocked"))
	if m, ok := p.get("additional_attributes").(map[string]any); ok {
		ct.additional = m
	}
	if m, ok := p.get("custom_attributes").(map[string]any); ok {
		ct.customAttributes = m
	}

	v := &validation{}
	v.checkLength("name", "Name", ct.name, 255)
	if e, ok := ct.email.(string); ok {
		if !deviseEmailFormat.MatchString(e) {
			v.add("email", "Email Invalid email")
		} else if s.contactTaken(c.acct, func(o *contact) bool { return o.email == e }) {
			v.add("email", "Email has already been taken")
		}
	}
	if ph, ok := ct.phoneNumber.(string); ok {
		if !e164Format.MatchString(ph) {
			v.add("phone_number", "Phone number should be in e164 format")
		} else if s.contactTaken(c.acct, func(o *contact) bool { return o.phoneNumber == ph }) {
			v.add("phone_number", "Phone number has already been taken")
		}
	}
	if id, ok := ct.identifier.(string); ok && s.contactTaken(c.acct, func(o *contact) bool { return o.identifier == id }) {
		v.add("identifier", "Identifier has already been taken")
	}
	if err := v.err(); err != nil {
		return err
	}

	var in *inbox
	if present(p.get("inbox_id")) {
		id, ok := castInt(p.get("inbox_id"))
		in = s.state.accountInbox(c.acct, id)
		if !ok || in == nil {
			return notFound()
		}
	}
	now := s.now()
	ct.id = s.nextID("contacts")
	ct.createdAt = now
	s.state.contacts[ct.id] = ct
	c.acct.contactIDs = append(c.acct.contactIDs, ct.id)

	ciJSON := obj{{"inbox", nil}, {"source_id", nil}}
	if in != nil {
		source, _ := strVal(p.get("source_id"))
		if source == "" {
			source = newUUID()
		}
		ct.inboxes = append(ct.inboxes, &contactInbox{inboxID: in.id, sourceID: source})
		ciJSON = obj{{"inbox", inboxModelJSON(in)}, {"source_id", source}}
	}
	s.contactWebhook(c, ct, "contact_created")
	c.ok(obj{{"payload", obj{{"contact", s.contactJSON(ct, true)}, {"contact_inbox", ciJSON}}}})
	return nil
}

func (s *Server) contactTaken(a *account, same func(*contact) bool) bool {
	for _, id := range a.contactIDs {
		if same(s.state.contacts[id]) {
			return true
		}
	}
	return false
}

func (s *Server) showContact(c *reqCtx) error {
	id, ok := c.pathID("id")
	ct := s.state.accountContact(c.acct, id)
	if !ok || ct == nil {
		return notFound()
	}
	c.ok(obj{{"payload", s.contactJSON(ct, true)}})
	return nil
}

// listContacts shows only "resolved" contacts (email, phone or identifier), 15 per page.
func (s *Server) listContacts(c *reqCtx) error {
	var list []*contact
	for _, id := range c.acct.contactIDs {
		ct := s.state.contacts[id]
		if ct.email != nil || ct.phoneNumber != nil || ct.identifier != nil {
			list = append(list, ct)
		}
	}
	page := pageParam(c)
	payload := []any{}
	for i := (page - 1) * contactsPerPage; i < len(list) && i < page*contactsPerPage; i++ {
		payload = append(payload, s.contactJSON(list[i], true))
	}
	c.ok(obj{{"meta", obj{{"count", len(list)}, {"current_page", page}}}, {"payload", payload}})
	return nil
}

func pageParam(c *reqCtx) int {
	page := int(rubyToI(c.p.get("page")))
	if page < 1 {
		page = 1
	}
	return page
}
