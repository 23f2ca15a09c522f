/**
 * Benchmarks of the plugin that print figures (docs/benchmarks.md); they are mains, never tests, and
 * assert nothing: speed goals are met here, not in timed tests.
 */
package dev.setlist.plugin.bench;
