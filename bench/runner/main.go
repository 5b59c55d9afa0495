// Command runner is `make bench`: it measures what applying, refreshing, changing and destroying
// N chatwoot_conversation_assignment resources costs, next to three floors measured in the same
// run with the same Terraform and the same N:
//
//   - terraform_data, Terraform's built-in resource: what Terraform alone costs;
//   - bench/noop-provider, the same schema on the same framework with CRUD that copies plan to
//     state: what Terraform plus the framework cost any provider;
//   - a plain Go loop sending the same requests with 10 workers: what the HTTP costs.
//
// The second workload, "account" (account_workload.go), applies, plans and destroys one
// configuration of M objects over the vocabulary kinds, next to terraform_data with the same
// values, and counts each phase's requests by kind and route against the request budget.
//
// The Chatwoot mock runs inside this process on a loopback port, so the request log is read
// directly (srv.Requests()). Fixtures are made through its public Platform and Application APIs.
// Results go to BENCHMARKS.md, each workload's between its own markers, so that a run of one
// (-workload) rewrites its section only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/bench/internal/pprofenv"
)

// parallelism is Terraform's default -parallelism, which the benchmark keeps; the HTTP floor uses
// as many workers.
const parallelism = 10

type options struct {
	ns        []int
	runs      int
	latencies []time.Duration
	out       string
	workDir   string
	terraform string
	// provider, if set, is a prebuilt provider binary to measure instead of building this tree.
	provider string
	// pprof writes CPU profiles of the provider processes under workDir/pprof.
	pprof bool
	// variants limits what is measured (all when empty).
	variants map[variant]bool
	// goBench is the -benchtime of the client's Go benchmarks; empty skips them.
	goBench string
	// workloads are what is measured: workloadAssignment, workloadAccount or both. The report
	// keeps the section of a workload not measured from the previous report (report.go).
	workloads map[string]bool
	// m is the account workload's object count.
	m int
}

// The workloads, as -workload and BENCH_WORKLOAD name them.
const (
	workloadAssignment = "assignment" // N chatwoot_conversation_assignment resources and their floors
	workloadAccount    = "account"    // an account configuration of M vocabulary objects
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	var (
		opts                options
		nsFlag, latencyFlag string
		quick               bool
		render              string
	)
	var workloadFlag string
	flag.StringVar(&workloadFlag, "workload", workloadAssignment+","+workloadAccount, "comma-separated workloads to measure: "+workloadAssignment+" (N conversation assignments), "+workloadAccount+" (M vocabulary objects); the report keeps the sections of the others from the existing -out file")
	flag.IntVar(&opts.m, "m", 300, "the account workload's object count, spread over its "+strconv.Itoa(len(accountKinds))+" kinds")
	flag.StringVar(&nsFlag, "n", "100,1000", "comma-separated resource counts")
	flag.IntVar(&opts.runs, "runs", 3, "runs per measurement; the report shows the median")
	flag.StringVar(&latencyFlag, "latency", "0,50ms", "comma-separated mock latencies for the chatwoot provider and the HTTP floor (the Terraform-only floors do not talk to the mock and are measured once)")
	flag.StringVar(&opts.out, "out", "BENCHMARKS.md", "where to write the report (- for stdout)")
	flag.StringVar(&opts.workDir, "workdir", ".bench", "scratch directory for binaries, configurations and state")
	flag.StringVar(&opts.terraform, "terraform", ".tools/bin/terraform-1.5.7", "the pinned Terraform binary")
	flag.StringVar(&opts.provider, "provider", "", "measure this prebuilt provider binary instead of building the working tree (e.g. to compare two commits)")
	flag.BoolVar(&opts.pprof, "pprof", false, "build the providers with CPU profiling and write profiles to <workdir>/pprof/n<N>/<variant>/<phase>/ (times then include the profiler's cost); with -terraform .tools/bin/terraform-1.5.7-pprof (scripts/build-profiled-terraform.sh) Terraform's profile lands there too")
	flag.StringVar(&opts.goBench, "gobench", "1s", "-benchtime for the client's Go benchmarks (internal/chatwoot/bench_test.go), included in the report; empty skips them")
	var variantsFlag string
	flag.StringVar(&variantsFlag, "variants", "", "comma-separated subset of chatwoot,noop,terraform_data,http to measure (default all)")
	flag.StringVar(&render, "render", "", "render the report from saved measurements (a results.json) instead of measuring")
	flag.BoolVar(&quick, "quick", false, "a smoke run: N=100, M=100, 1 run (overrides -n, -m and -runs)")
	flag.Parse()

	var err error
	if quick {
		nsFlag, opts.m, opts.runs = "100", 100, 1
		if opts.goBench == "1s" {
			opts.goBench = "100ms"
		}
		outSet := false
		flag.Visit(func(f *flag.Flag) { outSet = outSet || f.Name == "out" })
		if !outSet {
			// A smoke run must not replace the committed results.
			opts.out = filepath.Join(opts.workDir, "BENCHMARKS-quick.md")
		}
	}
	if opts.ns, err = parseInts(nsFlag); err != nil {
		log.Fatalf("-n: %v", err)
	}
	if variantsFlag != "" {
		opts.variants = map[variant]bool{}
		for _, v := range strings.Split(variantsFlag, ",") {
			switch variant(strings.TrimSpace(v)) {
			case variantChatwoot, variantNoop, variantData, variantHTTPFloor:
				opts.variants[variant(strings.TrimSpace(v))] = true
			default:
				log.Fatalf("-variants: unknown variant %q", v)
			}
		}
	}
	if opts.latencies, err = parseDurations(latencyFlag); err != nil {
		log.Fatalf("-latency: %v", err)
	}
	if opts.runs < 1 {
		log.Fatal("-runs must be 1 or more")
	}
	if opts.m < len(accountKinds) {
		log.Fatalf("-m must be %d or more, one object of each kind", len(accountKinds))
	}
	opts.workloads = map[string]bool{}
	for _, w := range strings.Split(workloadFlag, ",") {
		switch w = strings.TrimSpace(w); w {
		case workloadAssignment, workloadAccount:
			opts.workloads[w] = true
		default:
			log.Fatalf("-workload: unknown workload %q (%s or %s)", w, workloadAssignment, workloadAccount)
		}
	}

	if render != "" {
		saved, err := loadResults(render)
		if err != nil {
			log.Fatalf("-render: %v", err)
		}
		saved.opts.out = opts.out
		if err := writeReport(saved); err != nil {
			log.Fatal(err)
		}
		return
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, opts); err != nil {
		log.Fatal(err)
	}
}

// measurements are one run's results, measured or loaded from results.json.
type measurements struct {
	env        *environment // the assignment workload's
	opts       options
	assignment []*nResults     // nil when the workload was not measured
	account    *accountResults // nil when the workload was not measured
}

// writeReport writes the report to opts.out; the sections of the workloads not measured are
// kept from the file it replaces.
func writeReport(m measurements) error {
	if m.opts.out == "-" {
		_, err := os.Stdout.WriteString(renderReport(m, ""))
		return err
	}
	previous, err := os.ReadFile(m.opts.out)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.WriteFile(m.opts.out, []byte(renderReport(m, string(previous))), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s", m.opts.out)
	return nil
}

func run(ctx context.Context, opts options) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("run from the repository root (scripts/bench.sh does)")
	}
	work, err := filepath.Abs(opts.workDir)
	if err != nil {
		return err
	}
	if opts.terraform, err = filepath.Abs(opts.terraform); err != nil {
		return err
	}
	bins := binaries{chatwootDir: filepath.Join(work, "bin", "chatwoot"), noopDir: filepath.Join(work, "bin", "noop")}
	log.Printf("building the provider and the no-op provider")
	if opts.provider == "" {
		pkg := "."
		if opts.pprof {
			pkg = "./bench/profiled-provider"
		}
		if err := goBuild(ctx, bins.exe(variantChatwoot), pkg); err != nil {
			return err
		}
	} else if err := copyExecutable(opts.provider, bins.exe(variantChatwoot)); err != nil {
		return err
	}
	if err := goBuild(ctx, bins.exe(variantNoop), "./bench/noop-provider"); err != nil {
		return err
	}
	cliConfig := filepath.Join(work, "cli.tfrc")
	if err := writeCLIConfig(cliConfig, bins); err != nil {
		return err
	}
	m := measurements{env: describeEnvironment(ctx, opts), opts: opts}

	started := time.Now()
	if opts.workloads[workloadAssignment] {
		m.assignment = []*nResults{}
		for _, n := range opts.ns {
			res, err := benchN(ctx, opts, n, work, bins, cliConfig)
			if err != nil {
				return fmt.Errorf("with %d resources: %w", n, err)
			}
			m.assignment = append(m.assignment, res)
		}
		if opts.goBench != "" {
			log.Printf("Go benchmarks of the client (benchtime %s)", opts.goBench)
			if m.env.goBench, err = goBenchmarks(ctx, opts.goBench); err != nil {
				return err
			}
		}
		m.env.took = time.Since(started)
	}
	if opts.workloads[workloadAccount] {
		if m.account, err = benchAccount(ctx, opts, work, bins, cliConfig); err != nil {
			return err
		}
	}

	saved := filepath.Join(work, "results.json")
	if err := saveResults(saved, m); err != nil {
		return err
	}
	log.Printf("measured in %s; raw results in %s", time.Since(started).Round(time.Second), saved)
	return writeReport(m)
}

// benchN measures every variant for one N. Each run goes through the variants in turn, so that
// a slow spell on the shared machine spreads over all of them rather than hitting one.
func benchN(ctx context.Context, opts options, n int, work string, bins binaries, cliConfig string) (*nResults, error) {
	log.Printf("N=%d: starting the mock and creating %d conversations", n, n)
	cw, err := startChatwoot(ctx, n)
	if err != nil {
		return nil, err
	}
	defer cw.close()

	res := newNResults(n, cw.ids)
	for _, lat := range opts.latencies {
		cw.setLatency(lat)
		order := []variant{variantData, variantNoop, variantChatwoot, variantHTTPFloor}
		if lat > 0 {
			// terraform_data does not talk to Chatwoot: latency cannot change it. The no-op
			// provider waits where the real one would (NOOP_SIMULATED_LATENCY).
			order = []variant{variantNoop, variantChatwoot, variantHTTPFloor}
		}
		for r := 1; r <= opts.runs; r++ {
			for _, v := range order {
				if opts.variants != nil && !opts.variants[v] {
					continue
				}
				log.Printf("N=%d latency=%s run %d/%d: %s", n, lat, r, opts.runs, v)
				if err := benchVariant(ctx, res, cw, v, lat, opts, work, bins, cliConfig); err != nil {
					return nil, fmt.Errorf("%s (latency %s, run %d): %w", v, lat, r, err)
				}
			}
		}
	}
	cw.setLatency(0)
	if !hasZero(opts.latencies) && (opts.variants == nil || opts.variants[variantNoop]) {
		// The latency bound needs the no-op floor even when only latencies > 0 were asked for.
		for r := 1; r <= opts.runs; r++ {
			if err := benchVariant(ctx, res, cw, variantNoop, 0, opts, work, bins, cliConfig); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// benchVariant runs the four phases once for one variant and records each.
func benchVariant(ctx context.Context, res *nResults, cw *chatwootEnv, v variant, lat time.Duration, opts options, work string, bins binaries, cliConfig string) error {
	if v == variantHTTPFloor {
		for _, ph := range phases {
			_, jobs := plan(cw.ids, res.n, ph)
			cw.resetLog()
			took, err := httpFloor(ctx, cw.baseURL, cw.token, jobs, parallelism)
			if err != nil {
				return fmt.Errorf("%s: %w", ph, err)
			}
			res.add(v, lat, ph, sample{res: result{wall: took}, reqs: cw.phaseRequests()})
		}
		return nil
	}

	dir := filepath.Join(work, fmt.Sprintf("n%d", res.n), string(v))
	if err := freshWorkingDir(dir, configuration(v, cw.baseURL, cw.token, cw.ids.accountID)); err != nil {
		return err
	}
	writeAssignments := func(changed bool) error {
		raw, err := assignmentsJSON(assignments(cw.ids, res.n, changed))
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, "assignments.json"), raw, 0o644)
	}
	if err := writeAssignments(false); err != nil {
		return err
	}
	tf := tfRunner{terraform: opts.terraform, dir: dir, cliConfig: cliConfig}
	for _, ph := range phases {
		if ph == phaseChange {
			if err := writeAssignments(true); err != nil {
				return err
			}
		}
		var env []string
		if v == variantNoop && lat > 0 {
			env = append(env, "NOOP_SIMULATED_LATENCY="+lat.String())
		}
		profile, err := profileEnv(opts, work, v, fmt.Sprintf("n%d", res.n), fmt.Sprintf("%s-%s", v, latencyName(lat)), string(ph))
		if err != nil {
			return err
		}
		r, err := runPhase(ctx, tf, cw, bins.exe(v), ph, append(env, profile...))
		if err != nil {
			return err
		}
		res.add(v, lat, ph, r)
	}
	return nil
}

// freshWorkingDir makes dir a working directory with mainTF and no state.
func freshWorkingDir(dir, mainTF string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []string{"terraform.tfstate", "terraform.tfstate.backup", ".terraform.lock.hcl"} {
		_ = os.Remove(filepath.Join(dir, f))
	}
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(mainTF), 0o644)
}

// phaseArgs is the Terraform command of a phase.
func phaseArgs(ph phase) []string {
	common := []string{"-input=false", "-no-color"}
	switch ph {
	case phaseRefresh, phasePlan:
		// Exit code 2 would mean the plan is not empty: a refresh that invents drift.
		return append([]string{"plan", "-detailed-exitcode"}, common...)
	case phaseDestroy:
		return append([]string{"destroy", "-auto-approve"}, common...)
	default: // apply, change
		return append([]string{"apply", "-auto-approve"}, common...)
	}
}

// runPhase runs one phase's command in tf's directory and returns it measured, with the requests
// the mock saw during it.
func runPhase(ctx context.Context, tf tfRunner, cw *chatwootEnv, exe string, ph phase, env []string) (sample, error) {
	cw.resetLog()
	r, err := tf.run(ctx, exe, phaseArgs(ph), env...)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w", ph, err)
	}
	s := sample{res: r, reqs: cw.phaseRequests()}
	s.routes, _ = cw.phaseRoutes()
	return s, nil
}

// profileEnv is the environment that makes a profiled provider write its CPU profiles to
// <workdir>/pprof/<path...>, which it creates, or nothing without -pprof or for terraform_data.
func profileEnv(opts options, work string, v variant, path ...string) ([]string, error) {
	if !opts.pprof || v == variantData {
		return nil, nil
	}
	dir := filepath.Join(append([]string{work, "pprof"}, path...)...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return []string{pprofenv.EnvDir + "=" + dir}, nil
}

// goBenchmarks runs the client's Go benchmarks and returns their result lines.
func goBenchmarks(ctx context.Context, benchtime string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "test", "./internal/chatwoot", "-run", "^$", "-bench", ".", "-benchmem", "-count", "1", "-benchtime", benchtime)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go test -bench: %w\n%s", err, out)
	}
	var lines []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Benchmark") || strings.HasPrefix(line, "cpu:") || strings.HasPrefix(line, "goos:") || strings.HasPrefix(line, "goarch:") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n"), nil
}

func goBuild(ctx context.Context, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build -o %s %s: %w", out, pkg, err)
	}
	return nil
}

func copyExecutable(from, to string) error {
	raw, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, raw, 0o755)
}

func parseInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 {
			return nil, fmt.Errorf("%q is not a count of 2 or more", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func parseDurations(s string) ([]time.Duration, error) {
	var out []time.Duration
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "0" {
			out = append(out, 0)
			continue
		}
		d, err := time.ParseDuration(f)
		if err != nil || d < 0 {
			return nil, fmt.Errorf("%q is not a duration such as 50ms", f)
		}
		out = append(out, d)
	}
	return out, nil
}

func hasZero(ds []time.Duration) bool {
	for _, d := range ds {
		if d == 0 {
			return true
		}
	}
	return false
}
