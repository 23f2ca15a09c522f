/**
 * What the web UI charts about one person over time: the genre mix of what they played (from the event
 * log), how they answer wildcards and how their exploration rate adapts, how diverse the playlists served
 * to them were, and the signal behind every play (its weight, and for a discounted play the discount and
 * why). Also the small log of served playlists those charts need. Reads the store, the ledger and the
 * catalog; it must not depend on the playlist pipeline or on HTTP.
 */
package dev.setlist.plugin.insights;
