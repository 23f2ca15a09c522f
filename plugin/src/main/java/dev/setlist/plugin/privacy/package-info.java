/**
 * What a person controls about their own data: pausing their history, exporting it, deleting it. It
 * works on the stores and the interaction ledger and is the {@link dev.setlist.plugin.events.RecordingPolicy}
 * the ingestor asks before storing an event; it must not depend on the API, the media server or the
 * command line.
 */
package dev.setlist.plugin.privacy;
