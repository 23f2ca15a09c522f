package dev.setlist.rules.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL (and the Java or MVEL inside it) into identifier and symbol tokens, skipping string and
 * character literals, {@code //} and {@code /* *}{@code /} comments and {@code #} line comments.
 * Only as much of the language as the guard needs; never fails on odd input.
 */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int length = source.length();
        boolean onlySpaceSoFar = true;
        while (i < length) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                lineStart = i;
                onlySpaceSoFar = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean lineHead = onlySpaceSoFar;
            onlySpaceSoFar = false;
            if (c == '/' && i + 1 < length && source.charAt(i + 1) == '/' || c == '#' && lineHead) {
                while (i < length && source.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
                i += 2;
                while (i < length && !(source.charAt(i) == '*' && i + 1 < length && source.charAt(i + 1) == '/')) {
                    if (source.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                i = Math.min(length, i + 2);
                continue;
            }
            if (c == '"' || c == '\'') {
                boolean textBlock = c == '"' && source.startsWith("\"\"\"", i);
                i += textBlock ? 3 : 1;
                while (i < length) {
                    char d = source.charAt(i);
                    if (d == '\\') {
                        i += 2;
                        continue;
                    }
                    if (d == '\n') {
                        if (!textBlock) {
                            break;
                        }
                        line++;
                        lineStart = i + 1;
                    }
                    if (textBlock ? source.startsWith("\"\"\"", i) : d == c) {
                        i += textBlock ? 3 : 1;
                        break;
                    }
                    i++;
                }
                continue;
            }
            int column = i - lineStart + 1;
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < length && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(source.substring(start, i), line, column, true));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
                continue;
            }
            tokens.add(new Token(String.valueOf(c), line, column, false));
            i++;
        }
        return tokens;
    }
}
