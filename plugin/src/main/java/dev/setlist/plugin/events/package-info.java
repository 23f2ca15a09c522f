/**
 * Events as Setlist records them: the {@code PlaybackEvent} record every source is parsed into, and the one
 * ingestion path (log first, then listeners) they all take. Depends on the store, never on HTTP.
 */
package dev.setlist.plugin.events;
