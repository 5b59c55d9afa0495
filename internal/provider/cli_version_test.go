package provider

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Terraform and OpenTofu number their releases independently, so a test of a feature that one
// CLI gained in a given release must know which CLI it runs on. Tests skip only where the CLI
// lacks the feature.

var (
	cliFlavorOnce sync.Once
	cliIsOpenTofu bool
)

// runningOpenTofu reports whether TF_ACC_TERRAFORM_PATH is OpenTofu, from its version output.
func runningOpenTofu() bool {
	cliFlavorOnce.Do(func() {
		out, err := exec.CommandContext(context.Background(), os.Getenv("TF_ACC_TERRAFORM_PATH"), "version").Output()
		cliIsOpenTofu = err == nil && strings.Contains(string(out), "OpenTofu")
	})
	return cliIsOpenTofu
}

// requireCLIFeature skips the test on CLIs older than the release that brought feature.
type requireCLIFeature struct {
	feature             string
	terraform, openTofu *version.Version
}

var (
	// Provider-defined functions: Terraform 1.8, OpenTofu 1.7.
	cliSupportsFunctions = requireCLIFeature{"provider functions", version.Must(version.NewVersion("1.8.0")), version.Must(version.NewVersion("1.7.0"))}
	// Import by resource identity: Terraform 1.12, OpenTofu 1.12.
	cliSupportsIdentityImport = requireCLIFeature{"import by resource identity", version.Must(version.NewVersion("1.12.0")), version.Must(version.NewVersion("1.12.0"))}
	// Ephemeral resources: Terraform 1.10, OpenTofu 1.11.
	cliSupportsEphemeral = requireCLIFeature{"ephemeral resources", version.Must(version.NewVersion("1.10.0")), version.Must(version.NewVersion("1.11.0"))}
	// Write-only attributes: Terraform 1.11, OpenTofu 1.11.
	cliSupportsWriteOnly = requireCLIFeature{"write-only attributes", version.Must(version.NewVersion("1.11.0")), version.Must(version.NewVersion("1.11.0"))}
	// Actions: Terraform 1.14; OpenTofu has none (a nil version).
	cliSupportsActions = requireCLIFeature{"actions", version.Must(version.NewVersion("1.14.0")), nil}
)

var _ tfversion.TerraformVersionCheck = requireCLIFeature{}

func (c requireCLIFeature) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	name, minimum := "Terraform", c.terraform
	if runningOpenTofu() {
		name, minimum = "OpenTofu", c.openTofu
		if minimum == nil {
			resp.Skip = fmt.Sprintf("OpenTofu has no %s; this is OpenTofu %v", c.feature, req.TerraformVersion)
			return
		}
	}
	if req.TerraformVersion == nil || req.TerraformVersion.Core().LessThan(minimum) {
		resp.Skip = fmt.Sprintf("%s needs %s %s or later; this is %s %v", c.feature, name, minimum, name, req.TerraformVersion)
	}
}
