/**
 * The rule editor's back end: the curator's view of the live rule book. {@link RuleWorkbench} lists the shipped
 * packs and the published curator files, takes a draft (changed and deleted files laid over the published set),
 * and checks it, runs the scenario files against it, diffs it against what is published ({@link LineDiff}), or
 * publishes it; history and rollback come from the live book's version store. Nothing a draft does reaches the
 * playlists until it is published: checking and testing build a book of their own and throw it away, so a draft
 * with a syntax error leaves the book serving now exactly as it was.
 */
package dev.setlist.plugin.rulebook;
