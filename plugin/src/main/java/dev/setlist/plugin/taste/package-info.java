/**
 * Keeping the taste model trained: background retraining on everyone's interactions, never on a request
 * thread; requests fold the person's newest history into the last model.
 */
package dev.setlist.plugin.taste;
