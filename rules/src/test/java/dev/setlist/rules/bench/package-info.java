/**
 * Benchmarks of the rules stage, run by hand (see docs/benchmarks.md), never by the test suite:
 * building the shipped packs, evaluating 500 candidates with a reused book, sequencing them, and
 * the time from a save in a watched folder to the new book serving.
 */
package dev.setlist.rules.bench;
