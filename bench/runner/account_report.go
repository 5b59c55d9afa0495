package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// kindNoun is how the report names each kind's objects.
var kindNoun = map[string]string{
	"labels": "labels", "canned_responses": "canned responses", "custom_attribute_definitions": "custom attribute definitions",
	"webhooks": "webhooks", "macros": "macros", "sla_policies": "SLA policies", "teams": "teams", "team_members": "team member sets",
}

// renderAccount is the account workload's section.
func renderAccount(b *strings.Builder, a *accountResults, terraform string) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	counts := accountObjectCounts(a.n)
	var spread []string
	for _, k := range accountKinds {
		spread = append(spread, fmt.Sprintf("%d %s", counts[k.name], kindNoun[k.name]))
	}

	p("## Account workload\n\n")
	p("One configuration of M = %d objects over the account's vocabulary kinds, applied, planned and destroyed by Terraform with the provider, next to `terraform_data` holding the same values.\n\n", a.n)
	p("| | |\n|---|---|\n")
	p("| date | %s |\n| CPUs (`nproc`) | %d (%s) |\n| Terraform | %s (`%s`) |\n| commit | %s |\n", a.env.date, a.env.cpus, a.env.cpu, a.env.terraformVersion, shortPath(terraform), a.env.commit)
	p("| Chatwoot mock | %s, %s build, the account's `sla` feature on |\n", accountChatwoot.ChatwootVersion, accountChatwoot.Edition)
	p("| objects | %d: %s |\n", a.n, strings.Join(spread, ", "))
	p("| runs | %d (median shown) |\n| load average at start | %s |\n| total time | %s |\n\n", a.runs, a.env.loadAtStart, a.env.took.Round(time.Second))
	p("**The machine is shared**: other jobs used the same 2 cores during the run, so wall times are noisy; CPU time and the requests are the figures to read, ")
	p("and `terraform_data` was measured in the same runs, interleaved with the provider.\n\n")

	p("### Method\n\n")
	p("- The mock imitates Chatwoot %s on the Enterprise build, where SLA policies need both the build and the account's `sla` feature, so all eight kinds are measured. ", accountChatwoot.ChatwootVersion)
	p("The account (an administrator, two agents, a team) is created through the mock's public Platform and Application APIs (`internal/fixture`); it holds none of the workload's objects before the apply.\n")
	p("- One resource block per kind with `for_each` over `account.json` (`bench/runner/account_workload.go`): object i is of kind i mod %d. ", len(accountKinds))
	p("Each team's member set takes the team's id from its `chatwoot_team` and both agents; macros send a message; webhooks point at URLs the mock never calls.\n")
	p("- Phases, each in the same working directory, Terraform's default `-parallelism=%d`: **apply** (`terraform apply` creating M objects, no refresh: the state is empty), ", parallelism)
	p("**plan** (`terraform plan -detailed-exitcode` with nothing to change: refreshes M objects; exit code 2 would fail the run), **destroy** (`terraform destroy`: refresh, then M deletes).\n")
	p("- Requests are counted from the mock's request log by route. The budget is the issue's and the design's: ")
	p("a plan lists each kind at most once per provider process and sends no show request (the lists hold every field); a team's member set has no account-wide list, so each costs one read; ")
	p("a write is one request per object (a member set is written with one `PATCH` of its members, on create and destroy); ")
	p("and each write invalidates its kind's cached list, so that Terraform's second plan of the next object of the kind in the apply process may list it again: up to one list per write. ")
	p("The measured lists are shown as they are, against that bound.\n\n")

	p("### Time (median seconds)\n\n")
	p("CPU is user + system of Terraform and every provider process it started; the provider's share in brackets.\n\n")
	p("| phase | chatwoot | terraform_data | ÷ | CPU chatwoot | CPU terraform_data | ÷ | provider peak RSS | provider processes |\n")
	p("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, ph := range accountPhases {
		cw, data := a.wall(variantChatwoot, 0, ph), a.wall(variantData, 0, ph)
		cwCPU, cwProv := a.cpu(variantChatwoot, ph)
		dataCPU, _ := a.cpu(variantData, ph)
		rss, procs := a.peakRSS(variantChatwoot, 0, ph)
		p("| %s | %s | %s | %s | %s (%s) | %s | %s | %s | %d |\n", ph, secs(cw), secs(data), ratio(cw, data),
			secs(cwCPU), secs(cwProv), secs(dataCPU), ratio(cwCPU, dataCPU), mib(rss), procs)
	}
	p("\n")

	p("### Requests (chatwoot provider, from the mock's log)\n\n")
	p("Per phase and kind; a range is the lowest and highest over the runs. \"within\" holds when every run kept to the budget.\n\n")
	p("| phase | kind | objects | list | show | create | update | delete | budget | within |\n")
	p("|---|---|--:|--:|--:|--:|--:|--:|---|:-:|\n")
	for _, ph := range accountPhases {
		ss := a.samples[sampleKey{variantChatwoot, 0, ph}]
		if len(ss) == 0 {
			continue
		}
		perRun := make([]map[string]kindCounts, len(ss))
		for i, s := range ss {
			perRun[i], _ = byKind(s.routes)
		}
		procs := a.processes(0, ph)
		for _, k := range accountKinds {
			budget := accountBudget(k, counts[k.name], ph, procs)
			ok := true
			cells := make([]string, 0, 5)
			for _, op := range []string{opList, opShow, opCreate, opUpdate, opDelete} {
				cells = append(cells, spanOf(len(ss), func(i int) int { return perRun[i][k.name][op] }))
			}
			for i := range ss {
				ok = ok && budget.within(perRun[i][k.name])
			}
			p("| %s | %s | %d | %s | %s | %s |\n", ph, k.resource, counts[k.name], strings.Join(cells, " | "), budget, mark(ok))
		}
		last := ss[len(ss)-1]
		_, other := byKind(last.routes)
		var others []string
		for _, r := range sortedRoutes(other) {
			others = append(others, fmt.Sprintf("`%s` %d", r, other[r]))
		}
		if len(others) == 0 {
			others = []string{"none"}
		}
		p("| %s | other routes (last run) | | %s | | | | | | |\n", ph, strings.Join(others, ", "))
		p("| %s | **all** | **%d** | %s requests, %s non-2xx | | | | | | |\n", ph, a.n,
			spanOf(len(ss), func(i int) int { return total(ss[i].routes) }), spanOf(len(ss), func(i int) int { return ss[i].reqs.failed }))
	}
	p("\n")

	p("<details><summary>Every run (seconds)</summary>\n\n")
	p("| variant | phase | runs |\n|---|---|---|\n")
	for _, v := range accountVariants {
		for _, ph := range accountPhases {
			var runs []string
			for _, s := range a.samples[sampleKey{v, 0, ph}] {
				runs = append(runs, secs(s.res.wall))
			}
			if len(runs) > 0 {
				p("| %s | %s | %s |\n", v, ph, strings.Join(runs, ", "))
			}
		}
	}
	p("\n</details>\n\n")
}

// spanOf is n runs' values of one count: "7" when they agree, "5–9" when not.
func spanOf(n int, value func(run int) int) string {
	vs := make([]int, n)
	for i := range n {
		vs[i] = value(i)
	}
	lo, hi := slices.Min(vs), slices.Max(vs)
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

func total(routes map[string]int) int {
	n := 0
	for _, c := range routes {
		n += c
	}
	return n
}
