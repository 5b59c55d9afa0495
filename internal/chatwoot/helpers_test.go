package chatwoot_test

// ptr returns a pointer to v, for the optional fields of request structs.
func ptr[T any](v T) *T { return &v }
