/**
 * Watching together: one playlist for several people at once, their tastes aggregated so that nobody is
 * miserable (least misery, or a fair blend: the average with a misery floor), under the strictest mode
 * among them (a child present means kids mode), through the same rule book and sequencer as a personal
 * playlist. Depends on the playlist, profile, signals and taste packages, the scorer and the rules; never
 * on HTTP.
 */
package dev.setlist.plugin.together;
