/**
 * The HTTP contract: one Jersey resource class per endpoint group, each registered explicitly as an instance,
 * its javadoc the contract (path, parameters, status codes). Errors leave as {@code ApiError} JSON. Resources translate
 * between HTTP and the services; they hold no logic of their own and never touch the database directly.
 */
package dev.setlist.plugin.api;
