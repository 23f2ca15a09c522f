/**
 * Playback signals that do not lie: {@link dev.setlist.plugin.signals.InteractionLedger} rebuilds each
 * play from start, progress and stop events, weighs it by kind and outcome, discounts the sleepy viewer,
 * muted play and skipping ahead, and keeps every piece of {@link dev.setlist.plugin.signals.Evidence}
 * with its reason. Thresholds are {@link dev.setlist.plugin.signals.SignalSettings}. It reads events and
 * the event log only; it must not depend on the API, the media server or the models.
 * {@link dev.setlist.plugin.signals.PlayTimeline} keeps the order of plays, cut into sessions.
 */
package dev.setlist.plugin.signals;
