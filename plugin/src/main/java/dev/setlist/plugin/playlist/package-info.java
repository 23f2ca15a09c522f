/**
 * Building a person's playlist from their folded-in history, the taste model and the catalog: the
 * orchestration step the API calls.
 */
package dev.setlist.plugin.playlist;
