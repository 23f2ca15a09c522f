/**
 * The household simulator: simulated people with a true taste over genres and moods, devices and habits (binges,
 * falling asleep while autoplay goes on, background play, skipping, rewatching, rating everything highly, a child on
 * a parent's account), who emit the events a Jellyfin server sends and, in a closed loop, play from the playlists a
 * {@link dev.setlist.plugin.sim.SimulatedSystem} offers according to that true taste. Deterministic for a seed. The
 * demo household comes from it, and the behaviour benchmarks ({@code sim.bench}) run Setlist and a naive baseline
 * against it. Depends on events, profiles and the scorer's catalog, never on HTTP.
 */
package dev.setlist.plugin.sim;
