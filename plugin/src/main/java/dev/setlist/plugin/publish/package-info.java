/**
 * Playlists out: the outbox-backed {@link dev.setlist.plugin.publish.PlaylistPublisher} that writes
 * each person's playlists to the media server and retries with backoff when the server is down, and
 * the daily {@link dev.setlist.plugin.publish.PlaylistSchedule}. It works through the
 * {@link dev.setlist.plugin.media.MediaServer} seam only, so it knows nothing of Jellyfin's wire
 * format; it must not depend on the API or the command line.
 */
package dev.setlist.plugin.publish;
