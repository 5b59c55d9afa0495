package chatwootmock

import (
	"net"
	"net/http"
	"time"
)

// faultKind is one of the failures a Chatwoot behind a proxy produces under load.
type faultKind int

const (
	faultRetryLater  faultKind = iota // rack-attack's 429
	faultBadGateway                   // 502 from the reverse proxy
	faultUnavailable                  // 503 from the reverse proxy
	faultDropped                      // connection closed without a response
	faultKinds
)

// SetFailRate changes the share of requests answered with a fault, so a test can seed fixtures
// first and then turn faults on.
func (s *Server) SetFailRate(f float64) {
	s.faultMu.Lock()
	s.failRate = f
	s.faultMu.Unlock()
}

// chooseFault draws from the seeded RNG. Both draws happen for every request so the sequence of
// decisions depends only on the seed and the number of requests.
func (s *Server) chooseFault() (faultKind, bool) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	roll := s.rng.Float64()
	kind := faultKind(s.rng.Intn(int(faultKinds)))
	return kind, roll < s.failRate
}

// injectFault answers the request with a fault, without touching state, and logs it.
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request) bool {
	kind, hit := s.chooseFault()
	if !hit {
		return false
	}
	switch kind {
	case faultRetryLater:
		s.writeRetryLater(w)
		s.record(r, http.StatusTooManyRequests)
	case faultBadGateway:
		writeProxyError(w, http.StatusBadGateway)
		s.record(r, http.StatusBadGateway)
	case faultUnavailable:
		writeProxyError(w, http.StatusServiceUnavailable)
		s.record(r, http.StatusServiceUnavailable)
	case faultDropped:
		s.record(r, 0)
		dropConnection(w)
	}
	return true
}

// writeRetryLater is rack-attack's default throttled responder: no Retry-After, no RateLimit headers.
func (s *Server) writeRetryLater(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusTooManyRequests)
	_, _ = w.Write([]byte("Retry later\n"))
}

func writeProxyError(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	text := itoa(int64(status)) + " " + http.StatusText(status)
	_, _ = w.Write([]byte("<html>\r\n<head><title>" + text + "</title></head>\r\n<body>\r\n<center><h1>" + text + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"))
}

func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			if tcp, isTCP := conn.(*net.TCPConn); isTCP {
				_ = tcp.SetLinger(0) // reset rather than a clean close, like a crashed upstream
			}
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// rateWindow counts one token's requests in the current minute (rack-attack's fixed window).
type rateWindow struct {
	start time.Time
	count int
}

func (s *Server) rateLimited(r *http.Request) bool {
	if s.opts.RateLimitPerMinute <= 0 {
		return false
	}
	key := accessToken(r)
	if key == "" {
		key = "ip:" + remoteIP(r)
	}
	now := time.Now()
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	win := s.rate[key]
	if win == nil || now.Sub(win.start) >= time.Minute {
		win = &rateWindow{start: now}
		s.rate[key] = win
	}
	win.count++
	return win.count > s.opts.RateLimitPerMinute
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
