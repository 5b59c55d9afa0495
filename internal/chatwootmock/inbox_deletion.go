package chatwootmock

import "sort"

// Chatwoot deletes an inbox in a background job: DELETE answers 200 at once, and until the job
// has run the inbox is unchanged (readable, listed, usable). The mock makes "later" countable:
// the job runs just before the (delay+1)-th request after the DELETE is handled, where delay is
// Options.InboxDeletionDelay (1 when zero). So with the default, the first request after the
// DELETE still reads the inbox and the second gets 404.

func (s *Server) inboxDeletionDelay() int {
	switch d := s.opts.InboxDeletionDelay; {
	case d == 0:
		return 1
	case d < 0:
		return 0
	default:
		return d
	}
}

// scheduleInboxDeletion enqueues the job; a repeated DELETE while it is pending enqueues nothing
// new that changes the outcome, so the first schedule stands.
func (s *Server) scheduleInboxDeletion(in *inbox) {
	x := in.x()
	if x.deleting {
		return
	}
	x.deleting, x.deleteIn = true, s.inboxDeletionDelay()
	if x.deleteIn == 0 {
		s.destroyInbox(in)
	}
}

// runDueInboxDeletions runs before every request: it counts the request against each pending
// deletion and runs the jobs whose count is used up, in id order.
func (s *Server) runDueInboxDeletions() {
	var due []*inbox
	for _, in := range s.state.inboxes {
		if in.ext == nil || !in.ext.deleting {
			continue
		}
		if in.ext.deleteIn == 0 {
			due = append(due, in)
			continue
		}
		in.ext.deleteIn--
	}
	sort.Slice(due, func(i, j int) bool { return due[i].id < due[j].id })
	for _, in := range due {
		s.destroyInbox(in)
	}
}

// destroyInbox is DeleteObjectJob for an inbox: its conversations and contact inboxes, then the
// inbox and its channel; members, working hours, the bot binding and the account webhooks bound
// to the inbox go with it.
func (s *Server) destroyInbox(in *inbox) {
	delete(s.state.inboxes, in.id)
	a := s.state.accounts[in.accountID]
	if a == nil {
		return
	}
	kept := a.conversations[:0:0]
	for _, cv := range a.conversations {
		if cv.inboxID != in.id {
			kept = append(kept, cv)
		}
	}
	a.conversations = kept
	for _, cid := range a.contactIDs {
		ct := s.state.contacts[cid]
		if ct == nil {
			continue
		}
		ci := ct.inboxes[:0:0]
		for _, x := range ct.inboxes {
			if x.inboxID != in.id {
				ci = append(ci, x)
			}
		}
		ct.inboxes = ci
	}
	s.deleteInboxWebhooks(a, in.id)
	a.inboxIDs = removeID(a.inboxIDs, in.id)
	delete(a.roundRobin, in.id)
	delete(a.assignV2().bindings, in.id)
}
