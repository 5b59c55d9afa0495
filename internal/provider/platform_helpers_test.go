package provider

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// Helpers of the chatwoot_platform_* tests.

// testPlatformToken is the Platform App token of newTestEnv's Chatwoot.
func testPlatformToken() string {
	if token := os.Getenv(envTestPlatformToken); token != "" && os.Getenv(envTestBaseURL) != "" {
		return token
	}
	return "test-platform-token"
}

// platformProviderConfig is a provider block with a platform token only.
func platformProviderConfig(baseURL, platformToken string) string {
	return fmt.Sprintf(`
provider "chatwoot" {
  base_url       = %q
  platform_token = %q
}
`, baseURL, platformToken)
}

// platformAPI reads and changes Chatwoot behind Terraform's back with the platform token.
func platformAPI(t *testing.T, baseURL string) *chatwoot.Client {
	t.Helper()
	c, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, PlatformToken: testPlatformToken()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newMockWithOtherApp starts a mock with a second Platform App, whose token is returned.
func newMockWithOtherApp(t *testing.T) (env *testEnv, otherToken string) {
	t.Helper()
	otherToken = "other-platform-app-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{
		PlatformToken: testPlatformToken(), OtherPlatformTokens: []string{otherToken},
	})
	env = &testEnv{BaseURL: baseURL, Mock: mock}
	return env, otherToken
}

// Every platform resource has an id, a timeouts block, and an identity whose attributes are
// attributes of the resource and required for import.
func TestPlatformResources_shape(t *testing.T) {
	ctx := context.Background()
	found := 0
	for _, rr := range registeredResources(t) {
		if !strings.HasPrefix(rr.typeName, "chatwoot_platform_") {
			continue
		}
		found++
		t.Run(rr.typeName, func(t *testing.T) {
			withIdentity, ok := rr.r.(resource.ResourceWithIdentity)
			if !ok {
				t.Fatal("has no identity schema")
			}
			if _, ok := rr.r.(resource.ResourceWithImportState); !ok {
				t.Fatal("cannot be imported")
			}
			var identity resource.IdentitySchemaResponse
			withIdentity.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identity)
			if len(identity.IdentitySchema.Attributes) == 0 {
				t.Fatal("identity has no attributes")
			}
			for name, attr := range identity.IdentitySchema.Attributes {
				if !attr.IsRequiredForImport() {
					t.Errorf("identity attribute %s is not required for import", name)
				}
				if _, ok := rr.schema.Schema.Attributes[name]; !ok {
					t.Errorf("identity attribute %s is not an attribute of the resource", name)
				}
			}
			if _, ok := rr.schema.Schema.Attributes["id"]; !ok {
				t.Error("schema has no id")
			}
			if _, ok := rr.schema.Schema.Blocks["timeouts"]; !ok {
				t.Error("schema has no timeouts block; use operationTimeoutsBlock")
			}
		})
	}
	if found == 0 {
		t.Fatal("no chatwoot_platform_* resource is registered")
	}
}

// stateFilesLack checks every state file under dir for secret: it must not be written anywhere
// in them (terraform-plugin-testing keeps each test's working directory under TF_ACC_TEMP_DIR).
func stateFilesLack(dir, secret string) error {
	found := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".tfstate") {
			return err
		}
		found++
		b, err := os.ReadFile(p) //nolint:gosec // the test's own temporary directory

		if err != nil {
			return err
		}
		if strings.Contains(string(b), secret) {
			return fmt.Errorf("the state file %s holds the password", p)
		}
		if !strings.Contains(string(b), "chatwoot_platform_user") {
			return fmt.Errorf("the state file %s has no chatwoot_platform_user", p)
		}
		return nil
	})
	if err == nil && found == 0 {
		err = fmt.Errorf("no state file under %s", dir)
	}
	return err
}
