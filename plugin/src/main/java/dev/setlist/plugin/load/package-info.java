/**
 * Bounded load generators on loopback, for {@code setlist bench load}, {@code setlist bench playlists} and their
 * short versions in the tests: webhook events at a fixed rate with every acknowledgement kept for a loss check
 * against the event log, and playlists asked for while events arrive, the model retrains and the rules reload.
 * Each load stops by itself; the figures they print are in docs/benchmarks.md. They speak HTTP/1.1 over a
 * hand-written kept-alive connection so that the generator costs little beside the server it measures.
 */
package dev.setlist.plugin.load;
