package chatwootmock

// Chatwoot deletes an inbox in a background job: DELETE answers 200 at once, and until the job
// has run the inbox is unchanged (readable, listed, usable). The job is one of the mock's delayed
// jobs (delayed_jobs.go), run once Options.InboxDeletionDelay more requests (1 when zero, none
// when negative) have been answered. So with the default, the first request after the DELETE still
// reads the inbox and the second gets 404.

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
	x.deleting = true
	s.enqueueDelayed(s.inboxDeletionDelay(), func() { s.destroyInbox(in) })
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
