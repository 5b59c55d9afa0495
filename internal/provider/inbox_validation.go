package provider

import (
	"fmt"
	"sort"
	"strings"
	"time"

	// Timezones are checked against the IANA database at plan time; embedding it makes the check
	// the same on every machine, also on one without a zoneinfo directory.
	_ "time/tzdata"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// inboxChannelTypeValidator refuses every channel but api and web_widget with a message that says
// why: the others need accounts at third parties (a mailbox, a WhatsApp number, a Telegram bot…)
// that Chatwoot checks or calls while creating the inbox.
var inboxChannelTypeValidator = stringCheck{
	description: "must be api or web_widget",
	check: func(got string, req validator.StringRequest, resp *validator.StringResponse) {
		switch got {
		case chatwoot.ChannelAPI, chatwoot.ChannelWebWidget:
		case "email", "whatsapp", "sms", "twilio_sms", "telegram", "line", "facebook", "instagram", "twitter", "tiktok", "voice":
			resp.Diagnostics.AddAttributeError(req.Path, "Inbox Channel Needs a Third-Party Account",
				fmt.Sprintf("channel_type %q cannot be created by this provider: a %s inbox needs an account at a third party "+
					"(a mailbox, a phone number at a messaging provider, a bot or page of the platform) that Chatwoot checks or "+
					"connects to while it creates the inbox. Create it in Chatwoot's UI and read it with the data source "+
					"chatwoot_inbox; this resource manages \"api\" and \"web_widget\" inboxes.", got, got))
		default:
			resp.Diagnostics.AddAttributeError(req.Path, "Unknown Inbox Channel Type",
				fmt.Sprintf("channel_type must be \"api\" or \"web_widget\", not %q. Other Chatwoot channels (email, whatsapp, sms, "+
					"telegram, line…) need third-party accounts and are not managed by this provider.", got))
		}
	},
}

// timezoneValidator accepts IANA time zone names, which Chatwoot requires (case-sensitive);
// anything else is a 422 at apply time.
var timezoneValidator = stringCheck{
	description: "must be an IANA time zone name such as Europe/Berlin",
	check: func(name string, req validator.StringRequest, resp *validator.StringResponse) {
		if _, err := time.LoadLocation(name); err != nil || name == "" || name == "Local" {
			resp.Diagnostics.AddAttributeError(req.Path, "Unknown Time Zone",
				fmt.Sprintf("timezone %q is not an IANA time zone name. Write one such as \"UTC\", \"Europe/Berlin\" or "+
					"\"America/New_York\" (the spelling is case-sensitive); Chatwoot refuses others.", name))
		}
	},
}

// workingHoursProblems checks the seven days the way Chatwoot does and returns one message per
// problem with the list index it concerns (-1 for the list as a whole). Chatwoot answers 200 and
// silently keeps the old hours of a day it finds invalid, so every invalid day must be refused
// before anything is sent. Unknown values (known only at apply) are skipped.
func workingHoursProblems(days []workingHourModel) (problems []indexedProblem) {
	seen := map[int64][]int{}
	for i, d := range days {
		if d.DayOfWeek.IsUnknown() {
			return nil
		}
		seen[d.DayOfWeek.ValueInt64()] = append(seen[d.DayOfWeek.ValueInt64()], i)
		w, known := d.toClient()
		if !known {
			continue
		}
		if err := w.Validate(); err != nil {
			problems = append(problems, indexedProblem{i, fmt.Sprintf("day_of_week %d: %s.", d.DayOfWeek.ValueInt64(), err)})
			continue
		}
		if (w.ClosedAllDay || w.OpenAllDay) && (!d.OpenHour.IsNull() || !d.OpenMinutes.IsNull() || !d.CloseHour.IsNull() || !d.CloseMinutes.IsNull()) {
			// Chatwoot keeps a closed day's old hours and stores an all-day one as 0:00-23:59, so
			// hours written here would never be what Chatwoot holds.
			problems = append(problems, indexedProblem{i, fmt.Sprintf("day_of_week %d: a closed or all-day day takes no hours; "+
				"remove open_hour, open_minutes, close_hour and close_minutes.", d.DayOfWeek.ValueInt64())})
		}
	}
	for day, at := range seen {
		if len(at) > 1 && day >= 0 && day <= 6 {
			problems = append(problems, indexedProblem{at[1], fmt.Sprintf("day_of_week %d appears %d times; list each day once.", day, len(at))})
		}
	}
	var missing []string
	for day := int64(0); day <= 6; day++ {
		if len(seen[day]) == 0 {
			missing = append(missing, fmt.Sprint(day))
		}
	}
	if len(missing) > 0 {
		problems = append(problems, indexedProblem{-1, fmt.Sprintf("working_hours must list all seven days, 0 (Sunday) to 6 "+
			"(Saturday), because Chatwoot keeps whatever a day not sent holds; missing: %s.", strings.Join(missing, ", "))})
	}
	if len(missing) == 0 && len(problems) == 0 {
		for i, d := range days {
			if d.DayOfWeek.ValueInt64() != int64(i) {
				// Chatwoot lists the days Sunday first; the same order here keeps an imported
				// inbox's plan empty.
				problems = append(problems, indexedProblem{i, fmt.Sprintf("list the days in order, 0 (Sunday) to 6 (Saturday): "+
					"%s holds day_of_week %d, where day_of_week %d belongs.", counted("entry", i), d.DayOfWeek.ValueInt64(), i)})
				break
			}
		}
	}
	sort.SliceStable(problems, func(a, b int) bool { return problems[a].index < problems[b].index })
	return problems
}

type indexedProblem struct {
	index   int
	message string
}

// toClient turns a configured day into the client's form; known is false while a value is unknown.
func (d workingHourModel) toClient() (w chatwoot.WorkingHour, known bool) {
	for _, v := range []interface{ IsUnknown() bool }{d.DayOfWeek, d.ClosedAllDay, d.OpenAllDay, d.OpenHour, d.OpenMinutes, d.CloseHour, d.CloseMinutes} {
		if v.IsUnknown() {
			return w, false
		}
	}
	w = chatwoot.WorkingHour{
		DayOfWeek:    int(d.DayOfWeek.ValueInt64()),
		ClosedAllDay: d.ClosedAllDay.ValueBool(),
		OpenAllDay:   d.OpenAllDay.ValueBool(),
	}
	if w.ClosedAllDay || w.OpenAllDay {
		// A closed day keeps its stored hours and an all-day one is stored as 0:00-23:59, so
		// hours are not sent for either.
		return w, true
	}
	w.OpenHour, w.OpenMinutes = intPointer(d.OpenHour), intPointer(d.OpenMinutes)
	w.CloseHour, w.CloseMinutes = intPointer(d.CloseHour), intPointer(d.CloseMinutes)
	return w, true
}

func intPointer(v types.Int64) *int {
	if v.IsNull() {
		return nil
	}
	i := int(v.ValueInt64())
	return &i
}

// workingHoursPath is the path of one day (or of the whole list for index -1).
func workingHoursPath(index int) path.Path {
	if index < 0 {
		return path.Root("working_hours")
	}
	return path.Root("working_hours").AtListIndex(index)
}
