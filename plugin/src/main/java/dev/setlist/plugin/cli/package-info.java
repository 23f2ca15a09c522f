/**
 * The command line (picocli): {@code setlist serve}, {@code demo} and friends. Commands parse flags, load the
 * configuration and call the composition root; exit codes are 0 (done), 1 (failed while running), 2 (bad usage or
 * configuration).
 */
package dev.setlist.plugin.cli;
