/**
 * Persistence behind small types: the append-only event log (the source of truth), the catalog, the people
 * and settings, on H2 by default. The schema comes only from ordered Flyway migrations in {@code db/migration}.
 */
package dev.setlist.plugin.store;
