package dev.setlist.plugin.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles inside accounts and who is watching each account now (tables {@code person_profile} and
 * {@code active_profile}). Names are checked by the caller; this store keeps what it is given.
 *
 * <p>Thread-safe.
 */
public final class ProfileStore {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * One profile.
     *
     * @param accountId       the account it belongs to
     * @param profile         its name within the account, for example {@code kid}
     * @param label           how people call it, for example {@code Robin}
     * @param parentalCeiling the highest minimum age it may see, or {@code null} when unrestricted
     * @param createdAt       when it was created
     */
    public record StoredProfile(String accountId, String profile, String label, Integer parentalCeiling,
                                Instant createdAt) {
        public StoredProfile {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Who is watching {@code accountId}: {@code profile}, from {@code setAt} until {@code expiresAt}. */
    public record ActiveProfile(String accountId, String profile, Instant setAt, Instant expiresAt) {
        public ActiveProfile {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(setAt, "setAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    private final DataSource dataSource;

    public ProfileStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates a profile; {@code false} when the account already has one of that name. */
    public boolean create(StoredProfile profile) {
        String sql = "INSERT INTO person_profile (account_id, profile, label, parental_ceiling, created_at) "
                + "VALUES (?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, profile.accountId());
            insert.setString(2, profile.profile());
            insert.setString(3, profile.label());
            if (profile.parentalCeiling() == null) {
                insert.setNull(4, Types.INTEGER);
            } else {
                insert.setInt(4, profile.parentalCeiling());
            }
            insert.setTimestamp(5, Timestamp.from(profile.createdAt()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreException("could not create profile " + profile.profile() + " of " + profile.accountId()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The account's profiles, by name. */
    public List<StoredProfile> profiles(String accountId) {
        String sql = "SELECT account_id, profile, label, parental_ceiling, created_at FROM person_profile "
                + "WHERE account_id = ? ORDER BY profile";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, accountId);
            List<StoredProfile> profiles = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    profiles.add(profile(rows));
                }
            }
            return profiles;
        } catch (SQLException e) {
            throw new StoreException("could not read the profiles of " + accountId + ": " + e.getMessage(), e);
        }
    }

    public Optional<StoredProfile> find(String accountId, String profile) {
        String sql = "SELECT account_id, profile, label, parental_ceiling, created_at FROM person_profile "
                + "WHERE account_id = ? AND profile = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, accountId);
            query.setString(2, profile);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(profile(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read profile " + profile + " of " + accountId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes a profile, and makes it stop watching when it was; {@code false} when there was none.
     * Events already attributed to it stay in the log as they are.
     */
    public boolean delete(String accountId, String profile) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement active = connection.prepareStatement(
                         "DELETE FROM active_profile WHERE account_id = ? AND profile = ?");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM person_profile WHERE account_id = ? AND profile = ?")) {
                active.setString(1, accountId);
                active.setString(2, profile);
                active.executeUpdate();
                delete.setString(1, accountId);
                delete.setString(2, profile);
                boolean deleted = delete.executeUpdate() > 0;
                connection.commit();
                return deleted;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not delete profile " + profile + " of " + accountId + ": " + e.getMessage(), e);
        }
    }

    /** Sets who is watching the account, replacing whoever was. */
    public void setActive(ActiveProfile active) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM active_profile WHERE account_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO active_profile (account_id, profile, set_at, expires_at) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, active.accountId());
                delete.executeUpdate();
                insert.setString(1, active.accountId());
                insert.setString(2, active.profile());
                insert.setTimestamp(3, Timestamp.from(active.setAt()));
                insert.setTimestamp(4, Timestamp.from(active.expiresAt()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not set who is watching " + active.accountId() + ": " + e.getMessage(), e);
        }
    }

    /** Nobody in particular is watching the account any more; {@code false} when nobody was set. */
    public boolean clearActive(String accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM active_profile WHERE account_id = ?")) {
            delete.setString(1, accountId);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("could not clear who is watching " + accountId + ": " + e.getMessage(), e);
        }
    }

    /** Every account's active profile, expired or not (the caller compares with its clock). */
    public List<ActiveProfile> allActive() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT account_id, profile, set_at, expires_at FROM active_profile ORDER BY account_id")) {
            List<ActiveProfile> active = new ArrayList<>();
            while (rows.next()) {
                active.add(new ActiveProfile(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                        rows.getTimestamp(4).toInstant()));
            }
            return active;
        } catch (SQLException e) {
            throw new StoreException("could not read who is watching: " + e.getMessage(), e);
        }
    }

    private static StoredProfile profile(ResultSet rows) throws SQLException {
        int ceiling = rows.getInt(4);
        Integer parentalCeiling = rows.wasNull() ? null : ceiling;
        return new StoredProfile(rows.getString(1), rows.getString(2), rows.getString(3), parentalCeiling,
                rows.getTimestamp(5).toInstant());
    }
}
