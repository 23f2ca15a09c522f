/**
 * Keeping the taste model trained: background retraining on everyone's interactions, never on a request
 * thread; requests fold the person's newest history into the last model. Every trained model is saved as a
 * crash-safe snapshot (temporary file, forced, renamed atomically, checksummed), and the newest complete one
 * serves at start, so a restart or a crash during a save falls back to the last whole model.
 */
package dev.setlist.plugin.taste;
