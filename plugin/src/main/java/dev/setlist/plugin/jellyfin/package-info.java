/**
 * The Jellyfin adapter: everything that knows Jellyfin's wire format lives here and nowhere else. The
 * webhook parser turns either of the Webhook plugin's modes into {@link dev.setlist.plugin.events.PlaybackEvent}s;
 * {@link dev.setlist.plugin.jellyfin.JellyfinClient} speaks the REST API with an API key in the
 * {@code Authorization: MediaBrowser} header only; {@link dev.setlist.plugin.jellyfin.JellyfinServer} is the
 * {@link dev.setlist.plugin.media.MediaServer} (catalog, history, playlists written per CONTRACT.md §3.6);
 * {@link dev.setlist.plugin.jellyfin.JellyfinSync} keeps people and catalog current; the
 * {@link dev.setlist.plugin.jellyfin.JellyfinSocketSource} follows {@code /socket} for servers without the
 * plugin. It may depend on events, stores and the library, never on the API, the signals or the models.
 */
package dev.setlist.plugin.jellyfin;
