# <user_id>: a user this Platform App created (or found by e-mail when creating one)
terraform import chatwoot_platform_user.alice 7
