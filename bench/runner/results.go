package main

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"time"
)

// The raw measurements are saved next to the report (<workdir>/results.json), so that the report
// can be rendered again, e.g. after bench/findings.md changed, without measuring again:
//
//	go run ./bench/runner -render .bench/results.json

type savedResults struct {
	Environment savedEnvironment `json:"environment"`
	Options     savedOptions     `json:"options"`
	Results     []savedN         `json:"results"`
	// Account is the account workload's run, when it was measured.
	Account *savedAccount `json:"account,omitempty"`
}

type savedEnvironment struct {
	Date, GoVersion, TerraformVersion, Commit, Kernel, CPU, Memory, LoadAtStart, GoBench string
	CPUs                                                                                 int
	Took                                                                                 time.Duration
}

type savedOptions struct {
	Ns        []int
	Runs      int
	Latencies []time.Duration
	Terraform string
	Provider  string
	Workloads []string `json:",omitempty"` // empty in files from before the account workload: the assignment one
}

type savedN struct {
	N       int
	Samples []savedSample
}

type savedAccount struct {
	Environment savedEnvironment
	M, Runs     int
	Samples     []savedSample
}

type savedSample struct {
	Variant           variant
	Latency           time.Duration
	Phase             phase
	Wall, CPU         time.Duration
	ProviderCPU       time.Duration
	ProviderRSS       int64
	ProviderProcesses int
	TerraformRSS      int64
	Requests          [8]int         // conversation GETs, agent lists, team lists, other GETs, assignment POSTs, other, failed, TCP connections
	Routes            map[string]int `json:",omitempty"` // by routeOf
}

func saveResults(path string, m measurements) error {
	s := savedResults{
		Environment: savedEnv(m.env),
		Options: savedOptions{Ns: m.opts.ns, Runs: m.opts.runs, Latencies: m.opts.latencies, Terraform: m.opts.terraform, Provider: m.opts.provider,
			Workloads: slices.Sorted(maps.Keys(m.opts.workloads))},
	}
	for _, r := range m.assignment {
		s.Results = append(s.Results, savedN{N: r.n, Samples: r.saved()})
	}
	if a := m.account; a != nil {
		s.Account = &savedAccount{Environment: savedEnv(a.env), M: a.n, Runs: a.runs, Samples: a.saved()}
	}
	raw, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o644)
}

func savedEnv(env *environment) savedEnvironment {
	return savedEnvironment{
		Date: env.date, GoVersion: env.goVersion, TerraformVersion: env.terraformVersion, Commit: env.commit,
		Kernel: env.kernel, CPU: env.cpu, Memory: env.memory, LoadAtStart: env.loadAtStart, GoBench: env.goBench,
		CPUs: env.cpus, Took: env.took,
	}
}

func (e savedEnvironment) environment() *environment {
	return &environment{
		date: e.Date, goVersion: e.GoVersion, terraformVersion: e.TerraformVersion, commit: e.Commit, kernel: e.Kernel,
		cpu: e.CPU, memory: e.Memory, loadAtStart: e.LoadAtStart, goBench: e.GoBench, cpus: e.CPUs, took: e.Took,
	}
}

// saved lists every sample for results.json.
func (r *nResults) saved() []savedSample {
	var out []savedSample
	for k, ss := range r.samples {
		for _, x := range ss {
			c := x.reqs
			out = append(out, savedSample{
				Variant: k.v, Latency: k.lat, Phase: k.ph,
				Wall: x.res.wall, CPU: x.res.cpu, ProviderCPU: x.res.providerCPU,
				ProviderRSS: x.res.providerRSS, ProviderProcesses: x.res.providerProcesses, TerraformRSS: x.res.terraformRSS,
				Requests: [8]int{c.conversationGETs, c.agentLists, c.teamLists, c.otherGETs, c.assignmentPOSTs, c.other, c.failed, c.connections},
				Routes:   x.routes,
			})
		}
	}
	return out
}

// addSaved adds the samples read from results.json.
func (r *nResults) addSaved(samples []savedSample) {
	for _, x := range samples {
		q := x.Requests
		r.add(x.Variant, x.Latency, x.Phase, sample{
			res: result{wall: x.Wall, cpu: x.CPU, providerCPU: x.ProviderCPU, providerRSS: x.ProviderRSS,
				providerProcesses: x.ProviderProcesses, terraformRSS: x.TerraformRSS},
			reqs:   reqCount{conversationGETs: q[0], agentLists: q[1], teamLists: q[2], otherGETs: q[3], assignmentPOSTs: q[4], other: q[5], failed: q[6], connections: q[7]},
			routes: x.Routes,
		})
	}
}

// loadResults reads saved measurements. The expectations are recomputed from the workload with
// placeholder ids: they depend only on N.
func loadResults(path string) (measurements, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return measurements{}, err
	}
	var s savedResults
	if err := json.Unmarshal(raw, &s); err != nil {
		return measurements{}, err
	}
	m := measurements{
		env: s.Environment.environment(),
		opts: options{ns: s.Options.Ns, runs: s.Options.Runs, latencies: s.Options.Latencies, terraform: s.Options.Terraform,
			provider: s.Options.Provider, workloads: map[string]bool{}},
	}
	if len(s.Options.Workloads) == 0 {
		s.Options.Workloads = []string{workloadAssignment}
	}
	for _, w := range s.Options.Workloads {
		m.opts.workloads[w] = true
	}
	if m.opts.workloads[workloadAssignment] {
		m.assignment = []*nResults{}
	}
	for _, sn := range s.Results {
		w := ids{accountID: 1, agent1: 1, agent2: 2, team1: 1, team2: 2, conversations: make([]int64, sn.N)}
		for i := range w.conversations {
			w.conversations[i] = int64(i + 1)
		}
		r := newNResults(sn.N, w)
		r.addSaved(sn.Samples)
		m.assignment = append(m.assignment, r)
	}
	if a := s.Account; a != nil {
		m.account = newAccountResults(a.M, a.Runs, a.Environment.environment())
		m.account.addSaved(a.Samples)
	}
	return m, nil
}
