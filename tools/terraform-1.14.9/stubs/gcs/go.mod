// Stand-in for Terraform 1.14.9's "gcs" state backend, which its go.mod takes
// from a directory that is not in the module zip (see ../../go.mod). The
// acceptance tests keep local state, so this backend is never used.
module github.com/hashicorp/terraform/internal/backend/remote-state/gcs

go 1.25.8
