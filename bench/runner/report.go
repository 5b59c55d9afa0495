package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// Targets from the issue.
const (
	targetVsNoop      = 1.10 // wall time ÷ no-op provider at 0 latency
	targetVsBound     = 1.15 // wall time ÷ max(no-op, requests × latency / parallelism)
	targetRSSVsNoop   = 1.25 // provider peak RSS ÷ no-op provider's, at N = 1,000
	findingsFile      = "bench/findings.md"
	findingsFileTitle = "## Findings"
)

// reqCount is a phase's requests from the mock's log, by what they are.
type reqCount struct {
	conversationGETs, agentLists, teamLists, otherGETs, assignmentPOSTs, other, failed int
	// connections is the TCP connections the mock accepted during the phase.
	connections int
}

func (c reqCount) total() int {
	return c.conversationGETs + c.agentLists + c.teamLists + c.otherGETs + c.assignmentPOSTs + c.other
}

func countRequests(log []chatwootmock.Request) reqCount {
	var c reqCount
	for _, r := range log {
		if r.Status < 200 || r.Status > 299 {
			c.failed++
		}
		switch {
		case r.Method == "GET" && strings.HasSuffix(r.Path, "/agents"):
			c.agentLists++
		case r.Method == "GET" && strings.HasSuffix(r.Path, "/teams"):
			c.teamLists++
		case r.Method == "GET" && strings.Contains(r.Path, "/conversations/"):
			c.conversationGETs++
		case r.Method == "GET":
			c.otherGETs++
		case r.Method == "POST" && strings.HasSuffix(r.Path, "/assignments"):
			c.assignmentPOSTs++
		default:
			c.other++
		}
	}
	return c
}

type sample struct {
	res  result
	reqs reqCount
	// routes counts the requests by route (routeOf), for the account workload's tables.
	routes map[string]int
}

type sampleKey struct {
	v   variant
	lat time.Duration
	ph  phase
}

// nResults is everything measured for one N.
type nResults struct {
	n       int
	exp     map[phase]expectation
	samples map[sampleKey][]sample
}

func newNResults(n int, w ids) *nResults {
	r := &nResults{n: n, exp: map[phase]expectation{}, samples: map[sampleKey][]sample{}}
	for _, ph := range phases {
		r.exp[ph], _ = plan(w, n, ph)
	}
	return r
}

func (r *nResults) add(v variant, lat time.Duration, ph phase, s sample) {
	k := sampleKey{v, lat, ph}
	r.samples[k] = append(r.samples[k], s)
}

// wall is the median wall time, or 0 when not measured.
func (r *nResults) wall(v variant, lat time.Duration, ph phase) time.Duration {
	return r.median(v, lat, ph, func(s sample) time.Duration { return s.res.wall })
}

// cpu is the median CPU time of Terraform and its providers, and of the providers alone, at
// latency 0 (with latency, CPU time says nothing the 0 runs do not).
func (r *nResults) cpu(v variant, ph phase) (total, provider time.Duration) {
	return r.median(v, 0, ph, func(s sample) time.Duration { return s.res.cpu }),
		r.median(v, 0, ph, func(s sample) time.Duration { return s.res.providerCPU })
}

func (r *nResults) median(v variant, lat time.Duration, ph phase, of func(sample) time.Duration) time.Duration {
	ss := r.samples[sampleKey{v, lat, ph}]
	if len(ss) == 0 {
		return 0
	}
	ds := make([]time.Duration, len(ss))
	for i, s := range ss {
		ds[i] = of(s)
	}
	slices.Sort(ds)
	if len(ds)%2 == 1 {
		return ds[len(ds)/2]
	}
	return (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
}

// peakRSS is the highest provider peak RSS over the runs, in KiB.
func (r *nResults) peakRSS(v variant, lat time.Duration, ph phase) (rss int64, procs int) {
	for _, s := range r.samples[sampleKey{v, lat, ph}] {
		rss = max(rss, s.res.providerRSS)
		procs = max(procs, s.res.providerProcesses)
	}
	return rss, procs
}

// requests returns the last run's counts and whether every run sent the same requests.
func (r *nResults) requests(v variant, lat time.Duration, ph phase) (reqCount, bool) {
	ss := r.samples[sampleKey{v, lat, ph}]
	if len(ss) == 0 {
		return reqCount{}, true
	}
	same := true
	first := ss[0].reqs
	first.connections = 0
	for _, s := range ss {
		c := s.reqs
		c.connections = 0 // they vary with timing; the requests must not
		same = same && c == first
	}
	return ss[len(ss)-1].reqs, same
}

// environment describes the machine and the versions, for the report.
type environment struct {
	date, goVersion, terraformVersion, commit, kernel, cpu, memory, loadAtStart string
	cpus                                                                        int
	took                                                                        time.Duration
	goBench                                                                     string // result lines of the client's Go benchmarks
}

func describeEnvironment(ctx context.Context, opts options) *environment {
	out := func(name string, args ...string) string {
		b, err := exec.CommandContext(ctx, name, args...).Output()
		if err != nil {
			return "unknown"
		}
		return strings.TrimSpace(string(b))
	}
	tfVersion := out(opts.terraform, "version")
	if i := strings.IndexByte(tfVersion, '\n'); i > 0 {
		tfVersion = tfVersion[:i]
	}
	commit := out("git", "rev-parse", "--short", "HEAD")
	if out("git", "status", "--porcelain", "--untracked-files=no") != "" {
		commit += " (with uncommitted changes)"
	}
	load, _ := os.ReadFile("/proc/loadavg")
	return &environment{
		date:             time.Now().UTC().Format("2006-01-02 15:04 MST"),
		goVersion:        out("go", "version"),
		terraformVersion: tfVersion,
		commit:           commit,
		kernel:           out("uname", "-srm"),
		cpu:              cpuModel(),
		memory:           memTotal(),
		cpus:             runtime.NumCPU(),
		loadAtStart:      strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "),
	}
}

func cpuModel() string {
	raw, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(raw), "\n") {
		for _, key := range []string{"model name", "Model", "cpu model"} {
			if v, ok := strings.CutPrefix(line, key); ok {
				if _, val, found := strings.Cut(v, ":"); found {
					return strings.TrimSpace(val)
				}
			}
		}
	}
	return "not reported by /proc/cpuinfo"
}

func memTotal() string {
	raw, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			var kb int64
			if _, err := fmt.Sscan(strings.TrimSpace(v), &kb); err != nil {
				return "unknown"
			}
			return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	return "unknown"
}

// renderReport is BENCHMARKS.md: the introduction, each workload's section between its markers
// (rendered from m when it was measured, else kept from previous, the report it replaces) and
// the findings.
func renderReport(m measurements, previous string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# Benchmarks\n\n")
	p("How fast the provider is at scale, in two workloads: N `chatwoot_conversation_assignment` resources next to the floors that Terraform, the plugin framework and HTTP impose, ")
	p("and an account configuration of M objects of the vocabulary kinds (labels, canned responses, custom attributes, webhooks, macros, SLA policies, teams and their members; [Account workload](#account-workload)). ")
	p("Generated by `make bench` (`scripts/bench.sh` → `bench/runner`); do not edit by hand except the findings, which come from `%s`. ", findingsFile)
	p("`make bench BENCH_WORKLOAD=account` (or `assignment`) measures one workload and rewrites only its section, keeping the other's from the previous report.\n\n")

	var assignment, account func(*strings.Builder)
	if m.assignment != nil {
		assignment = func(b *strings.Builder) { renderAssignment(b, m.env, m.opts, m.assignment) }
	}
	if m.account != nil {
		account = func(b *strings.Builder) { renderAccount(b, m.account, m.opts.terraform) }
	}
	b.WriteString(workloadSection(workloadAssignment, assignment, previous))
	b.WriteString(workloadSection(workloadAccount, account, previous))

	if findings, err := os.ReadFile(findingsFile); err == nil {
		p("%s\n\n%s", findingsFileTitle, strings.TrimSpace(string(findings))+"\n")
	}
	return b.String()
}

// The markers around a workload's section, so that a run of one workload can replace its own.
func sectionBegin(workload string) string { return "<!-- bench workload=" + workload + " -->\n" }
func sectionEnd(workload string) string   { return "<!-- /bench workload=" + workload + " -->\n" }

// workloadSection is a workload's section with its markers: rendered by render when the
// workload was measured (render not nil), else previous's, else a note to measure it.
func workloadSection(workload string, render func(*strings.Builder), previous string) string {
	begin, end := sectionBegin(workload), sectionEnd(workload)
	var b strings.Builder
	b.WriteString(begin)
	switch {
	case render != nil:
		render(&b)
	case strings.Contains(previous, begin) && strings.Contains(previous, end):
		_, kept, _ := strings.Cut(previous, begin)
		kept, _, _ = strings.Cut(kept, end)
		b.WriteString(kept)
	default:
		fmt.Fprintf(&b, "The %s workload has not been measured yet: `make bench BENCH_WORKLOAD=%s`.\n\n", workload, workload)
	}
	b.WriteString(end)
	b.WriteString("\n")
	return b.String()
}

// renderAssignment is the assignment workload's section: the machine, the method, each N and the
// client's Go benchmarks.
func renderAssignment(b *strings.Builder, env *environment, opts options, all []*nResults) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("## Machine and versions\n\n")
	p("| | |\n|---|---|\n")
	p("| date | %s |\n| CPUs (`nproc`) | %d (%s) |\n| memory | %s |\n| kernel | %s |\n", env.date, env.cpus, env.cpu, env.memory, env.kernel)
	p("| Go | %s |\n| Terraform | %s (`%s`) |\n| commit | %s |\n", env.goVersion, env.terraformVersion, shortPath(opts.terraform), env.commit)
	if opts.provider != "" {
		p("| provider binary | prebuilt: `%s` |\n", opts.provider)
	} else {
		p("| provider binary | built from the working tree |\n")
	}
	p("| load average at start | %s |\n| runs per measurement | %d (median shown) |\n| total time | %s |\n\n", env.loadAtStart, opts.runs, env.took.Round(time.Second))
	p("**The machine is shared**: other jobs used the same 2 cores during the run, so absolute times are noisy; ")
	p("the floors were measured in the same runs, interleaved with the provider, so the ratios are the figures to read.\n\n")

	p("## Method\n\n")
	p("- The Chatwoot mock (`internal/chatwootmock`, a normal `go build`, no race detector) serves on a loopback port inside the runner; ")
	p("fixtures (an account, an admin, two agents, two teams, N conversations) are created through its public Platform and Application APIs (`internal/fixture`). ")
	p("Added latency is a sleep before each request is handled, like the mock program's `--latency`.\n")
	p("- N resources with `for_each`: a third assign an agent, a third a team, a third both. The change phase edits the first half (one field each).\n")
	p("- Each variant runs the same four phases in a fresh working directory, with Terraform's default `-parallelism=10`, `TF_IN_AUTOMATION=1`, and `dev_overrides` for the two provider binaries:\n")
	for _, ph := range phases {
		p("  - **%s**: %s\n", ph, phaseDescription[ph])
	}
	p("- Floors, same N, same Terraform, same run: **terraform_data** (Terraform alone), **no-op provider** (`bench/noop-provider`: same schema, checked by a test, same framework, CRUD copies plan to state; in the latency runs it also sleeps the latency once per request the real provider would send, where it would send it), ")
	p("**HTTP floor** (no Terraform: a Go loop sending exactly the phase's requests with %d workers and kept-alive connections).\n", parallelism)
	p("- Requests are counted from the mock's request log. Peak RSS is the highest `VmHWM` of any provider process during the command (sampled from `/proc` every 20 ms).\n")
	p("- Targets: time within %.2f× the no-op provider at 0 latency; within %.2f× of max(no-op, requests × latency ÷ %d) with latency; provider peak RSS within %.2f× the no-op provider's at N = 1,000.\n\n",
		targetVsNoop, targetVsBound, parallelism, targetRSSVsNoop)

	for _, r := range all {
		renderN(b, r, opts)
	}

	if env.goBench != "" {
		p("## Go benchmarks of the client's hot paths\n\n")
		p("`go test ./internal/chatwoot -run '^$' -bench . -benchmem` (`internal/chatwoot/bench_test.go`): decoding a conversation, ")
		p("one assignment POST and one conversation GET through the client against an in-memory transport, the lookup-cache hit, ")
		p("and assignment POSTs over loopback from 10 goroutines with the TCP connections opened per request.\n\n")
		p("```\n%s\n```\n\n", env.goBench)
	}
}

func renderN(b *strings.Builder, r *nResults, opts options) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("## N = %d\n\n", r.n)

	if hasZero(opts.latencies) {
		p("### Time, no added latency (median seconds)\n\n")
		p("| phase | chatwoot | no-op provider | terraform_data | HTTP floor | ÷ no-op | ÷ terraform_data | ÷ HTTP floor | ≤ %.2f× no-op |\n", targetVsNoop)
		p("|---|--:|--:|--:|--:|--:|--:|--:|:-:|\n")
		for _, ph := range phases {
			cw, noop := r.wall(variantChatwoot, 0, ph), r.wall(variantNoop, 0, ph)
			data, floor := r.wall(variantData, 0, ph), r.wall(variantHTTPFloor, 0, ph)
			p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", ph, secs(cw), secs(noop), secs(data), secs(floor),
				ratio(cw, noop), ratio(cw, data), ratio(cw, floor), verdict(cw, noop, targetVsNoop))
		}
		p("\n")

		p("### CPU time, no added latency (median seconds, user + system)\n\n")
		p("Terraform plus every provider process it started; the provider's share in brackets. CPU time hardly moves when other jobs share the cores, so it shows what wall time on a busy machine cannot.\n\n")
		p("| phase | chatwoot | no-op provider | terraform_data | ÷ no-op | provider ÷ no-op provider |\n")
		p("|---|--:|--:|--:|--:|--:|\n")
		for _, ph := range phases {
			cw, cwProv := r.cpu(variantChatwoot, ph)
			noop, noopProv := r.cpu(variantNoop, ph)
			data, _ := r.cpu(variantData, ph)
			p("| %s | %s (%s) | %s (%s) | %s | %s | %s |\n", ph, secs(cw), secs(cwProv), secs(noop), secs(noopProv), secs(data),
				ratio(cw, noop), ratio(cwProv, noopProv))
		}
		p("\n")
	}

	p("### Requests (chatwoot provider, from the mock's log)\n\n")
	p("| latency | phase | GET conversation | GET /agents | GET /teams | POST assignments | other | non-2xx | TCP connections (HTTP floor) | expected | as expected |\n")
	p("|---|---|--:|--:|--:|--:|--:|--:|--:|---|:-:|\n")
	for _, lat := range opts.latencies {
		for _, ph := range phases {
			c, same := r.requests(variantChatwoot, lat, ph)
			e := r.exp[ph]
			procs := r.processes(lat, ph)
			ok := c.conversationGETs == e.conversationGETs && c.assignmentPOSTs == e.posts &&
				c.agentLists <= e.maxListsPerKind*procs && c.teamLists <= e.maxListsPerKind*procs &&
				c.otherGETs == 0 && c.other == 0 && c.failed == 0 && same
			expected := fmt.Sprintf("%d GET conv, %d POST", e.conversationGETs, e.posts)
			if e.maxListsPerKind > 0 {
				expected += fmt.Sprintf(", ≤ %d list/kind/process", e.maxListsPerKind)
			}
			note := ""
			if !same {
				note = " (runs differ)"
			}
			floor, _ := r.requests(variantHTTPFloor, lat, ph)
			p("| %s | %s | %d | %d | %d | %d | %d | %d | %d (%d) | %s | %s%s |\n", latencyName(lat), ph, c.conversationGETs, c.agentLists, c.teamLists,
				c.assignmentPOSTs, c.otherGETs+c.other, c.failed, c.connections, floor.connections, expected, mark(ok), note)
		}
	}
	p("\n")

	p("### Memory (peak RSS of the provider process, highest over runs)\n\n")
	p("| phase | chatwoot | no-op provider | ÷ no-op | provider processes per command | ≤ %.2f× at N = 1,000 |\n", targetRSSVsNoop)
	p("|---|--:|--:|--:|--:|:-:|\n")
	lat0 := opts.latencies[0]
	for _, ph := range phases {
		cw, procs := r.peakRSS(variantChatwoot, lat0, ph)
		noop, _ := r.peakRSS(variantNoop, 0, ph)
		v := "n/a"
		if r.n >= 1000 && noop > 0 {
			v = mark(float64(cw) <= targetRSSVsNoop*float64(noop))
		}
		p("| %s | %s | %s | %s | %d | %s |\n", ph, mib(cw), mib(noop), ratioF(float64(cw), float64(noop)), procs, v)
	}
	p("\n")

	for _, lat := range opts.latencies {
		if lat == 0 {
			continue
		}
		p("### Time with %s latency per request (median seconds)\n\n", latencyName(lat))
		p("The bound is max(no-op floor, requests × %s ÷ %d): with latency, the parallelism decides the time. "+
			"The last columns are the no-op provider waiting %s wherever the real one sends a request (`NOOP_SIMULATED_LATENCY`): "+
			"Terraform, the framework and the same waits, with no HTTP and no code of ours.\n\n", latencyName(lat), parallelism, latencyName(lat))
		p("| phase | chatwoot | HTTP floor | requests | requests × %s ÷ %d | no-op floor | bound | ÷ bound | ≤ %.2f× bound | no-op waiting %s | ÷ no-op waiting |\n",
			latencyName(lat), parallelism, targetVsBound, latencyName(lat))
		p("|---|--:|--:|--:|--:|--:|--:|--:|:-:|--:|--:|\n")
		for _, ph := range phases {
			cw, floor, noop := r.wall(variantChatwoot, lat, ph), r.wall(variantHTTPFloor, lat, ph), r.wall(variantNoop, 0, ph)
			waiting := r.wall(variantNoop, lat, ph)
			c, _ := r.requests(variantChatwoot, lat, ph)
			latencyBound := time.Duration(c.total()) * lat / parallelism
			bound := max(noop, latencyBound)
			p("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", ph, secs(cw), secs(floor), c.total(), secs(latencyBound), secs(noop), secs(bound),
				ratio(cw, bound), verdict(cw, bound, targetVsBound), secs(waiting), ratio(cw, waiting))
		}
		p("\n")
	}

	p("<details><summary>Every run (seconds)</summary>\n\n")
	p("| variant | latency | phase | runs |\n|---|---|---|---|\n")
	for _, v := range []variant{variantChatwoot, variantNoop, variantData, variantHTTPFloor} {
		lats := opts.latencies
		if !hasZero(lats) {
			lats = append([]time.Duration{0}, lats...)
		}
		for _, lat := range lats {
			for _, ph := range phases {
				ss := r.samples[sampleKey{v, lat, ph}]
				if len(ss) == 0 {
					continue
				}
				var runs []string
				for _, s := range ss {
					runs = append(runs, secs(s.res.wall))
				}
				p("| %s | %s | %s | %s |\n", v, latencyName(lat), ph, strings.Join(runs, ", "))
			}
		}
	}
	p("\n</details>\n\n")
}

// processes is the most provider processes any chatwoot run of the phase started.
func (r *nResults) processes(lat time.Duration, ph phase) int {
	_, procs := r.peakRSS(variantChatwoot, lat, ph)
	return max(procs, 1)
}

func secs(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	if d < 10*time.Second {
		return fmt.Sprintf("%.3f", d.Seconds())
	}
	return fmt.Sprintf("%.2f", d.Seconds())
}

func ratio(a, b time.Duration) string { return ratioF(float64(a), float64(b)) }

func ratioF(a, b float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func verdict(a, b time.Duration, limit float64) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return mark(float64(a) <= limit*float64(b))
}

func mark(ok bool) string {
	if ok {
		return "✅"
	}
	return "❌"
}

func mib(kb int64) string {
	if kb == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f MiB", float64(kb)/1024)
}

func latencyName(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	return d.String()
}

func shortPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, ok := strings.CutPrefix(p, wd+"/"); ok {
			return rel
		}
	}
	return p
}
