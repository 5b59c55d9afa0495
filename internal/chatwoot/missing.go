package chatwoot

import (
	"errors"
	"fmt"
)

// MissingError says that an object is not in its account although Chatwoot did not answer 404:
// for some kinds an unknown id is a 500, and the client confirmed the absence with another read.
type MissingError struct {
	Kind      string // "macro", "SLA policy"
	AccountID int64
	ID        int64
	// Cause is the answer that prompted the check.
	Cause error
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s %d does not exist in account %d (Chatwoot answered: %v)", e.Kind, e.ID, e.AccountID, e.Cause)
}

func (e *MissingError) Unwrap() error { return e.Cause }

// IsMissing reports whether err says the object does not exist: a *MissingError or a 404.
func IsMissing(err error) bool {
	var m *MissingError
	return errors.As(err, &m) || IsNotFound(err)
}
