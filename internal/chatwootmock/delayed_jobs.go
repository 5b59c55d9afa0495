package chatwootmock

// Chatwoot runs some deletions in a background job (DeleteObjectJob): the DELETE answers 200 at
// once and the object keeps working until the job has run. The mock makes that window
// deterministic and countable: a delayed job runs once the mock has answered a given number of
// requests after the one that enqueued it (one for accounts and users; Options.InboxDeletionDelay
// for inboxes, inbox_deletion.go). So with one, the first request after the DELETE still sees the
// object and the second does not, whoever sends them; a client that waits for the deletion must
// therefore poll. This is the mock's one mechanism for Chatwoot's asynchronous deletions.

type delayedJob struct {
	wait int // requests still to be answered before the job runs
	run  func()
}

type delayedJobs struct {
	queue []delayedJob
}

// enqueueDelayed schedules run for after the wait-th request that follows this one (0: at the end
// of this one). The caller holds s.mu.
func (s *Server) enqueueDelayed(wait int, run func()) {
	s.delayed.queue = append(s.delayed.queue, delayedJob{wait: wait, run: run})
}

// tickDelayed is called at the end of every request, under s.mu: due jobs run, the others wait
// one request less.
func (s *Server) tickDelayed() {
	var due []delayedJob
	keep := s.delayed.queue[:0:0]
	for _, j := range s.delayed.queue {
		if j.wait <= 0 {
			due = append(due, j)
			continue
		}
		j.wait--
		keep = append(keep, j)
	}
	s.delayed.queue = keep
	for _, j := range due {
		j.run()
	}
}

// RunPendingJobs runs every delayed job now, as if Chatwoot's workers had caught up. Tests use it
// to reach the state after an asynchronous deletion without sending requests.
func (s *Server) RunPendingJobs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.delayed.queue) > 0 {
		q := s.delayed.queue
		s.delayed.queue = nil
		for _, j := range q {
			j.run()
		}
	}
}

// PendingJobs reports how many delayed jobs have not run yet.
func (s *Server) PendingJobs() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.delayed.queue)
}
