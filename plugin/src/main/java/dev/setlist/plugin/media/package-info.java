/**
 * The {@code MediaServer} seam: what Setlist needs from any media server (people, catalog, playlists out).
 * Adapters live in their own packages ({@code demo}, {@code jellyfin}).
 */
package dev.setlist.plugin.media;
