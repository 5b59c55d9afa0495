// Command noop-provider is the benchmark's floor for "Terraform plus terraform-plugin-framework":
// a provider with the same provider attributes and the same chatwoot_conversation_assignment
// schema (validators, plan modifiers, default, timeouts block, identity) as the real one, whose
// CRUD only copies the plan to the state. Any time the real provider spends above it is HTTP and
// our own code. With NOOP_SIMULATED_LATENCY (waits.go) it also waits where the real provider
// waits for Chatwoot.
//
// It lives with the benchmark, not in the shipped provider; its address is
// registry.terraform.io/chatwoot-community/noop and its resource is noop_conversation_assignment.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/chatwoot-community/terraform-provider-chatwoot/bench/internal/pprofenv"
)

// registryAddress is what dev_overrides maps to the binary.
const registryAddress = "registry.terraform.io/chatwoot-community/noop"

func main() {
	stop := pprofenv.Start() // only with BENCH_PPROF_DIR, for runner -pprof
	err := providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{Address: registryAddress})
	stop()
	if err != nil {
		log.Fatalf("terraform-provider-noop: %s", err)
	}
}
