package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startRun runs the program's main logic with a pipe for stdout and returns a line reader.
// The run is cancelled, and must stop cleanly, when the test ends.
func startRun(t *testing.T, args ...string) *bufio.Scanner {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, args, pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run after cancel: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("run did not stop after cancel")
		}
	})
	return bufio.NewScanner(pr)
}

var listeningLine = regexp.MustCompile(`^listening on (http://127\.0\.0\.1:[1-9][0-9]*)$`)

func TestProgramPrintsListeningLineWithRealPort(t *testing.T) {
	lines := startRun(t, "--listen", "127.0.0.1:0", "--platform-token", "ptok")
	if !lines.Scan() {
		t.Fatal("no output")
	}
	m := listeningLine.FindStringSubmatch(lines.Text())
	if m == nil {
		t.Fatalf("first line = %q", lines.Text())
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, m[1]+"/platform/api/v1/accounts", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Fatalf("status = %d", resp.StatusCode)
	}
}

func TestProgramDemoPrintsKeyValuesThenReady(t *testing.T) {
	lines := startRun(t, "--platform-token", "ptok", "--demo")
	if !lines.Scan() || !listeningLine.MatchString(lines.Text()) {
		t.Fatalf("first line = %q", lines.Text())
	}
	kv := map[string]string{}
	for lines.Scan() {
		line := lines.Text()
		if line == "ready" {
			break
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("not KEY=VALUE: %q", line)
		}
		kv[k] = v
	}
	want := map[string]string{"CHATWOOT_ACCOUNT_ID": "1", "AGENT1_EMAIL": "alice@demo.example",
		"AGENT2_EMAIL": "bob@demo.example", "TEAM_NAME": "billing", "CONVERSATION_IDS": "1,2,3,4,5"}
	for k, v := range want {
		if kv[k] != v {
			t.Errorf("%s = %q, want %q", k, kv[k], v)
		}
	}
	req, _ := http.NewRequestWithContext(t.Context(), "GET", kv["CHATWOOT_BASE_URL"]+"/api/v1/accounts/1/conversations/5", nil)
	req.Header.Set("api_access_token", kv["CHATWOOT_API_ACCESS_TOKEN"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("demo conversation 5: status %d", resp.StatusCode)
	}
}

func TestProgramRequiresPlatformToken(t *testing.T) {
	if err := run(context.Background(), nil, io.Discard, io.Discard); err == nil {
		t.Fatal("expected an error without --platform-token")
	}
}

func TestProgramHelpListsTheMockOnlyEndpoints(t *testing.T) {
	var stderr strings.Builder
	if err := run(context.Background(), []string{"-h"}, io.Discard, &stderr); err == nil {
		t.Fatal("-h should end the program with flag.ErrHelp")
	}
	for _, want := range []string{"POST /__mock/jobs/periodic_assignment", "POST /__mock/clock/advance", "-edition"} {
		if !strings.Contains(stderr.String(), want) {
			t.Fatalf("-h output lacks %q:\n%s", want, stderr.String())
		}
	}
}
