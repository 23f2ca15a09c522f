package dev.setlist.rules.guard;

/** One lexical token of code (strings and comments are not tokens), with its 1-based position. */
record Token(String text, int line, int column, boolean identifier) {
}
