package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

// accountPhases are the account workload's commands: create the M objects, plan with nothing to
// change (the refresh the request budget is about), and destroy them.
var accountPhases = []phase{phaseApply, phasePlan, phaseDestroy}

// accountVariants are what the account workload measures: the provider, and terraform_data with
// the same M values as Terraform's own floor (the no-op provider has only the assignment's schema).
var accountVariants = []variant{variantData, variantChatwoot}

// accountResults is everything the account workload measured: samples at latency 0 of nResults
// with n = M, and the run's own environment, since it can be measured without the rest.
type accountResults struct {
	*nResults
	env  *environment
	runs int
}

func newAccountResults(m, runs int, env *environment) *accountResults {
	return &accountResults{nResults: &nResults{n: m, samples: map[sampleKey][]sample{}}, env: env, runs: runs}
}

// benchAccount measures the account workload: each run goes through the variants in turn, each
// variant through the three phases in a fresh working directory of its own.
func benchAccount(ctx context.Context, opts options, work string, bins binaries, cliConfig string) (*accountResults, error) {
	started := time.Now()
	log.Printf("account: starting the mock (Chatwoot %s, %s build, sla on)", accountChatwoot.ChatwootVersion, accountChatwoot.Edition)
	cw, err := startAccountChatwoot(ctx)
	if err != nil {
		return nil, err
	}
	defer cw.close()
	res := newAccountResults(opts.m, opts.runs, describeEnvironment(ctx, opts))
	raw, err := accountJSON(opts.m, []int64{cw.ids.agent1, cw.ids.agent2})
	if err != nil {
		return nil, err
	}
	for r := 1; r <= opts.runs; r++ {
		for _, v := range accountVariants {
			if opts.variants != nil && !opts.variants[v] {
				continue
			}
			log.Printf("account M=%d run %d/%d: %s", opts.m, r, opts.runs, v)
			provider := ""
			if v == variantChatwoot {
				provider = providerHeader(providerName(v), cw.baseURL, cw.token, cw.ids.accountID)
			}
			dir := filepath.Join(work, fmt.Sprintf("account-m%d", opts.m), string(v))
			if err := freshWorkingDir(dir, accountConfiguration(provider)); err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(dir, "account.json"), raw, 0o644); err != nil {
				return nil, err
			}
			tf := tfRunner{terraform: opts.terraform, dir: dir, cliConfig: cliConfig}
			for _, ph := range accountPhases {
				profile, err := profileEnv(opts, work, v, fmt.Sprintf("account-m%d", opts.m), string(v), string(ph))
				if err != nil {
					return nil, err
				}
				s, err := runPhase(ctx, tf, cw, bins.exe(v), ph, profile)
				if err != nil {
					return nil, fmt.Errorf("account workload, %s (run %d): %w", v, r, err)
				}
				res.add(v, 0, ph, s)
			}
		}
	}
	res.env.took = time.Since(started)
	return res, nil
}
