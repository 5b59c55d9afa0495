package filterkeys

import "testing"

func TestAllowedTellsStandardFromCustomAttributes(t *testing.T) {
	cases := []struct {
		key, op string
		want    bool
	}{
		{"status", "equal_to", true},
		{"status", "contains", false},
		{"inbox_id", "days_before", false},
		{"inbox_id", "is_present", true},
		{"phone_number", "starts_with", true},
		{"plan_tier", "is_greater_than", true}, // a custom attribute
		{"plan_tier", "starts_with", false},
	}
	for _, c := range cases {
		if got := Allowed(c.key, c.op); got != c.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", c.key, c.op, got, c.want)
		}
	}
}

func TestOperatorsReturnsACopy(t *testing.T) {
	ops, _ := Operators("status")
	ops[0] = "changed"
	if again, _ := Operators("status"); again[0] != "equal_to" {
		t.Errorf("Operators handed out the table itself: %v", again)
	}
}
