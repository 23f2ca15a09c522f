/**
 * Credentials: the admin key (configured, or generated once and kept only as a salted hash) and the webhook's
 * shared secret. Comparisons run in constant time; no secret is ever logged.
 */
package dev.setlist.plugin.auth;
