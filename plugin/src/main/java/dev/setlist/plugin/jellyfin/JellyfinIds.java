package dev.setlist.plugin.jellyfin;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jellyfin writes GUIDs in the N form (32 hex digits) but accepts and, through templates, sends the
 * dashed D form. Setlist stores the N form only.
 */
public final class JellyfinIds {

    private static final Pattern N_FORM = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern D_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private JellyfinIds() {
    }

    /**
     * The N form of a GUID given in N or D form (braces allowed).
     *
     * @throws IllegalArgumentException when the text is not a GUID
     */
    public static String normalize(String guid) {
        String text = guid.trim();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1);
        }
        if (N_FORM.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (D_FORM.matcher(text).matches()) {
            return text.replace("-", "").toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("not a GUID: '" + guid + "'");
    }

    /** Whether the text is a GUID in N or D form. */
    public static boolean isGuid(String text) {
        try {
            normalize(text);
            return true;
        } catch (IllegalArgumentException notGuid) {
            return false;
        }
    }
}
