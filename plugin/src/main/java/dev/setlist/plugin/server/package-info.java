/**
 * The HTTP server (Jersey on Jetty) and the shared JSON configuration. Knows nothing of Setlist's resources.
 */
package dev.setlist.plugin.server;
