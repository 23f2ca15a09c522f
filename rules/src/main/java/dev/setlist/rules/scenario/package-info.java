/**
 * Curator tests: scenario files (YAML or JSON) that state a context, candidates and expectations
 * ("item 42 is excluded", "the top 5 span at least 3 genres", "the first item is a feature film
 * under 130 minutes"), run against a rule book and the sequencer, with a readable pass and fail
 * report and an exit code for {@code setlist rules test} and {@code setlist rules check}.
 *
 * <p>Files are parsed once, at the boundary, into records; a malformed file is reported with the
 * path of the offending field. Depends on the rules API, the fact model, the scorer's sequencer and
 * Jackson; must not depend on the server.
 */
package dev.setlist.rules.scenario;
