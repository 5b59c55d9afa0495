# Agents insert it by typing /refund in a reply.
resource "chatwoot_canned_response" "refund" {
  short_code = "refund"
  content    = "Your refund is on its way; it reaches your account within 5 working days."
}
