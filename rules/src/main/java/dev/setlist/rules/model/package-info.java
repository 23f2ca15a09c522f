/**
 * The fact model: everything a rule may see and everything a rule may say. Input facts describe
 * the request ({@link dev.setlist.rules.model.ListeningContext}, {@link dev.setlist.rules.model.Tuning},
 * one {@link dev.setlist.rules.model.Item} per candidate, and all of them in one
 * {@link dev.setlist.rules.model.Candidates} list for rules that take items only in some context); classification facts
 * ({@link dev.setlist.rules.model.Binge}, {@link dev.setlist.rules.model.LateNight},
 * {@link dev.setlist.rules.model.KidsPresent}, {@link dev.setlist.rules.model.ModeVote},
 * {@link dev.setlist.rules.model.ActiveMode}) are derived by classification rules; decision rules
 * answer with typed output facts ({@link dev.setlist.rules.model.Adjustment},
 * {@link dev.setlist.rules.model.Exclusion} and the constraint facts), each carrying a human reason
 * and, once collected, the name of the rule that said it.
 *
 * <p>Rule files import only this package (the allow-list enforces it), so it must stay small, plain
 * and free of anything that reaches outside a single evaluation: records and enums only, no I/O, no
 * clocks, no statics with state. The shipped rule packs live at the same package path in
 * {@code src/main/resources}. Depends on the scorer's catalog and candidate types only.
 */
package dev.setlist.rules.model;
