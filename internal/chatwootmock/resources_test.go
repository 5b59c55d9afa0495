package chatwootmock

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func TestSection2_ParamMissingForEmptyBodies(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	for path, key := range map[string]string{"teams": "team", "labels": "label", "webhooks": "webhook",
		"canned_responses": "canned_response", "custom_attribute_definitions": "custom_attribute_definition", "agents": "agent"} {
		t.Run(path, func(t *testing.T) {
			h.call("POST", acctPath(sc, "%s", path), sc.AdminToken, `{}`).
				expect(t, 422, `{"error":"param is missing or the value is empty: `+key+`"}`)
		})
	}
	t.Run("form bodies must nest", func(t *testing.T) {
		r := h.callWith("POST", acctPath(sc, "labels"), "label%5Btitle%5D=Form-Label", map[string]string{
			"api_access_token": sc.AdminToken, "Content-Type": "application/x-www-form-urlencoded"})
		r.expect(t, 200, "")
		if r.obj(t)["title"] != "form-label" {
			t.Fatalf("label = %s", r.body)
		}
		h.callWith("POST", acctPath(sc, "labels"), "title=flat", map[string]string{
			"api_access_token": sc.AdminToken, "Content-Type": "application/x-www-form-urlencoded"}).
			expect(t, 422, `{"error":"param is missing or the value is empty: label"}`)
	})
}

func TestSection6_7_Labels(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "labels")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"title": "VIP-Customer"})
	r.expect(t, 200, "")
	if l := r.obj(t); l["title"] != "vip-customer" || l["color"] != "#1f93ff" {
		t.Fatalf("label = %s", r.body)
	}
	id := num(r.obj(t)["id"])
	for _, bad := range []string{"a", "has space", "_lead"} {
		h.call("POST", path, sc.AdminToken, map[string]any{"title": bad}).
			expect(t, 422, `{"message":"Title is invalid","attributes":["title"]}`)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"title": "vip-CUSTOMER"}).
		expect(t, 422, `{"message":"Title has already been taken","attributes":["title"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"title": "aardvark"}).expect(t, 200, "")
	titles := []string{}
	for _, l := range asArr(t, h.call("GET", path, sc.Agent1.AccessToken, nil).obj(t)["payload"]) {
		titles = append(titles, asStr(t, asObj(t, l)["title"]))
	}
	if strings.Join(titles, ",") != "aardvark,vip-customer" {
		t.Fatalf("titles = %v", titles)
	}
	h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.Agent1.AccessToken, nil).expect(t, 401, "")
	h.call("GET", path+"/999999", sc.Agent1.AccessToken, nil).expect(t, 404, "")
	h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 200, "")
	h.call("PUT", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"color": "#000000"}).expect(t, 200, "")
	h.call("DELETE", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 200, "")
}

func TestSection6_8_Webhooks(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "webhooks")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/hook", "inbox_id": sc.Inbox.ID})
	r.expect(t, 200, "")
	w := asObj(t, asObj(t, r.obj(t)["payload"])["webhook"])
	if len(asArr(t, w["subscriptions"])) != 8 || w["secret"] == "" || asObj(t, w["inbox"])["name"] != sc.Inbox.Name {
		t.Fatalf("webhook = %s", r.body)
	}
	id := num(w["id"])
	if list := asArr(t, asObj(t, h.call("GET", path, sc.AdminToken, nil).obj(t)["payload"])["webhooks"]); len(list) != 1 {
		t.Fatalf("list = %v", list)
	}
	h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 404, `{"status":404,"error":"Not Found"}`)
	for _, subs := range []any{[]string{}, []string{"conversation_created", "nope"}} {
		h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/other", "subscriptions": subs}).
			expect(t, 422, `{"message":"Subscriptions Invalid events","attributes":["subscriptions"]}`)
	}
	h.call("POST", path, sc.AdminToken, map[string]any{"url": "ftp://x"}).expect(t, 422, `{"message":"Url is invalid","attributes":["url"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"url": "https://example.test/hook"}).
		expect(t, 422, `{"message":"Url has already been taken","attributes":["url"]}`)
	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"subscriptions": []string{"inbox_created"}})
	if subs := asArr(t, asObj(t, asObj(t, r.obj(t)["payload"])["webhook"])["subscriptions"]); len(subs) != 1 {
		t.Fatalf("update = %s", r.body)
	}
	h.call("GET", path, sc.Agent1.AccessToken, nil).expect(t, 401, "")
	h.call("DELETE", path+"/999999", sc.Agent1.AccessToken, nil).expect(t, 401, "")
	h.call("DELETE", path+"/999999", sc.AdminToken, nil).expect(t, 404, "")
	h.call("DELETE", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 200, "")
}

func TestSection6_9_CannedResponses(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "canned_responses")
	r := h.call("POST", path, sc.Agent1.AccessToken, map[string]any{"short_code": "Hello", "content": "Hi there"})
	r.expect(t, 200, "")
	if got := strings.Join(keysOf(t, r.body), ","); got != "id,account_id,short_code,content,created_at,updated_at" {
		t.Fatalf("keys = %s", got)
	}
	cr := r.obj(t)
	if cr["short_code"] != "Hello" || !isoMillis.MatchString(asStr(t, cr["created_at"])) {
		t.Fatalf("canned = %s", r.body)
	}
	h.call("POST", path, sc.Agent1.AccessToken, map[string]any{"short_code": "hello", "content": "x"}).expect(t, 200, "")
	h.call("POST", path, sc.Agent1.AccessToken, map[string]any{"short_code": "Hello", "content": "x"}).
		expect(t, 422, `{"message":"Short code has already been taken","attributes":["short_code"]}`)
	h.call("POST", path, sc.Agent1.AccessToken, map[string]any{"short_code": "x"}).
		expect(t, 422, `{"message":"Content can't be blank","attributes":["content"]}`)
	if n := len(h.call("GET", path+"?search=there", sc.Agent2.AccessToken, nil).arr(t)); n != 1 {
		t.Fatalf("search hits = %d", n)
	}
	h.call("PUT", fmt.Sprintf("%s/%d", path, num(cr["id"])), sc.Agent2.AccessToken, map[string]any{"content": "new"}).expect(t, 200, "")
	h.call("DELETE", fmt.Sprintf("%s/%d", path, num(cr["id"])), sc.Agent2.AccessToken, nil).expect(t, 200, "")
}

func TestSection6_10_CustomAttributeDefinitions(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "custom_attribute_definitions")
	r := h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "Plan", "attribute_key": " plan.tier ",
		"attribute_display_type": 6, "attribute_model": "contact_attribute", "attribute_values": []string{"a", "b"}})
	r.expect(t, 200, "")
	d := r.obj(t)
	if d["attribute_key"] != "plan.tier" || d["attribute_display_type"] != "list" || d["attribute_model"] != "contact_attribute" ||
		!isoMillis.MatchString(asStr(t, d["updated_at"])) {
		t.Fatalf("definition = %s", r.body)
	}
	id := num(d["id"])
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "S", "attribute_key": "status", "attribute_model": 0}).
		expect(t, 422, `{"message":"Attribute key The provided key is not allowed as it might conflict with default attributes.","attributes":["attribute_key"]}`)
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "S", "attribute_key": "x", "attribute_display_type": "bogus"}).expect(t, 500, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"attribute_display_name": "S", "attribute_key": "has space"}).
		expect(t, 422, `{"message":"Attribute key must only contain letters, numbers, underscores, hyphens, and dots","attributes":["attribute_key"]}`)
	if n := len(h.call("GET", path+"?attribute_model=conversation_attribute", sc.Agent1.AccessToken, nil).arr(t)); n != 0 {
		t.Fatalf("conversation attributes = %d", n)
	}
	if n := len(h.call("GET", path, sc.Agent1.AccessToken, nil).arr(t)); n != 1 {
		t.Fatalf("all attributes = %d", n)
	}
	h.call("GET", fmt.Sprintf("%s/%d", path, id), sc.Agent1.AccessToken, nil).expect(t, 200, "")
	h.call("PATCH", fmt.Sprintf("%s/%d", path, id), sc.Agent1.AccessToken, map[string]any{"attribute_key": "y"}).expect(t, 401, "")
	r = h.call("PATCH", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"attribute_key": "renamed", "attribute_model": 1})
	if d := r.obj(t); d["attribute_key"] != "renamed" {
		t.Fatalf("update = %s", r.body)
	}
	h.call("DELETE", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 204, "")
}

func TestSection6_11_AgentBots(t *testing.T) {
	h := newHarness(t)
	sc := h.seed(fixture.SeedOptions{})
	path := acctPath(sc, "agent_bots")
	global := h.call("POST", "/platform/api/v1/agent_bots", testPlatformToken, map[string]any{"name": "G"}).obj(t)
	other := h.seed(fixture.SeedOptions{})

	list := h.call("GET", path, sc.Agent1.AccessToken, nil).arr(t)
	if len(list) != 2 {
		t.Fatalf("bots = %v (want the account bot and the global one)", list)
	}
	own := asObj(t, list[0])
	if own["access_token"] != sc.Bot.AccessToken || own["secret"] != nil || own["system_bot"] != false {
		t.Fatalf("own bot for an agent = %v", own)
	}
	g := asObj(t, list[1])
	if _, ok := g["access_token"]; ok || g["system_bot"] != true {
		t.Fatalf("global bot = %v", g)
	}
	if _, ok := g["outgoing_url"]; ok {
		t.Fatal("system bots have no outgoing_url")
	}
	h.call("GET", fmt.Sprintf("%s/%d", path, num(global["id"])), sc.Agent1.AccessToken, nil).expect(t, 200, "")
	h.call("GET", fmt.Sprintf("%s/%d", path, other.Bot.ID), sc.AdminToken, nil).expect(t, 404, "")
	h.call("PATCH", fmt.Sprintf("%s/%d", path, num(global["id"])), sc.AdminToken, map[string]any{"name": "x"}).expect(t, 404, "")

	r := h.call("POST", path, sc.AdminToken, map[string]any{"name": "Mine", "outgoing_url": "https://bot.example.test"})
	r.expect(t, 200, "")
	if b := r.obj(t); b["secret"] == nil || b["bot_type"] != "webhook" || num(b["account_id"]) != sc.Account.ID {
		t.Fatalf("created = %s", r.body)
	}
	id := num(r.obj(t)["id"])
	h.call("PUT", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, map[string]any{"description": "d"}).expect(t, 200, "")
	h.call("POST", path, sc.AdminToken, map[string]any{"name": "x", "bot_type": "bogus"}).expect(t, 500, "")
	h.call("DELETE", fmt.Sprintf("%s/%d", path, id), sc.AdminToken, nil).expect(t, 200, "")
}
