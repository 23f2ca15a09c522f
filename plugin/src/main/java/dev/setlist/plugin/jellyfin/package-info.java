/**
 * The Jellyfin adapter: reading the Webhook plugin's bodies in both of its modes into {@code PlaybackEvent}s,
 * and Jellyfin's id conventions. Wire formats stop here; nothing stringly-typed travels further in.
 */
package dev.setlist.plugin.jellyfin;
