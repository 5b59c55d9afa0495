package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportCannedResponse_namedAfterShortCodes(t *testing.T) {
	a := newAccount(t)
	var ids []int64
	for _, code := range []string{"Thanks", "thanks", "Order-Status"} {
		ids = append(ids, idOf(t, a.do(t, http.MethodPost, "canned_responses", map[string]any{"canned_response": map[string]any{
			"short_code": code, "content": "Reply for " + code + "\nwith a second line"}})))
	}
	dir, res := a.export(t, "canned_response")
	if res.Objects != 3 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "canned_response.tf", `resource "chatwoot_canned_response" "thanks" {
  short_code = "Thanks"
  content    = "Reply for Thanks\nwith a second line"
}

resource "chatwoot_canned_response" "thanks_2" {
  short_code = "thanks"
  content    = "Reply for thanks\nwith a second line"
}

resource "chatwoot_canned_response" "order_status" {
  short_code = "Order-Status"
  content    = "Reply for Order-Status\nwith a second line"
}
`)
	if want := fmt.Sprintf("to = chatwoot_canned_response.thanks_2\n  id = \"%d/%d\"", a.id, ids[1]); !strings.Contains(readFile(t, dir, "imports.tf"), want) {
		t.Errorf("imports.tf lacks %q", want)
	}
}
