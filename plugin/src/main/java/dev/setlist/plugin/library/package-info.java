/**
 * The catalog in memory, backed by the catalog store: what the scorer ranks and the rules inspect.
 */
package dev.setlist.plugin.library;
