package chatwootmock

import "net/http"

// Request is one entry of the request log.
type Request struct {
	Method string
	Path   string // without the query string
	Status int    // 0 for a dropped connection
}

// Requests returns a copy of the request log, in the order responses were produced.
func (s *Server) Requests() []Request {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return append([]Request(nil), s.log...)
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	s.log = nil
	s.logMu.Unlock()
}

func (s *Server) record(r *http.Request, status int) {
	entry := Request{Method: r.Method, Path: r.URL.Path, Status: status}
	s.logMu.Lock()
	s.log = append(s.log, entry)
	s.logMu.Unlock()
	if s.opts.OnRequest != nil {
		s.opts.OnRequest(entry)
	}
}
