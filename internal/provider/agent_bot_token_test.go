package provider

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// The ephemeral resource hands the bot's token to what uses it (here the echo provider, which
// the test framework offers to look at an ephemeral value), and the token reaches neither the
// plan nor the state of chatwoot's resources: the state file is searched for it.
func TestAccAgentBotToken_ephemeral(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	var botID int64
	workDir := t.TempDir()
	base := providerConfig(env.BaseURL, sc.AdminToken, a) + `
resource "chatwoot_agent_bot" "test" {
  name = "token holder"
}

ephemeral "chatwoot_agent_bot_token" "test" {
  bot_id = chatwoot_agent_bot.test.bot_id
}
`
	withEcho := base + `
provider "echo" {
  data = ephemeral.chatwoot_agent_bot_token.test.access_token
}

resource "echo" "token" {}
`
	currentToken := func() (string, error) {
		ctx, cancel := testContext()
		defer cancel()
		bot, err := api.GetAgentBot(ctx, a, botID)
		if err != nil {
			return "", err
		}
		if bot.AccessToken == "" {
			return "", fmt.Errorf("Chatwoot shows no token for bot %d", botID)
		}
		return bot.AccessToken, nil
	}
	notInStateFile := func(*terraform.State) error {
		token, err := currentToken()
		if err != nil {
			return err
		}
		found := false
		root := os.DirFS(workDir)
		err = fs.WalkDir(root, ".", func(p string, entry fs.DirEntry, err error) error {
			if err != nil || entry.IsDir() || !strings.HasSuffix(p, ".tfstate") {
				return err
			}
			raw, err := fs.ReadFile(root, p)
			if err != nil {
				return err
			}
			found = true
			if strings.Contains(string(raw), token) {
				return fmt.Errorf("the state file %s holds the bot's access token", p)
			}
			return nil
		})
		if err == nil && !found {
			err = fmt.Errorf("no state file under %s to search", workDir)
		}
		return err
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{cliSupportsEphemeral},
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"chatwoot": testAccProtoV6ProviderFactories["chatwoot"],
			"echo":     echoprovider.NewProviderServer(),
		},
		WorkingDir: workDir,
		Steps: []resource.TestStep{
			{
				Config: base,
				Check:  resource.ComposeTestCheckFunc(captureInt64("chatwoot_agent_bot.test", "bot_id", &botID), notInStateFile),
			},
			{
				Config: withEcho,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.token", tfjsonpath.New("data"), knownvalue.StringFunc(func(v string) error {
						token, err := currentToken()
						if err != nil {
							return err
						}
						if v != token {
							return fmt.Errorf("the ephemeral resource gave a token that is not the bot's")
						}
						return nil
					})),
				},
			},
		},
	})
}

// The action gives the bot a new token; the old one stops working.
func TestAccAgentBotResetToken_action(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	var botID int64
	var before string
	bot := providerConfig(env.BaseURL, sc.AdminToken, a) + `
resource "chatwoot_agent_bot" "test" {
  name = "rotated"
}
`
	withAction := bot + `
action "chatwoot_agent_bot_reset_token" "rotate" {
  config {
    bot_id = chatwoot_agent_bot.test.bot_id
  }
}

resource "terraform_data" "rotate" {
  input = "first rotation"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.chatwoot_agent_bot_reset_token.rotate]
    }
  }
}
`
	token := func() (string, error) {
		ctx, cancel := testContext()
		defer cancel()
		b, err := api.GetAgentBot(ctx, a, botID)
		if err != nil {
			return "", err
		}
		return b.AccessToken, nil
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: bot,
				Check: resource.ComposeTestCheckFunc(captureInt64("chatwoot_agent_bot.test", "bot_id", &botID), func(*terraform.State) error {
					var err error
					before, err = token()
					return err
				}),
			},
			{
				Config: withAction,
				Check: func(*terraform.State) error {
					after, err := token()
					if err != nil {
						return err
					}
					if after == "" || after == before {
						return fmt.Errorf("the bot's token did not change (before %d chars, after %d chars)", len(before), len(after))
					}
					return nil
				},
			},
		},
	})
}

// The action gives an API inbox a new secret, which chatwoot_inbox reads on its next refresh
// (a computed value changing is not a plan difference).
func TestAccInboxResetSecret_action(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	var inboxID int64
	var before string
	inbox := providerConfig(env.BaseURL, sc.AdminToken, a) + `
resource "chatwoot_inbox" "test" {
  name         = "rotated"
  channel_type = "api"
}
`
	withAction := inbox + `
action "chatwoot_inbox_reset_secret" "rotate" {
  config {
    inbox_id = chatwoot_inbox.test.inbox_id
  }
}

resource "terraform_data" "rotate" {
  input = "first rotation"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.chatwoot_inbox_reset_secret.rotate]
    }
  }
}
`
	secret := func() (string, error) {
		ctx, cancel := testContext()
		defer cancel()
		in, err := api.GetInbox(ctx, a, inboxID)
		if err != nil {
			return "", err
		}
		return in.Secret, nil
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: inbox,
				Check: resource.ComposeTestCheckFunc(captureInt64("chatwoot_inbox.test", "inbox_id", &inboxID), func(*terraform.State) error {
					var err error
					before, err = secret()
					return err
				}),
			},
			{
				Config: withAction,
				Check: func(*terraform.State) error {
					after, err := secret()
					if err != nil {
						return err
					}
					if after == "" || after == before {
						return fmt.Errorf("the inbox's secret did not change")
					}
					return nil
				},
			},
			{
				// The next refresh records the new secret, without a plan difference.
				RefreshState: true,
				Check: func(s *terraform.State) error {
					now, err := secret()
					if err != nil {
						return err
					}
					if s.RootModule().Resources["chatwoot_inbox.test"].Primary.Attributes["secret"] != now {
						return fmt.Errorf("the refreshed state does not hold the new secret")
					}
					return nil
				},
			},
		},
	})
}

// From Chatwoot 4.16 (4.16.1 here: 4.16.0 fails every user request to /agent_bots) only administrators see a bot's token: with an agent's token the ephemeral
// resource fails and says which token to use.
func TestAccAgentBotToken_agentTokenOn416(t *testing.T) {
	const platformToken = "test-platform-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken, ChatwootVersion: "4.16.1"})
	env := &testEnv{BaseURL: baseURL, Mock: mock, Fixtures: fixture.New(baseURL, platformToken)}
	sc := env.seed(t, 0)
	bot, err := env.Fixtures.CreatePlatformAgentBot(context.Background(), "account bot", &sc.Account.ID)
	must(t, err)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsEphemeral},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(env.BaseURL, sc.Agent1.AccessToken, sc.Account.ID) + fmt.Sprintf(`
ephemeral "chatwoot_agent_bot_token" "test" {
  bot_id = %d
}
`, bot.ID),
			ExpectError: regexp.MustCompile(`(?s)Agent Bot Token Not Shown.*administrator's\s+access\s+token`),
		}},
	})
}
