/**
 * Events as Setlist records them: the {@code PlaybackEvent} record every source is parsed into, and the one
 * ingestion path (log first, then listeners) they all take. Single events are committed in groups by one
 * writer thread ({@code EventWriter}): concurrent callers share a transaction, each is answered only once its
 * event is durable and passed on, and when the writer cannot keep up or the log cannot be written the caller is
 * refused at once ({@code IngestionRefused}) rather than kept waiting or silently dropped. Depends on the store,
 * never on HTTP.
 */
package dev.setlist.plugin.events;
