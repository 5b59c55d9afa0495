package chatwootmock

// Phase-2 areas, routed but not implemented yet: they answer like an unknown route.
type (
	label                     struct{}
	webhook                   struct{}
	cannedResponse            struct{}
	customAttributeDefinition struct{}
	automationRule            struct{}
)

func notYet(*Server, *reqCtx) error { return routeNotFound() }

func (s *Server) runAutomationRules(*account, *conversation, string) {}

func (s *Server) listAutomationRules(c *reqCtx) error   { return notYet(s, c) }
func (s *Server) createAutomationRule(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) showAutomationRule(c *reqCtx) error    { return notYet(s, c) }
func (s *Server) deleteAutomationRule(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) cloneAutomationRule(c *reqCtx) error   { return notYet(s, c) }
func (s *Server) updateAutomationRule(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) listLabels(c *reqCtx) error            { return notYet(s, c) }
func (s *Server) createLabel(c *reqCtx) error           { return notYet(s, c) }
func (s *Server) showLabel(c *reqCtx) error             { return notYet(s, c) }
func (s *Server) deleteLabel(c *reqCtx) error           { return notYet(s, c) }
func (s *Server) updateLabel(c *reqCtx) error           { return notYet(s, c) }
func (s *Server) listWebhooks(c *reqCtx) error          { return notYet(s, c) }
func (s *Server) createWebhook(c *reqCtx) error         { return notYet(s, c) }
func (s *Server) deleteWebhook(c *reqCtx) error         { return notYet(s, c) }
func (s *Server) updateWebhook(c *reqCtx) error         { return notYet(s, c) }
func (s *Server) listCannedResponses(c *reqCtx) error   { return notYet(s, c) }
func (s *Server) createCannedResponse(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) deleteCannedResponse(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) updateCannedResponse(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) listCustomAttributes(c *reqCtx) error  { return notYet(s, c) }
func (s *Server) createCustomAttribute(c *reqCtx) error { return notYet(s, c) }
func (s *Server) showCustomAttribute(c *reqCtx) error   { return notYet(s, c) }
func (s *Server) deleteCustomAttribute(c *reqCtx) error { return notYet(s, c) }
func (s *Server) updateCustomAttribute(c *reqCtx) error { return notYet(s, c) }
