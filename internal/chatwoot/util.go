package chatwoot

// setField puts *v under key when v is set: the body of a partial update names only the fields
// that change.
func setField[V any](body map[string]any, key string, v *V) {
	if v != nil {
		body[key] = *v
	}
}

// setClearable is setField for a field that can also be cleared: cleared puts null under key, and
// then v is ignored.
func setClearable[V any](body map[string]any, key string, v *V, cleared bool) {
	if cleared {
		body[key] = nil
		return
	}
	setField(body, key, v)
}
