/**
 * What Setlist measures about itself for Prometheus and Grafana: one Micrometer registry, fed by the event
 * ingestor (events stored), the HTTP side ({@code api.MetricsFilter}: refusals by reason, playlist latency as
 * histograms, answers by status class), a timing wrapper around the rule book, and gauges read from the live
 * rule book, the model trainer and the Jellyfin client when Prometheus scrapes {@code GET /metrics}. Nothing
 * here decides anything; it only counts, so it may be read at any time from any thread.
 */
package dev.setlist.plugin.metrics;
