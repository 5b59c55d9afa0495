package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// variant is one way of running the same N resources through Terraform.
type variant string

const (
	variantChatwoot  variant = "chatwoot"       // the provider built from this repository
	variantNoop      variant = "noop"           // bench/noop-provider: same schema, CRUD copies plan to state
	variantData      variant = "terraform_data" // Terraform's built-in resource: Terraform's own floor
	variantHTTPFloor variant = "http"           // no Terraform: the same requests from 10 Go workers
)

// binaries are the provider executables dev_overrides points Terraform at.
type binaries struct {
	chatwootDir, noopDir string
}

func (b binaries) exe(v variant) string {
	switch v {
	case variantChatwoot:
		return filepath.Join(b.chatwootDir, "terraform-provider-chatwoot")
	case variantNoop:
		return filepath.Join(b.noopDir, "terraform-provider-noop")
	}
	return ""
}

// writeCLIConfig writes the CLI configuration that maps both providers to the binaries built for
// this run, so that no registry is contacted and no `terraform init` is needed.
func writeCLIConfig(path string, b binaries) error {
	cfg := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "chatwoot-community/chatwoot" = %q
    "chatwoot-community/noop"     = %q
  }
  direct {}
}
disable_checkpoint = true
`, b.chatwootDir, b.noopDir)
	return os.WriteFile(path, []byte(cfg), 0o644)
}

// configuration returns main.tf for a variant. Every variant reads the same assignments.json.
func configuration(v variant, baseURL, token string, accountID int64) string {
	locals := "locals {\n  assignments = jsondecode(file(\"${path.module}/assignments.json\"))\n}\n"
	if v == variantData {
		return locals + `
resource "terraform_data" "a" {
  for_each = local.assignments
  input    = each.value
}
`
	}
	name := providerName(v)
	return providerHeader(name, baseURL, token, accountID) + "\n" + locals + fmt.Sprintf(`
resource "%s_conversation_assignment" "a" {
  for_each        = local.assignments
  conversation_id = each.value.conversation_id
  assignee_id     = each.value.assignee_id
  team_id         = each.value.team_id
}
`, name)
}

// providerName is the local name, and the resource type prefix, of a variant's provider.
func providerName(v variant) string {
	if v == variantNoop {
		return "noop"
	}
	return "chatwoot"
}

// providerHeader is the terraform block requiring the named provider (a dev_overrides source)
// and its configuration for the seeded account.
func providerHeader(name, baseURL, token string, accountID int64) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    %[1]s = { source = "chatwoot-community/%[1]s" }
  }
}

provider "%[1]s" {
  base_url         = %[2]q
  api_access_token = %[3]q
  account_id       = %[4]d
}
`, name, baseURL, token, accountID)
}

// tfRunner runs the pinned Terraform in one working directory.
type tfRunner struct {
	terraform string
	dir       string
	cliConfig string
}

// result is one measured command.
type result struct {
	wall time.Duration
	// providerRSS is the highest VmHWM (peak resident set) of any provider process the command
	// started, in KiB; 0 for terraform_data, which runs inside Terraform.
	providerRSS int64
	// providerProcesses counts the provider processes seen.
	providerProcesses int
	// terraformRSS is Terraform's own peak RSS in KiB.
	terraformRSS int64
	// cpu is the user + system CPU time of Terraform and every provider process it started and
	// reaped: unlike wall time, it hardly changes when other jobs share the machine.
	cpu time.Duration
	// providerCPU is the part of cpu spent in provider processes (sampled, so it may miss the
	// last 20 ms of each process).
	providerCPU time.Duration
}

// run executes terraform with args (and extra environment variables) and measures it. Any exit
// code but 0 is a failure, which for plan -detailed-exitcode includes 2, "changes present".
func (r tfRunner) run(ctx context.Context, providerExe string, args []string, env ...string) (result, error) {
	cmd := exec.CommandContext(ctx, r.terraform, args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+r.cliConfig,
		"TF_IN_AUTOMATION=1",
		"TF_INPUT=0",
		"CHECKPOINT_DISABLE=1",
		"TF_LOG=", "TF_LOG_PROVIDER=",
	)
	cmd.Env = append(cmd.Env, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out

	var sampler *rssSampler
	if providerExe != "" {
		sampler = startRSSSampler(providerExe, 20*time.Millisecond)
	}
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	res := result{wall: wall}
	if sampler != nil {
		res.providerRSS, res.providerProcesses, res.providerCPU = sampler.stop()
	}
	if cmd.ProcessState != nil {
		res.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.terraformRSS = ru.Maxrss // KiB on Linux
		}
	}
	if err != nil {
		return res, fmt.Errorf("terraform %s in %s: %w\n%s", strings.Join(args, " "), r.dir, err, tail(out.String(), 4000))
	}
	return res, nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// rssSampler polls /proc for processes running exe and keeps the highest VmHWM seen. VmHWM is
// the kernel's own high-water mark, so sampling only has to catch each process once before it
// exits, not at its peak.
type rssSampler struct {
	exe  string
	done chan struct{}
	wg   sync.WaitGroup

	mu    sync.Mutex
	peak  int64
	procs map[int]time.Duration // pid → CPU time at the last sample
}

func startRSSSampler(exe string, every time.Duration) *rssSampler {
	s := &rssSampler{exe: exe, done: make(chan struct{}), procs: map[int]time.Duration{}}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-s.done:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

func (s *rssSampler) sample() {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); err != nil || exe != s.exe {
			continue
		}
		hwm, cpu := readVmHWM(pid), readCPU(pid)
		s.mu.Lock()
		s.procs[pid] = max(s.procs[pid], cpu)
		s.peak = max(s.peak, hwm)
		s.mu.Unlock()
	}
}

func (s *rssSampler) stop() (peakKiB int64, processes int, cpu time.Duration) {
	close(s.done)
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.procs {
		cpu += c
	}
	return s.peak, len(s.procs), cpu
}

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times; 100 on every Linux that Go supports.
const clockTicks = 100

// readCPU returns the process's user + system CPU time so far, or 0.
func readCPU(pid int) time.Duration {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name (field 2) may contain spaces; the fields after it are fixed.
	_, rest, ok := strings.Cut(string(raw), ") ")
	if !ok {
		return 0
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// readVmHWM returns the process's peak resident set size in KiB, or 0.
func readVmHWM(pid int) int64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}
