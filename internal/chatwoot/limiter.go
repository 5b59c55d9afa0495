package chatwoot

import (
	"context"
	"sync"
	"time"
)

// limiter spaces out requests so that one Client never sends more than a configured rate, however
// many resources Terraform works on in parallel. Each caller reserves the next free slot and
// waits for it; there is no burst, which keeps a proxy's per-second throttle from ever tripping.
type limiter struct {
	interval time.Duration
	now      func() time.Time
	sleep    func(ctx context.Context, d time.Duration) error

	mu   sync.Mutex
	next time.Time // the earliest time the next request may start
}

// newLimiter returns nil (no limit) for a rate of 0.
func newLimiter(perSecond float64) *limiter {
	if perSecond <= 0 {
		return nil
	}
	return &limiter{
		interval: time.Duration(float64(time.Second) / perSecond),
		now:      time.Now,
		sleep:    sleepContext,
	}
}

// wait blocks until the caller may send, or ctx ends. A nil limiter never waits.
func (l *limiter) wait(ctx context.Context) error {
	if l == nil {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	now := l.now()
	slot := l.next
	if slot.Before(now) {
		slot = now
	}
	l.next = slot.Add(l.interval)
	l.mu.Unlock()
	if d := slot.Sub(now); d > 0 {
		return l.sleep(ctx, d)
	}
	return nil
}
