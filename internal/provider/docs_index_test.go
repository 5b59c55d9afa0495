package provider

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The landing page's example must work when copied into a new configuration: without a
// required_providers block naming this provider's source, Terraform looks for hashicorp/chatwoot.
func TestDocsIndexExampleDeclaresTheProviderSource(t *testing.T) {
	raw, err := os.ReadFile("../../docs/index.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```terraform\n(.*?)```").FindStringSubmatch(string(raw))
	if block == nil {
		t.Fatal("docs/index.md has no terraform example")
	}
	source := strings.TrimPrefix(RegistryAddress, "registry.terraform.io/")
	want := regexp.MustCompile(`(?s)terraform\s*\{\s*required_providers\s*\{\s*chatwoot\s*=\s*\{\s*source\s*=\s*"` + regexp.QuoteMeta(source) + `"`)
	code := regexp.MustCompile(`(?m)^\s*#.*$`).ReplaceAllString(block[1], "")
	if !want.MatchString(code) {
		t.Errorf("the example does not declare source = %q in required_providers:\n%s", source, block[1])
	}
}
