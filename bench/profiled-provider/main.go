// Command profiled-provider is the chatwoot provider as main.go serves it, plus a CPU profile of
// the whole process written to $BENCH_PPROF_DIR/cpu-<pid>.pprof when that variable is set. The
// benchmark runner builds it instead of the shipped binary with -pprof, so that the shipped
// provider carries no profiling switch.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/chatwoot-community/terraform-provider-chatwoot/bench/internal/pprofenv"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/provider"
)

func main() {
	stop := pprofenv.Start()
	err := providerserver.Serve(context.Background(), provider.New("bench"), providerserver.ServeOpts{Address: provider.RegistryAddress})
	stop()
	if err != nil {
		log.Fatalf("terraform-provider-chatwoot (profiled): %s", err)
	}
}
