/**
 * The HTTP contract: one Jersey resource class per endpoint group, each registered explicitly as an instance,
 * its javadoc the contract (path, parameters, status codes). Errors leave as {@code ApiError} JSON. Resources translate
 * between HTTP and the services; they hold no logic of their own and never touch the database directly. The one
 * request taken before Jersey is the webhook's hot path ({@code WebhookFastPath}, in Jetty), answered by the webhook
 * resource's own code, so that both ways give the same answers.
 */
package dev.setlist.plugin.api;
