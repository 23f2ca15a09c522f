/**
 * Journeys: a session that travels from one item to another through taste space, each step near the
 * straight line between the two items' iALS vectors and near the listener's taste, every candidate
 * judged by the same rule book and placed by the same sequencer as a playlist, in the order of the path.
 * Depends on the playlist, profile, signals and taste packages, the scorer and the rules; never on HTTP.
 */
package dev.setlist.plugin.journey;
