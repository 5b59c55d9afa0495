package export

import (
	"bytes"

	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The round trip on every CLI of the matrix: an account made as the UI makes it is exported,
// then the real CLI plans only imports, applies them, and plans nothing afterwards. The CLI runs
// the provider built from this tree through dev_overrides; nothing is downloaded.

func TestAccExport_roundTrip_terraform_1_5_7(t *testing.T)  { roundTrip(t, "terraform-1.5.7") }
func TestAccExport_roundTrip_tofu_1_6_3(t *testing.T)       { roundTrip(t, "tofu-1.6.3") }
func TestAccExport_roundTrip_tofu_1_12_6(t *testing.T)      { roundTrip(t, "tofu-1.12.6") }
func TestAccExport_roundTrip_terraform_1_14_9(t *testing.T) { roundTrip(t, "terraform-1.14.9") }

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// cliRunner runs the CLI in dir with the provider built from this tree (dev_overrides) and the
// token; it returns the output and the exit status. It skips the test without TF_ACC or the binary.
func cliRunner(t *testing.T, cli string) func(dir, token string, args ...string) (string, int) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	// scripts/testacc.sh (and so each leg of make testacc-matrix) names one CLI: run only its test
	// there, so that the matrix does not repeat every CLI on every leg.
	if chosen := os.Getenv("TF_ACC_TERRAFORM_PATH"); chosen != "" && filepath.Base(chosen) != cli {
		t.Skipf("TF_ACC_TERRAFORM_PATH chooses %s", filepath.Base(chosen))
	}
	root := repoRoot(t)
	binary := filepath.Join(root, ".tools", "bin", cli)
	if _, err := os.Stat(binary); err != nil {
		t.Skipf("%s is not built (scripts/install-tools.sh %s)", binary, cli)
	}
	t.Parallel()

	// The provider, built from this tree.
	pluginDir := t.TempDir()
	build := exec.CommandContext(t.Context(), "go", "build", "-o", filepath.Join(pluginDir, "terraform-provider-chatwoot"), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(t.TempDir(), "cli.tfrc")
	must(t, os.WriteFile(cliConfig, fmt.Appendf(nil, "provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		DefaultSource, pluginDir), 0o600))
	dataDir := filepath.Join(t.TempDir(), "data")

	return func(dir, token string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), binary, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHATWOOT_API_ACCESS_TOKEN="+token,
			"CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0", "TF_DATA_DIR="+dataDir)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %s: %v", cli, strings.Join(args, " "), err)
		}
		return stdout.String() + stderr.String(), code
	}
}

func roundTrip(t *testing.T, cli string) {
	runIn := cliRunner(t, cli)
	a := uiAccount(t, 3)
	a.conversations(t, 10)
	unmanaged := a.unmanagedInbox(t)
	// Every kind, conversation assignments included.
	var every []string
	for _, k := range kinds {
		every = append(every, k.Name)
	}
	dir, res := a.exportWith(t, Options{Types: every, ConversationStatus: "open"})
	for _, k := range kinds {
		if res.ByKind[k.Name] < 3 {
			t.Errorf("%d objects of %s exported, want at least 3 of every kind", res.ByKind[k.Name], k.Name)
		}
	}
	// Only the inbox of a channel the provider does not manage; what refers to it finds it by name.
	if report := readFile(t, dir, "EXPORT.md"); res.Refused != 1 || !strings.Contains(report, fmt.Sprintf("(inbox %d): its channel is email", unmanaged)) {
		t.Fatalf("%d objects refused, want the e-mail inbox:\n%s", res.Refused, report)
	}

	run := func(args ...string) (string, int) { return runIn(dir, a.token, args...) }

	out, code := run("plan", "-no-color", "-out=tfplan")
	if code != 0 {
		t.Fatalf("plan exited %d:\n%s", code, out)
	}
	showOut, code := run("show", "-json", "tfplan")
	if code != 0 {
		t.Fatalf("show exited %d:\n%s", code, showOut)
	}
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Mode    string `json:"mode"`
			Change  struct {
				Actions   []string        `json:"actions"`
				Importing json.RawMessage `json:"importing"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	must(t, json.Unmarshal([]byte(showOut[:strings.LastIndex(showOut, "}")+1]), &plan))
	imports := 0
	for _, rc := range plan.ResourceChanges {
		if rc.Mode != "managed" {
			continue
		}
		if len(rc.Change.Actions) != 1 || rc.Change.Actions[0] != "no-op" || len(rc.Change.Importing) == 0 {
			t.Errorf("%s: actions %v, importing %s: want only an import", rc.Address, rc.Change.Actions, rc.Change.Importing)
			continue
		}
		imports++
	}
	if imports != res.Objects {
		t.Errorf("the plan imports %d objects, the export wrote %d:\n%s", imports, res.Objects, out)
	}
	if t.Failed() {
		t.Fatalf("plan:\n%s", out)
	}

	if out, code := run("apply", "-no-color", "-auto-approve", "tfplan"); code != 0 {
		t.Fatalf("apply exited %d:\n%s", code, out)
	}
	if out, code := run("plan", "-no-color", "-detailed-exitcode"); code != 0 {
		t.Fatalf("the plan after apply exited %d (0 is no changes):\n%s", code, out)
	}
}
