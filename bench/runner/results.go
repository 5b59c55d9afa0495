package main

import (
	"encoding/json"
	"os"
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
}

type savedN struct {
	N       int
	Samples []savedSample
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
	Requests          [8]int // conversation GETs, agent lists, team lists, other GETs, assignment POSTs, other, failed, TCP connections
}

func saveResults(path string, env *environment, opts options, all []*nResults) error {
	s := savedResults{
		Environment: savedEnvironment{
			Date: env.date, GoVersion: env.goVersion, TerraformVersion: env.terraformVersion, Commit: env.commit,
			Kernel: env.kernel, CPU: env.cpu, Memory: env.memory, LoadAtStart: env.loadAtStart, GoBench: env.goBench,
			CPUs: env.cpus, Took: env.took,
		},
		Options: savedOptions{Ns: opts.ns, Runs: opts.runs, Latencies: opts.latencies, Terraform: opts.terraform, Provider: opts.provider},
	}
	for _, r := range all {
		sn := savedN{N: r.n}
		for k, ss := range r.samples {
			for _, x := range ss {
				c := x.reqs
				sn.Samples = append(sn.Samples, savedSample{
					Variant: k.v, Latency: k.lat, Phase: k.ph,
					Wall: x.res.wall, CPU: x.res.cpu, ProviderCPU: x.res.providerCPU,
					ProviderRSS: x.res.providerRSS, ProviderProcesses: x.res.providerProcesses, TerraformRSS: x.res.terraformRSS,
					Requests: [8]int{c.conversationGETs, c.agentLists, c.teamLists, c.otherGETs, c.assignmentPOSTs, c.other, c.failed, c.connections},
				})
			}
		}
		s.Results = append(s.Results, sn)
	}
	raw, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o644)
}

// loadResults reads saved measurements. The expectations are recomputed from the workload with
// placeholder ids: they depend only on N.
func loadResults(path string) (*environment, options, []*nResults, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, options{}, nil, err
	}
	var s savedResults
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, options{}, nil, err
	}
	e := s.Environment
	env := &environment{
		date: e.Date, goVersion: e.GoVersion, terraformVersion: e.TerraformVersion, commit: e.Commit, kernel: e.Kernel,
		cpu: e.CPU, memory: e.Memory, loadAtStart: e.LoadAtStart, goBench: e.GoBench, cpus: e.CPUs, took: e.Took,
	}
	opts := options{ns: s.Options.Ns, runs: s.Options.Runs, latencies: s.Options.Latencies, terraform: s.Options.Terraform, provider: s.Options.Provider}
	var all []*nResults
	for _, sn := range s.Results {
		w := ids{accountID: 1, agent1: 1, agent2: 2, team1: 1, team2: 2, conversations: make([]int64, sn.N)}
		for i := range w.conversations {
			w.conversations[i] = int64(i + 1)
		}
		r := newNResults(sn.N, w)
		for _, x := range sn.Samples {
			q := x.Requests
			r.add(x.Variant, x.Latency, x.Phase, sample{
				res: result{wall: x.Wall, cpu: x.CPU, providerCPU: x.ProviderCPU, providerRSS: x.ProviderRSS,
					providerProcesses: x.ProviderProcesses, terraformRSS: x.TerraformRSS},
				reqs: reqCount{conversationGETs: q[0], agentLists: q[1], teamLists: q[2], otherGETs: q[3], assignmentPOSTs: q[4], other: q[5], failed: q[6], connections: q[7]},
			})
		}
		all = append(all, r)
	}
	return env, opts, all, nil
}
