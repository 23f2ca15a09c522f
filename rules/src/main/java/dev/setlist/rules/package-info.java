/**
 * The rules stage: curator-editable Drools rule packs that boost, bury and exclude candidates and
 * set playlist constraints, each with a human reason. {@link dev.setlist.rules.RuleCompiler} turns
 * {@link dev.setlist.rules.RuleSources} (the shipped packs plus a curator folder) into an immutable
 * {@link dev.setlist.rules.CompiledRuleBook} after the allow-list check, the build and a smoke run;
 * {@link dev.setlist.rules.LiveRuleBook} serves the last good book while it watches the folder,
 * rebuilds off the request path, keeps every published version and rolls back. Both are
 * {@link dev.setlist.rules.RuleBook}s, the one seam the server calls. The shipped packs alone are not
 * compiled at run time: the module's build precompiles them into a Drools executable model
 * ({@link dev.setlist.rules.ShippedModelGenerator}), so a server's first book is assembled from
 * classes; any book with curator files takes the classic DRL build.
 *
 * <p>Depends on the scorer (candidates, sequencing constraints) and Drools; must not depend on the
 * server. Non-API pieces live in subpackages: {@code model} (facts), {@code guard} (allow-list),
 * {@code scenario} (curator tests).
 */
package dev.setlist.rules;
