package chatwootmock

import (
	"net/http"
	"strings"
)

// apiError is a handler failure that already knows its Chatwoot status and body.
type apiError struct {
	status int
	body   any
}

func (e *apiError) Error() string { return http.StatusText(e.status) }

func (e *apiError) response() response { return jsonResponse(e.status, e.body) }

func errorBody(status int, msg string) *apiError {
	return &apiError{status: status, body: obj{{"error", msg}}}
}

// notFound is RequestExceptionHandler's answer to ActiveRecord::RecordNotFound.
func notFound() *apiError { return errorBody(http.StatusNotFound, "Resource could not be found") }

// notAuthorized is Pundit::NotAuthorizedError, which Chatwoot maps to 401 (never 403).
func notAuthorized() *apiError {
	return errorBody(http.StatusUnauthorized, "You are not authorized to do this action")
}

func unauthorized(msg string) *apiError { return errorBody(http.StatusUnauthorized, msg) }

// internalError is Rails' PublicExceptions JSON for anything unrescued.
func internalError() *apiError {
	return &apiError{status: http.StatusInternalServerError, body: obj{{"status", 500}, {"error", "Internal Server Error"}}}
}

// routeNotFound is Rails' exceptions app for a RoutingError; the Platform API also answers
// RecordNotFound with it because it does not wrap actions in handle_with_exception.
func routeNotFound() *apiError {
	return &apiError{status: http.StatusNotFound, body: obj{{"status", 404}, {"error", "Not Found"}}}
}

// paramMissing is ActionController::ParameterMissing from params.require.
func paramMissing(key string) *apiError {
	return errorBody(http.StatusUnprocessableEntity, "param is missing or the value is empty: "+key)
}

// couldNotCreate is render_could_not_create_error: 422 {"error": x}, x a string or a hash.
func couldNotCreate(x any) *apiError {
	return &apiError{status: http.StatusUnprocessableEntity, body: obj{{"error", x}}}
}

// validation collects ActiveRecord validation errors; its error is RecordInvalid's 422 body.
type validation struct {
	messages   []string
	attributes []string
}

func (v *validation) add(attr, fullMessage string) {
	v.messages = append(v.messages, fullMessage)
	for _, a := range v.attributes {
		if a == attr {
			return
		}
	}
	v.attributes = append(v.attributes, attr)
}

func (v *validation) err() error {
	if len(v.messages) == 0 {
		return nil
	}
	return &apiError{status: http.StatusUnprocessableEntity, body: obj{
		{"message", strings.Join(v.messages, ", ")},
		{"attributes", v.attributes},
	}}
}

// recordInvalid is a single-message validation failure.
func recordInvalid(attr, fullMessage string) error {
	v := &validation{}
	v.add(attr, fullMessage)
	return v.err()
}

// checkLength is validates_column_content_length: 255 for string columns, 20,000 for text.
func (v *validation) checkLength(attr, label, value string, limit int) {
	if len([]rune(value)) > limit {
		v.add(attr, label+" is too long (maximum is "+itoa(int64(limit))+" characters)")
	}
}
