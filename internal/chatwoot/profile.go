package chatwoot

import (
	"context"
	"net/http"
)

// Profile is who a user token belongs to (GET /api/v1/profile, DESIGN.md §11.8).
type Profile struct {
	ID            int64            `json:"id"`
	Name          string           `json:"name"`
	Email         string           `json:"email"`
	AvailableName string           `json:"available_name"`
	Accounts      []ProfileAccount `json:"accounts"`
}

// ProfileAccount is one membership: the reliable per-account role.
type ProfileAccount struct {
	ID                 int64  `json:"id"`
	Name               string `json:"name"`
	Status             string `json:"status"`
	Role               string `json:"role"`
	Availability       string `json:"availability"`
	AvailabilityStatus string `json:"availability_status"`
	AutoOffline        bool   `json:"auto_offline"`
}

// GetProfile reads the token owner's profile. Bot and platform tokens get a 401.
func (c *Client) GetProfile(ctx context.Context) (*Profile, error) {
	return objectOf[Profile](ctx, c, call{method: http.MethodGet, path: "/api/v1/profile", idempotent: true})
}
