/**
 * Journeys through taste space: the straight line between two items' latent vectors, how close each item
 * of the catalog lies to each point of it, how far along it each item is, and how near each is to one
 * person's taste, so that a session can travel from one item to another in steps that each stay near the
 * line and near the listener. Pure arithmetic over an {@code AlsModel}: this package must not depend on
 * the rules, the sequencer's constraints or the server.
 */
package dev.setlist.scorer.path;
