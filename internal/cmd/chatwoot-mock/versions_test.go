package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestHelpListsVersionEditionAndCloudSwitches(t *testing.T) {
	var stderr bytes.Buffer
	_, _ = parseFlags([]string{"-h"}, &stderr)
	for _, want := range []string{"-chatwoot-version", "4.15.1", "4.17.0", "-edition", "community", "-cloud"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("-h does not mention %q:\n%s", want, stderr.String())
		}
	}
}

func TestCloudSwitchReachesTheMock(t *testing.T) {
	cfg, err := parseFlags([]string{"--platform-token", "p", "--cloud", "--chatwoot-version", "4.16.2"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.cloud || cfg.version != "4.16.2" {
		t.Fatalf("cfg = %+v", cfg)
	}
}
