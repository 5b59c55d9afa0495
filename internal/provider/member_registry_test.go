package provider

import (
	"fmt"
	"sync"
	"testing"
)

// Whichever kind claims a container second sees the first; the same claim made again (a
// resource planned twice) is no conflict; other containers, accounts and provider
// configurations are separate.
func TestMemberRegistry_secondKindSeesTheFirst(t *testing.T) {
	team := memberContainer{accountID: 1, noun: "team", id: 5}
	reg := memberRegistryOf(&providerData{})
	for range 2 { // the same resource planned twice
		if reg.claimMember(team, 3) {
			t.Fatal("single members alone conflict")
		}
	}
	if got := reg.claimSet(team); fmt.Sprint(got) != "[3]" {
		t.Fatalf("the set sees single members %v; want [3]", got)
	}
	if !reg.claimMember(team, 4) {
		t.Fatal("a single member after the set does not see it")
	}
	for _, other := range []memberContainer{{1, "team", 6}, {2, "team", 5}, {1, "inbox", 5}} {
		if got := reg.claimSet(other); len(got) != 0 {
			t.Errorf("%+v sees %v", other, got)
		}
	}
	if got := memberRegistryOf(&providerData{}).claimSet(team); len(got) != 0 {
		t.Errorf("another provider configuration sees %v", got)
	}
}

// Claims made at the same time still meet: one of the two sees the other.
func TestMemberRegistry_concurrentClaimsMeet(t *testing.T) {
	for i := 0; i < 50; i++ {
		reg := memberRegistryOf(&providerData{})
		c := memberContainer{accountID: 1, noun: "inbox", id: int64(i)}
		var wg sync.WaitGroup
		var setSaw []int64
		var memberSaw bool
		wg.Add(2)
		go func() { defer wg.Done(); setSaw = reg.claimSet(c) }()
		go func() { defer wg.Done(); memberSaw = reg.claimMember(c, 7) }()
		wg.Wait()
		if len(setSaw) == 0 && !memberSaw {
			t.Fatalf("round %d: neither claim saw the other", i)
		}
	}
}
