package provider

// DescribeClientError is the provider's own diagnostic for a failed Chatwoot request (summary and
// detail), for the export command, which reports errors as the provider would.
func DescribeClientError(action string, accountID int64, err error) (summary, detail string) {
	d := clientErrorDiagnostic(operation{action: action, accountID: accountID}, err)
	return d.Summary(), d.Detail()
}
