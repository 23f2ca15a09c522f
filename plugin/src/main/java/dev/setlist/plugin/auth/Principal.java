package dev.setlist.plugin.auth;

/**
 * Who is calling: the admin (every person's data, rule administration) or one person (their own data
 * only). Immutable.
 */
public sealed interface Principal extends java.security.Principal permits Principal.Admin, Principal.Person {

    /** Whether this caller may read and write the data of {@code userId}. */
    boolean mayAccess(String userId);

    /** The holder of the admin key. */
    record Admin() implements Principal {
        @Override
        public String getName() {
            return "admin";
        }

        @Override
        public boolean mayAccess(String userId) {
            return true;
        }
    }

    /**
     * The holder of one account's token: that account's data, and that of the profiles inside it, whose
     * person ids are {@code <account>~<profile>}.
     */
    record Person(String userId) implements Principal {
        @Override
        public String getName() {
            return userId;
        }

        @Override
        public boolean mayAccess(String otherUserId) {
            return userId.equals(otherUserId) || (otherUserId.length() > userId.length() + 1
                    && otherUserId.startsWith(userId) && otherUserId.charAt(userId.length()) == '~');
        }
    }
}
