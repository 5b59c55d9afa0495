package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/export"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/provider"
)

// version and commit are stamped by the release build (goreleaser ldflags).
var (
	version = "dev"
	commit  = "none"
)

func main() {
	// "export" writes an account's configuration as Terraform files; anything else serves the
	// provider, as Terraform starts it.
	if len(os.Args) > 1 && os.Args[1] == "export" {
		os.Exit(export.Main(context.Background(), os.Args[2:], os.Getenv, os.Stderr, export.Options{
			UserAgent: "terraform-provider-chatwoot-export/" + version,
			Describe:  provider.DescribeClientError,
		}))
	}

	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: provider.RegistryAddress,
		Debug:   debug,
	})
	if err != nil {
		log.Fatalf("terraform-provider-chatwoot %s (%s): %s", version, commit, err)
	}
}
