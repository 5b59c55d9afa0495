// Package export writes the configuration of an existing Chatwoot account as Terraform files:
// resource blocks, import blocks and data source lookups, so that the account can be adopted with
// one plan and apply. It reads Chatwoot through internal/chatwoot and needs no Terraform.
//
// What is exported is declared per kind, one file each (kind_<name>.go), listed in kinds.go.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// DefaultSource is the provider's registry address as the README writes it.
const DefaultSource = "chatwoot-community/chatwoot"

// Options are the export's inputs, from the command line.
type Options struct {
	BaseURL   string // empty means chatwoot.DefaultBaseURL
	Token     string
	AccountID int64
	Out       string
	Types     []string // empty means every kind that is not opt-in
	Source    string
	Force     bool
	// ConversationStatus filters the conversations whose assignments are exported (open,
	// resolved, pending, snoozed or all); conversation_assignment needs it.
	ConversationStatus string
	UserAgent          string
	// Progress receives one line per step; nil discards them.
	Progress io.Writer
	// Describe turns a client error into a summary and a detail, in the provider's words. Nil
	// uses the error's own text.
	Describe func(action string, accountID int64, err error) (summary, detail string)
}

// Result is what an export did.
type Result struct {
	Objects int            // resource blocks written
	ByKind  map[string]int // resource blocks written, by kind
	Refused int            // objects that could not be represented
	Files   []string       // files written, relative to Out
}

// Error is a failure that stopped the export before anything was written.
type Error struct {
	Summary, Detail string
}

func (e *Error) Error() string { return e.Summary + ": " + e.Detail }

// Run exports the account into opts.Out. On an error nothing is written.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Progress == nil {
		opts.Progress = io.Discard
	}
	if opts.Source == "" {
		opts.Source = DefaultSource
	}
	selected, err := selectKinds(opts.Types, opts.ConversationStatus)
	if err != nil {
		return nil, err
	}
	if opts.AccountID < 1 {
		return nil, &Error{"Missing Account", "-account-id must be the id of the Chatwoot account to export, a number of 1 or more."}
	}
	if opts.Token == "" {
		return nil, &Error{"Missing Chatwoot API Access Token", "Set CHATWOOT_API_ACCESS_TOKEN to an administrator's access token " +
			"(Profile Settings → Access Token). The exporter reads the token only from the environment and never writes it."}
	}
	if err := checkOut(opts.Out, opts.Force); err != nil {
		return nil, err
	}
	baseURL := opts.BaseURL
	if baseURL == "" {
		baseURL = chatwoot.DefaultBaseURL
	}
	client, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: opts.Token, UserAgent: opts.UserAgent, MaxRetries: 5})
	if err != nil {
		return nil, &Error{"Invalid Provider Configuration", err.Error()}
	}
	s := newSession(client, opts)
	s.baseURL = baseURL
	if err := s.start(ctx); err != nil {
		return nil, err
	}
	for _, k := range selected {
		fmt.Fprintf(opts.Progress, "export: %s…\n", k.Name)
		before := len(s.resources)
		if err := k.Export(ctx, s, k); err != nil {
			if s.readRefused(k, err) {
				continue
			}
			return nil, s.fail(fmt.Sprintf("exporting %s", k.plural()), err)
		}
		fmt.Fprintf(opts.Progress, "export: %s: %d exported\n", k.Name, len(s.resources)-before)
	}
	files := s.render(selected)
	if err := writeFiles(opts.Out, files); err != nil {
		return nil, &Error{"Cannot Write the Export", err.Error()}
	}
	res := &Result{Objects: len(s.resources), Refused: len(s.refused), ByKind: map[string]int{}}
	for _, r := range s.resources {
		res.ByKind[r.kind.Name]++
	}
	for _, f := range files {
		res.Files = append(res.Files, f.name)
	}
	fmt.Fprintf(opts.Progress, "export: wrote %d objects into %s (%d refused; see EXPORT.md)\n", res.Objects, opts.Out, res.Refused)
	return res, nil
}

func selectKinds(types []string, conversationStatus string) ([]*Kind, error) {
	want := map[string]bool{}
	for _, t := range types {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if kindNamed(t) == nil {
			names := make([]string, len(kinds))
			for i, k := range kinds {
				names[i] = k.Name
			}
			return nil, &Error{"Unknown Type", fmt.Sprintf("-types names %q, which the exporter does not know. Known types: %s.", t, strings.Join(names, ", "))}
		}
		want[t] = true
	}
	var out []*Kind
	for _, k := range kinds {
		if (len(want) == 0 && !k.OptIn) || want[k.Name] {
			out = append(out, k)
		}
	}
	if want["conversation_assignment"] && conversationStatus == "" {
		return nil, &Error{"Missing Conversation Status", "Conversation assignments are not standing configuration: exporting them needs " +
			"-conversation-status open, pending, snoozed, resolved or all, to say which conversations to take."}
	}
	if conversationStatus != "" && !want["conversation_assignment"] {
		return nil, &Error{"Conversation Status Without Conversation Assignments", "-conversation-status only applies with -types conversation_assignment."}
	}
	return out, nil
}

func kindNamed(name string) *Kind {
	for _, k := range kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// checkOut refuses a directory that holds anything, unless force is set.
func checkOut(dir string, force bool) error {
	if dir == "" {
		return &Error{"Missing Output Directory", "-out must name the directory to write the configuration into."}
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &Error{"Cannot Read the Output Directory", err.Error()}
	}
	if len(entries) > 0 && !force {
		return &Error{"Output Directory Not Empty", fmt.Sprintf("%s already holds %d entries. Choose an empty or new directory, "+
			"or pass -force to replace the files an export writes (other files are left as they are).", dir, len(entries))}
	}
	return nil
}

type outFile struct {
	name string
	data []byte
}

// ownFileNames are the names an export may write. With -force, those this export does not
// write are removed, so that a kind file left by an earlier export cannot plan a create.
func ownFileNames() []string {
	names := []string{"providers.tf", "data.tf", "imports.tf", "variables.tf", "EXPORT.md"}
	for _, k := range kinds {
		names = append(names, k.Name+".tf")
	}
	return names
}

func writeFiles(dir string, files []outFile) error {
	if err := os.MkdirAll(dir, 0o755); err != nil { //nolint:gosec // a configuration directory, readable like any source tree
		return err
	}
	written := map[string]bool{}
	for _, f := range files {
		written[f.name] = true
	}
	for _, name := range ownFileNames() {
		if !written[name] {
			if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil { //nolint:gosec // configuration holds no secret
			return err
		}
	}
	return nil
}

// resource is one exported object: its resource block and its import id.
type resource struct {
	kind  *Kind
	id    int64
	block Block
}

// refusal is an object the export could not represent, or could not read.
type refusal struct {
	kind, object, reason string
}

// Session is the state of one export: the client, the account's lists (read once), the names
// handed out, and what was written or refused. Kinds use its methods.
type Session struct {
	client    *chatwoot.Client
	opts      Options
	baseURL   string
	AccountID int64
	// Self is the token's user; Role is their role in the account.
	Self *chatwoot.Profile
	Role string

	lists     map[string]any
	names     map[string]map[int64]string // name tables, by namespace
	emitted   map[string]map[int64]Ref    // kind name → object id → the reference other objects use
	resources []resource
	data      map[string]Block // by "type.name"
	variables map[string]Block
	refused   []refusal
	notes     []refusal
}

func newSession(client *chatwoot.Client, opts Options) *Session {
	return &Session{
		client: client, opts: opts, AccountID: opts.AccountID,
		lists: map[string]any{}, names: map[string]map[int64]string{}, emitted: map[string]map[int64]Ref{},
		data: map[string]Block{}, variables: map[string]Block{},
	}
}

// start checks the token and the account before anything else is read.
func (s *Session) start(ctx context.Context) error {
	profile, err := s.client.GetProfile(ctx)
	if err != nil {
		accountID := s.AccountID
		s.AccountID = 0 // the profile belongs to no account: the message must not name one
		defer func() { s.AccountID = accountID }()
		return s.fail("reading the token's profile", err)
	}
	s.Self = profile
	for _, a := range profile.Accounts {
		if a.ID == s.AccountID {
			s.Role = a.Role
		}
	}
	if s.Role == "" {
		return &Error{"Not a Member of the Chatwoot Account", fmt.Sprintf("The token's user %s (id %d) is not a member of account %d, "+
			"so nothing could be exported. Check -account-id, or use the token of a member of that account.", profile.Email, profile.ID, s.AccountID)}
	}
	return nil
}

func (s *Session) fail(action string, err error) error {
	if s.opts.Describe != nil {
		summary, detail := s.opts.Describe(action, s.AccountID, err)
		return &Error{summary, detail}
	}
	return &Error{"Chatwoot Request Failed", fmt.Sprintf("%s in account %d failed: %s", action, s.AccountID, err)}
}

// readRefused records a kind whose list the token may not read (an agent's token and an
// administrators-only list): the rest of the export goes on.
func (s *Session) readRefused(k *Kind, err error) bool {
	if s.Role == "administrator" {
		return false
	}
	p := chatwoot.AuthProblemOf(err)
	if p != chatwoot.AuthForbidden && p != chatwoot.AuthNonPermissible && p != chatwoot.AuthUnknown {
		return false
	}
	s.Refuse(k, "all "+k.plural(), fmt.Sprintf("the token's user is an %s of account %d, and Chatwoot lets only administrators read them (%s)", s.Role, s.AccountID, err))
	return true
}

// Emit writes a resource block for the object with the id (import id "<account>/<id>"), and
// records how other objects refer to it: ref names the attribute they use, e.g. "team_id".
func (s *Session) Emit(k *Kind, id int64, name, refAttr string, attrs []Attr, comments ...string) {
	block := Block{Kind: "resource", Labels: []string{k.Resource, name}, Attrs: attrs, Comments: comments}
	s.resources = append(s.resources, resource{kind: k, id: id, block: block})
	if s.emitted[k.Name] == nil {
		s.emitted[k.Name] = map[int64]Ref{}
	}
	s.emitted[k.Name][id] = Ref{k.Resource, name, refAttr}
}

// Exported returns the reference to an object of the kind written earlier in this export.
func (s *Session) Exported(kind string, id int64) (Ref, bool) {
	r, ok := s.emitted[kind][id]
	return r, ok
}

// Lookup adds (once) a data source block that finds an object not managed by this export, and
// returns the reference to its id attribute.
func (s *Session) Lookup(dataType, name, idAttr string, attrs ...Attr) Ref {
	key := dataType + "." + name
	if _, ok := s.data[key]; !ok {
		s.data[key] = Block{Kind: "data", Labels: []string{dataType, name}, Attrs: attrs}
	}
	return Ref{"data", dataType, name, idAttr}
}

// Variable declares (once) an input variable the user must supply, such as a secret that
// Chatwoot never shows, and returns the reference to it.
func (s *Session) Variable(name, description string, sensitive bool) Ref {
	if _, ok := s.variables[name]; !ok {
		attrs := []Attr{{"type", Ref{"string"}}, {"description", String(description)}}
		if sensitive {
			attrs = append(attrs, Attr{"sensitive", Bool(true)})
		}
		s.variables[name] = Block{Kind: "variable", Labels: []string{name}, Attrs: attrs}
	}
	return Ref{"var", name}
}

// Refuse records an object that cannot be represented; the export then exits with 3.
func (s *Session) Refuse(k *Kind, object, reason string) {
	s.refused = append(s.refused, refusal{k.Name, object, reason})
	fmt.Fprintf(s.opts.Progress, "export: %s: refused %s: %s\n", k.Name, object, reason)
}

// Note records something left out on purpose, with why (it does not change the exit status).
func (s *Session) Note(k *Kind, object, text string) {
	s.notes = append(s.notes, refusal{k.Name, object, text})
}

// list reads one of the account's lists once per export.
func list[T any](ctx context.Context, s *Session, key string, read func(context.Context, int64) ([]T, error)) ([]T, error) {
	if v, ok := s.lists[key].([]T); ok {
		return v, nil
	}
	got, err := read(ctx, s.AccountID)
	if err != nil {
		return nil, err
	}
	s.lists[key] = got
	return got, nil
}

// Names hands out a name table: for each id, a valid Terraform name made from base(id), unique
// within the namespace. Names go to ids in ascending order, so the same account always gets the
// same names whatever is selected.
func (s *Session) Names(namespace string, ids []int64, base func(int64) string) map[int64]string {
	if t, ok := s.names[namespace]; ok {
		return t
	}
	sorted := append([]int64(nil), ids...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	used := map[string]bool{}
	table := map[int64]string{}
	for _, id := range sorted {
		name := Identifier(base(id), namespace)
		if used[name] {
			for n := 2; ; n++ {
				if c := name + "_" + strconv.Itoa(n); !used[c] {
					name = c
					break
				}
			}
		}
		used[name] = true
		table[id] = name
	}
	s.names[namespace] = table
	return table
}

// Identifier makes s a Terraform name: lower case letters, digits and underscores, starting
// with a letter; fallback prefixes a name that would start with a digit or be empty.
func Identifier(s, fallback string) string {
	var b strings.Builder
	underscore := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			underscore = false
		} else if !underscore && b.Len() > 0 {
			b.WriteByte('_')
			underscore = true
		}
	}
	name := strings.TrimRight(b.String(), "_")
	if name == "" {
		return fallback
	}
	if name[0] >= '0' && name[0] <= '9' {
		return fallback + "_" + name
	}
	return name
}
