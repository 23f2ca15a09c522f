/**
 * The demo: a generated library (movies, series, music) and the household of the simulator (four people with a
 * month of history, {@code dev.setlist.plugin.sim}) for trying Setlist without a media server, fed through the
 * same ingestion path as real events. Deterministic for a seed.
 */
package dev.setlist.plugin.demo;
