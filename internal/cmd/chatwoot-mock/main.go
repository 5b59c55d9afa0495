// Command chatwoot-mock serves the in-memory Chatwoot mock over HTTP for local runs and demos.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "chatwoot-mock:", err)
		os.Exit(1)
	}
}

type config struct {
	listen        string
	platformToken string
	latency       time.Duration
	failRate      float64
	seed          int64
	rateLimit     int
	logRequests   bool
	demo          bool
	version       string
	edition       string
	cloud         bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("chatwoot-mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.listen, "listen", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	fs.StringVar(&cfg.platformToken, "platform-token", "", "token of the PlatformApp (required)")
	fs.DurationVar(&cfg.latency, "latency", 0, "latency added to every response")
	fs.Float64Var(&cfg.failRate, "fail-rate", 0, "share of requests answered with a fault (0..1)")
	fs.Int64Var(&cfg.seed, "seed", 1, "seed of the fault RNG")
	fs.IntVar(&cfg.rateLimit, "rate-limit", 0, "requests per minute per token before 429 (0 = off)")
	fs.BoolVar(&cfg.logRequests, "log-requests", false, "log every request to stderr")
	fs.BoolVar(&cfg.demo, "demo", false, "seed a demo account and print its ids as KEY=VALUE lines")
	fs.StringVar(&cfg.version, "chatwoot-version", chatwootmock.DefaultChatwootVersion,
		"Chatwoot release to imitate: "+strings.Join(chatwootmock.SupportedChatwootVersions, ", "))
	fs.StringVar(&cfg.edition, "edition", chatwootmock.EditionEnterprise,
		"Chatwoot build to imitate: enterprise (the standard image; premium features off unless an account's flags turn them on) or community (built without the Enterprise code)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage of chatwoot-mock:")
		fs.PrintDefaults()
		fmt.Fprintln(fs.Output(), "\nMock-only endpoints (api_access_token: the platform token):")
		for _, e := range chatwootmock.MockEndpoints {
			fmt.Fprintln(fs.Output(), "  "+e)
		}
	}
	fs.BoolVar(&cfg.cloud, "cloud", false,
		"imitate Chatwoot Cloud (from 4.16.0: 403 for accounts without api_and_webhooks; from 4.16.2: the daily invitation e-mail limit's 429)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if cfg.platformToken == "" {
		return cfg, errors.New("--platform-token is required")
	}
	if err := chatwootmock.ValidateVersionAndEdition(cfg.version, cfg.edition); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return cfg, nil
}

// run serves until ctx is cancelled. The listening line is printed once the socket is bound, so a
// script can start requesting as soon as it reads it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	opts := chatwootmock.Options{
		PlatformToken:      cfg.platformToken,
		Latency:            cfg.latency,
		Seed:               cfg.seed,
		RateLimitPerMinute: cfg.rateLimit,
		ChatwootVersion:    cfg.version,
		Edition:            cfg.edition,
		Cloud:              cfg.cloud,
	}
	if cfg.logRequests {
		opts.OnRequest = func(r chatwootmock.Request) { fmt.Fprintf(stderr, "%s %s %d\n", r.Method, r.Path, r.Status) }
	}
	mock := chatwootmock.New(opts)

	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", cfg.listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mock, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	baseURL := "http://" + ln.Addr().String()
	out := &lineWriter{w: stdout}
	out.printf("listening on %s\n", baseURL)

	if cfg.demo {
		// Faults are switched on only after seeding, so the demo account always exists.
		if err := seedDemo(ctx, baseURL, cfg.platformToken, out); err != nil {
			_ = srv.Close()
			return fmt.Errorf("demo: %w", err)
		}
		out.printf("ready\n")
	}
	mock.SetFailRate(cfg.failRate)

	select {
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(shutdownCtx)
	case err := <-served:
		return err
	}
}

// lineWriter writes whole lines and flushes them when the writer can flush (pipes are unbuffered).
type lineWriter struct{ w io.Writer }

func (l *lineWriter) printf(format string, a ...any) {
	fmt.Fprintf(l.w, format, a...)
	if f, ok := l.w.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
}
