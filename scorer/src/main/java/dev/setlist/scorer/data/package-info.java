/**
 * Implicit feedback as compact arrays: {@link dev.setlist.scorer.data.IdIndex} maps the media server's ids
 * to dense indices, {@link dev.setlist.scorer.data.Interactions} holds the user-by-item confidence matrix
 * twice (by user and by item, primitive arrays, no boxing) and builds it from a stream of events with an
 * optional half-life decay and explicit rules for repeats and duplicates, and
 * {@link dev.setlist.scorer.data.UserHistory} is one person's row, the input of every model's scoring.
 * It depends on nothing but the JDK, so every other scorer package can build on it.
 */
package dev.setlist.scorer.data;
