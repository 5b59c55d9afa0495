package export

import (
	"fmt"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// render turns the session into files. Everything is ordered (kinds as listed, objects by id,
// data sources and variables by name), so the same account gives the same bytes.
func (s *Session) render(selected []*Kind) []outFile {
	var files []outFile
	files = append(files, outFile{"providers.tf", s.providersFile()})
	var imports []Block
	for _, k := range selected {
		var blocks []Block
		for _, r := range s.resources {
			if r.kind == k {
				blocks = append(blocks, r.block)
				imports = append(imports, Block{Kind: "import", Attrs: []Attr{
					{"to", Ref{r.block.Labels[0], r.block.Labels[1]}},
					{"id", String(fmt.Sprintf("%d/%d", s.AccountID, r.id))},
				}})
			}
		}
		if len(blocks) > 0 {
			files = append(files, outFile{k.Name + ".tf", file(blocks)})
		}
	}
	if len(s.data) > 0 {
		var blocks []Block
		for _, key := range sortedKeys(s.data) {
			blocks = append(blocks, s.data[key])
		}
		files = append(files, outFile{"data.tf", file(blocks)})
	}
	if len(imports) > 0 {
		files = append(files, outFile{"imports.tf", file(imports)})
	}
	if len(s.variables) > 0 {
		var blocks []Block
		for _, key := range sortedKeys(s.variables) {
			blocks = append(blocks, s.variables[key])
		}
		files = append(files, outFile{"variables.tf", file(blocks)})
	}
	files = append(files, outFile{"EXPORT.md", s.report(selected, files)})
	return files
}

func (s *Session) providersFile() []byte {
	terraform := Block{Kind: "terraform", Blocks: []Block{{Kind: "required_providers", Attrs: []Attr{
		{"chatwoot", Object{{"source", String(s.opts.Source)}}},
	}}}}
	attrs := []Attr{}
	if s.opts.BaseURL != "" && s.opts.BaseURL != chatwoot.DefaultBaseURL {
		attrs = append(attrs, Attr{"base_url", String(s.opts.BaseURL)})
	}
	attrs = append(attrs, Attr{"account_id", Int(s.AccountID)})
	provider := Block{Kind: "provider", Labels: []string{"chatwoot"}, Attrs: attrs,
		Comments: []string{"The token comes from CHATWOOT_API_ACCESS_TOKEN: it is never written here."}}
	return file([]Block{terraform, provider})
}

// report is EXPORT.md: what was exported, what was left out on purpose, and what was refused.
func (s *Session) report(selected []*Kind, files []outFile) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Export of Chatwoot account %d\n\n", s.AccountID)
	fmt.Fprintf(&b, "Exported with the access token of %s (user %d, %s of the account). Run `terraform init`, then "+
		"`terraform plan`: it should show only imports. `terraform apply` imports them.\n\n", s.Self.Email, s.Self.ID, s.Role)
	b.WriteString("## Exported\n\n| kind | resource | objects |\n|---|---|---|\n")
	for _, k := range selected {
		n := 0
		for _, r := range s.resources {
			if r.kind == k {
				n++
			}
		}
		fmt.Fprintf(&b, "| %s | `%s` | %d |\n", k.Name, k.Resource, n)
	}
	b.WriteString("\nFiles: ")
	names := make([]string, 0, len(files)+1)
	for _, f := range files {
		names = append(names, "`"+f.name+"`")
	}
	b.WriteString(strings.Join(append(names, "`EXPORT.md`"), ", ") + ".\n")
	if len(s.data) > 0 {
		b.WriteString("\nObjects that are not exported but referred to (the token's own user, objects of kinds outside the " +
			"export, global agent bots, inboxes of channels the provider does not manage) are found by name or email with " +
			"data sources in `data.tf`.\n")
	}
	if len(s.variables) == 0 {
		b.WriteString("\nNo value has to be supplied: there is no `variables.tf`.\n")
	} else {
		b.WriteString("\nSet the variables in `variables.tf` (values Chatwoot never shows, such as secrets) before planning.\n")
	}
	b.WriteString("\n## Left out on purpose\n\n")
	writeList(&b, s.notes)
	b.WriteString("\n## Refused\n\nObjects the provider cannot represent as Chatwoot holds them. They are not in the files; " +
		"the export exits with status 3 when there are any.\n\n")
	writeList(&b, s.refused)
	return []byte(b.String())
}

func writeList(b *strings.Builder, items []refusal) {
	if len(items) == 0 {
		b.WriteString("None.\n")
		return
	}
	for _, r := range items {
		fmt.Fprintf(b, "- %s: %s: %s.\n", r.kind, r.object, r.reason)
	}
}
