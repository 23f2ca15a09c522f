/**
 * Profiles inside one account ("who is watching"): a shared account holds several people, each a person
 * of their own with the id {@code <account>~<profile>}, their own taste, mode and tuning, and when set a
 * parental ceiling. Saying who is watching attributes the account's incoming events to that profile at
 * ingestion, where the attribution is stored with the event so that a replay repeats it. Depends on the
 * store and the events package; it must not depend on playlists, rules or HTTP.
 */
package dev.setlist.plugin.profile;
