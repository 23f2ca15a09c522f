/**
 * The behaviour benchmarks: Setlist in process ({@code InProcessSetlist}: in-memory database, the real ingestion path,
 * ledger, profiles, playlist pipeline, feedback, onboarding, retrained every simulated night) and a naive baseline
 * (raw watch time, no rules, no exploration) driven by the household simulator on one seed, one row per failure mode
 * of personalization, with SVG plots drawn here without external tools. Run by {@code setlist bench behaviours};
 * the figures and what they mean are in docs/behaviours.md. Depends on the simulator and the server's parts, never
 * on HTTP.
 */
package dev.setlist.plugin.sim.bench;
