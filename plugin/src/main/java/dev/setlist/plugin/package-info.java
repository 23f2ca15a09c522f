/**
 * The server of Setlist: the composition root ({@link dev.setlist.plugin.Setlist}), {@code Main}, health and the
 * build's version. Every long-lived part is built here with constructors; subpackages hold the parts and know nothing
 * of how they are wired.
 */
package dev.setlist.plugin;
