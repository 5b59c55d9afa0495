package chatwootmock

// vocabState is the per-account state of the configuration kinds that have no older place in
// account: macros and SLA policies, and the SLA deletion jobs that have not run yet.
type vocabState struct {
	macros      []*macro
	slaPolicies []*slaPolicy
	// slaJobs are DeleteObjectJobs queued by SLA deletes; they run after the account's next SLA
	// request, so a deleted policy stays listed and readable for exactly one more request.
	slaJobs []func()
}

// vocabulary returns the account's vocabState, creating it on first use.
func (a *account) vocabulary() *vocabState {
	if a.vocab == nil {
		a.vocab = &vocabState{}
	}
	return a.vocab
}
