package dev.setlist.plugin.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Person, item and profile ids in a path are at most {@value #MAX_ID_LENGTH} characters with no control
 * characters (the longest real one, an account's 32 hex digits, {@code ~} and a 24-character profile, is 57);
 * anything else is answered 400 naming the parameter, before a resource looks it up or a store is asked to keep
 * it.
 *
 * <p>Stateless; thread-safe.
 */
@Priority(Priorities.AUTHENTICATION + 10)
public final class IdParameterFilter implements ContainerRequestFilter {

    /** The longest id a path may carry; the store's id columns are 64 characters. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Set<String> IDS = Set.of("id", "userId", "itemId", "profile");

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            if (!IDS.contains(parameter.getKey())) {
                continue;
            }
            for (String value : parameter.getValue()) {
                String problem = problem(value);
                if (problem != null) {
                    request.abortWith(ApiError.response(400, parameter.getKey() + " " + problem));
                    return;
                }
            }
        }
    }

    static String problem(String id) {
        if (id.length() > MAX_ID_LENGTH) {
            return "is longer than " + MAX_ID_LENGTH + " characters";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFD') {
                return "holds a control character or broken text at position " + i;
            }
        }
        return null;
    }
}
