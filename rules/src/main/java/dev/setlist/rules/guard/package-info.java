/**
 * The allow-list: curator rules are code, so before a rule file is compiled its source text (after
 * DSL expansion, and the DRL generated from a decision table) is scanned for anything that reaches
 * outside one evaluation: imports beyond the fact model and a few {@code java.lang} types, fully
 * qualified names into other packages, system, thread, process, reflection, class-loading, file and
 * network APIs, loops and unicode escapes in code, and functions that call functions. The scan is
 * lexical and position-exact (line and column of the offending token).
 *
 * <p>This is a guard against mistakes and casual abuse by people trusted to edit rules, not a JVM
 * sandbox. Depends on nothing but the JDK; it must not depend on Drools, so it can run on any text.
 */
package dev.setlist.rules.guard;
