/**
 * From events to interactions: what a play, a skip, a favourite or a dislike says about taste, per person
 * and item. Rebuilt from the event log at start, kept current by every new event.
 */
package dev.setlist.plugin.signals;
