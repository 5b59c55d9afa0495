package chatwootmock

import (
	"fmt"
	"strconv"
	"strings"
)

// The Chatwoot versions the mock can imitate (--chatwoot-version) and the two builds
// (--edition). Behaviour that changed between versions is keyed on a threshold through
// versionAtLeast, and Enterprise-only code through enterpriseBuild, so that each difference
// reads as one condition at the place Chatwoot changed.
const (
	DefaultChatwootVersion = "4.15.1"
	EditionEnterprise      = "enterprise" // Chatwoot's standard image: Enterprise code, premium features off unless flagged
	EditionCommunity       = "community"  // the image built without the Enterprise code
)

// SupportedChatwootVersions lists the versions --chatwoot-version accepts, oldest first.
var SupportedChatwootVersions = []string{"4.15.1", "4.16.0", "4.16.1", "4.16.2", "4.17.0"}

// Editions lists the values --edition accepts.
var Editions = []string{EditionEnterprise, EditionCommunity}

// ValidateVersionAndEdition reports an error for a version or edition the mock cannot imitate.
// Empty values mean the defaults.
func ValidateVersionAndEdition(version, edition string) error {
	if version != "" && !contains(SupportedChatwootVersions, version) {
		return fmt.Errorf("unsupported Chatwoot version %q; use one of %s", version, strings.Join(SupportedChatwootVersions, ", "))
	}
	if edition != "" && !contains(Editions, edition) {
		return fmt.Errorf("unsupported edition %q; use one of %s", edition, strings.Join(Editions, ", "))
	}
	return nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// chatwootVersion is the version the mock imitates.
func (s *Server) chatwootVersion() string {
	if s.opts.ChatwootVersion == "" {
		return DefaultChatwootVersion
	}
	return s.opts.ChatwootVersion
}

// versionAtLeast reports whether the imitated Chatwoot is v or newer ("4.16.0").
func (s *Server) versionAtLeast(v string) bool {
	return compareVersions(s.chatwootVersion(), v) >= 0
}

// versionIs reports whether the imitated Chatwoot is exactly v (for 4.16.0-only regressions).
func (s *Server) versionIs(v string) bool {
	return s.chatwootVersion() == v
}

// enterpriseBuild reports whether the imitated image carries the Enterprise code.
func (s *Server) enterpriseBuild() bool {
	return s.opts.Edition == "" || s.opts.Edition == EditionEnterprise
}

// featureOn reports whether an account has a feature flag switched on.
func (a *account) featureOn(flag string) bool {
	return a.features[flag]
}

// compareVersions compares dotted numeric versions: -1, 0 or 1.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
