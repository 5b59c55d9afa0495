data "chatwoot_labels" "all" {}

# Every label title, for checks elsewhere in the configuration.
output "label_titles" {
  value = [for l in data.chatwoot_labels.all.labels : l.title]
}
