/**
 * The next-item signal: within listening or viewing sessions, what tends to follow what.
 * {@link dev.setlist.scorer.session.SessionTrainer} counts transitions within a short window with a gap
 * decay and keeps each item's strongest successors as shares;
 * {@link dev.setlist.scorer.session.SessionModel} blends the successors of a session's last few items,
 * latest first, into a candidate list or a dense score. It works on item indices only and depends on
 * nothing else in Setlist, so sessions can come from any event source.
 */
package dev.setlist.scorer.session;
