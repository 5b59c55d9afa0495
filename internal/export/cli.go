package export

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"strings"
)

// Exit statuses of the export command.
const (
	ExitOK      = 0
	ExitError   = 1
	ExitRefused = 3
)

// Main is the export subcommand: args are the arguments after "export". It returns the exit
// status. The token is read from CHATWOOT_API_ACCESS_TOKEN only; the base URL from -base-url or
// CHATWOOT_BASE_URL.
func Main(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, base Options) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	opts := base
	var types string
	fs.Int64Var(&opts.AccountID, "account-id", 0, "the id of the Chatwoot account to export (required)")
	fs.StringVar(&opts.Out, "out", "", "the directory to write into; it must be empty or new unless -force is given (required)")
	fs.StringVar(&types, "types", "", "comma-separated kinds to export (default: every kind but conversation_assignment): "+kindList())
	fs.StringVar(&opts.Source, "source", DefaultSource, "the provider's source address in required_providers")
	fs.StringVar(&opts.BaseURL, "base-url", getenv("CHATWOOT_BASE_URL"), "Chatwoot's address (default CHATWOOT_BASE_URL, else "+
		"https://app.chatwoot.com)")
	fs.BoolVar(&opts.Force, "force", false, "write into a directory that is not empty: the files an export writes are replaced, others are kept")
	fs.StringVar(&opts.ConversationStatus, "conversation-status", "", "with -types conversation_assignment: the conversations to take "+
		"(open, pending, snoozed, resolved or all)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: terraform-provider-chatwoot export -account-id N -out DIR [flags]\n\n"+
			"Writes the account's configuration as Terraform files with import blocks. The access token is read from "+
			"CHATWOOT_API_ACCESS_TOKEN and never written.\n\nExit status: 0 everything exported, 1 error (nothing written), "+
			"3 some objects refused (listed in EXPORT.md; the rest written).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "Error: unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		return ExitError
	}
	if types != "" {
		opts.Types = strings.Split(types, ",")
	}
	opts.Token = getenv("CHATWOOT_API_ACCESS_TOKEN")
	if opts.Progress == nil {
		opts.Progress = stderr
	}
	res, err := Run(ctx, opts)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			fmt.Fprintf(stderr, "Error: %s\n\n%s\n", e.Summary, e.Detail)
		} else {
			fmt.Fprintf(stderr, "Error: %s\n", err)
		}
		return ExitError
	}
	if res.Refused > 0 {
		return ExitRefused
	}
	return ExitOK
}

func kindList() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name
	}
	return strings.Join(names, ", ")
}
