package dev.setlist.plugin.store;

import dev.setlist.plugin.taste.ExplorationPosterior;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Setlist keeps per person besides events: the tuning a power user set, the wildcard posterior,
 * the chosen mode with its expiry, and the onboarding answers (tables {@code person_tuning},
 * {@code person_mode}, {@code onboarding_answer}).
 *
 * <p>Thread-safe: updates of one person's posterior are serialised in this process.
 */
public final class PersonStore {

    /** Overrides a power user set; {@code null} fields fall back to the configured defaults. */
    public record TuningOverrides(Double explorationMin, Double explorationMax, Integer wildcardSlots, Double diversity) {
        public static final TuningOverrides NONE = new TuningOverrides(null, null, null, null);
    }

    /** A mode a person chose, and until when ({@code null}: until changed). */
    public record ModeChoice(String mode, Instant setAt, Instant expiresAt) {
    }

    /** One answer of the pairwise quiz. */
    public record OnboardingAnswer(String chosenId, String otherId, Instant answeredAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public PersonStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A person's overrides and wildcard posterior together, as a playlist needs both: one query, where
     * {@link #overrides} and {@link #posterior} take one each.
     *
     * @param overrides what the person set ({@link TuningOverrides#NONE} when nothing)
     * @param posterior their wildcard acceptance so far ({@link ExplorationPosterior#PRIOR} when none)
     */
    public record PersonTuning(TuningOverrides overrides, ExplorationPosterior posterior) {
        static final PersonTuning NONE = new PersonTuning(TuningOverrides.NONE, ExplorationPosterior.PRIOR);
    }

    public PersonTuning tuning(String userId) {
        String sql = "SELECT exploration_min, exploration_max, wildcard_slots, diversity, wildcards_taken, "
                + "wildcards_declined FROM person_tuning WHERE user_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return PersonTuning.NONE;
                }
                return new PersonTuning(new TuningOverrides(nullableDouble(rows, 1), nullableDouble(rows, 2),
                        nullableInt(rows, 3), nullableDouble(rows, 4)),
                        new ExplorationPosterior(rows.getDouble(5), rows.getDouble(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the tuning of " + userId + ": " + e.getMessage(), e);
        }
    }

    public TuningOverrides overrides(String userId) {
        String sql = "SELECT exploration_min, exploration_max, wildcard_slots, diversity FROM person_tuning WHERE user_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return TuningOverrides.NONE;
                }
                return new TuningOverrides(nullableDouble(rows, 1), nullableDouble(rows, 2), nullableInt(rows, 3),
                        nullableDouble(rows, 4));
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the tuning of " + userId + ": " + e.getMessage(), e);
        }
    }

    public ExplorationPosterior posterior(String userId) {
        String sql = "SELECT wildcards_taken, wildcards_declined FROM person_tuning WHERE user_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new ExplorationPosterior(rows.getDouble(1), rows.getDouble(2)) : ExplorationPosterior.PRIOR;
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the wildcard history of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the overrides, keeping the posterior. */
    public synchronized void saveOverrides(String userId, TuningOverrides overrides) {
        ExplorationPosterior posterior = posterior(userId);
        write(userId, overrides, posterior, null);
    }

    /**
     * Records that the person took or declined a wildcard; returns the new posterior. The answer is kept
     * too, with the acceptance it left ({@link #wildcardAnswers}), in the same transaction.
     */
    public synchronized ExplorationPosterior recordWildcard(String userId, boolean taken) {
        ExplorationPosterior updated = posterior(userId).after(taken);
        write(userId, overrides(userId), updated, taken);
        return updated;
    }

    /** Forgets the wildcard history (a reset of taste), keeping the overrides. */
    public synchronized void resetPosterior(String userId) {
        write(userId, overrides(userId), ExplorationPosterior.PRIOR, null);
    }

    /** One wildcard taken or declined, and the acceptance (posterior mean) it left. */
    public record WildcardAnswer(Instant answeredAt, boolean taken, double acceptance) {
    }

    /** The person's wildcard answers at or after {@code since}, oldest first. */
    public List<WildcardAnswer> wildcardAnswers(String userId, Instant since) {
        String sql = "SELECT answered_at, taken, acceptance FROM wildcard_answer WHERE person_id = ? AND answered_at >= ? "
                + "ORDER BY answered_at";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            query.setTimestamp(2, Timestamp.from(since));
            List<WildcardAnswer> answers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answers.add(new WildcardAnswer(rows.getTimestamp(1).toInstant(), rows.getBoolean(2), rows.getDouble(3)));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new StoreException("could not read the wildcard answers of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the person's wildcard answers (their data was deleted); returns how many there were. */
    public int forgetWildcardAnswers(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM wildcard_answer WHERE person_id = ?")) {
            delete.setString(1, userId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not delete the wildcard answers of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the person's tuning row; with {@code answered} non-null, also keeps that wildcard answer. */
    private void write(String userId, TuningOverrides overrides, ExplorationPosterior posterior, Boolean answered) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM person_tuning WHERE user_id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO person_tuning (user_id, "
                         + "exploration_min, exploration_max, wildcard_slots, diversity, wildcards_taken, "
                         + "wildcards_declined, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, userId);
                delete.executeUpdate();
                insert.setString(1, userId);
                setNullable(insert, 2, overrides.explorationMin());
                setNullable(insert, 3, overrides.explorationMax());
                if (overrides.wildcardSlots() == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, overrides.wildcardSlots());
                }
                setNullable(insert, 5, overrides.diversity());
                insert.setDouble(6, posterior.taken());
                insert.setDouble(7, posterior.declined());
                insert.setTimestamp(8, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                if (answered != null) {
                    try (PreparedStatement answer = connection.prepareStatement("INSERT INTO wildcard_answer "
                            + "(person_id, answered_at, taken, acceptance) VALUES (?, ?, ?, ?)")) {
                        answer.setString(1, userId);
                        answer.setTimestamp(2, Timestamp.from(clock.instant()));
                        answer.setBoolean(3, answered);
                        answer.setDouble(4, posterior.mean());
                        answer.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store the tuning of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** The mode the person chose, unless it has expired. */
    public Optional<ModeChoice> mode(String userId) {
        String sql = "SELECT mode, set_at, expires_at FROM person_mode WHERE user_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp expires = rows.getTimestamp(3);
                ModeChoice choice = new ModeChoice(rows.getString(1), rows.getTimestamp(2).toInstant(),
                        expires == null ? null : expires.toInstant());
                boolean expired = choice.expiresAt() != null && !choice.expiresAt().isAfter(clock.instant());
                return expired ? Optional.empty() : Optional.of(choice);
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the mode of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Sets the person's mode until {@code expiresAt} ({@code null}: until changed); {@code mode == null} clears it. */
    public void setMode(String userId, String mode, Instant expiresAt) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM person_mode WHERE user_id = ?")) {
                delete.setString(1, userId);
                delete.executeUpdate();
                if (mode != null) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO person_mode (user_id, mode, set_at, expires_at) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, userId);
                        insert.setString(2, mode);
                        insert.setTimestamp(3, Timestamp.from(clock.instant()));
                        insert.setTimestamp(4, expiresAt == null ? null : Timestamp.from(expiresAt));
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not store the mode of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Records an answer of the pairwise quiz (answering the same pair again keeps the first answer). */
    public void addAnswer(String userId, String chosenId, String otherId) {
        String sql = "INSERT INTO onboarding_answer (user_id, answered_at, chosen_id, other_id) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, userId);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setString(3, chosenId);
            insert.setString(4, otherId);
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return;
            }
            throw new StoreException("could not store an onboarding answer of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** The person's quiz answers, oldest first. */
    public List<OnboardingAnswer> answers(String userId) {
        String sql = "SELECT chosen_id, other_id, answered_at FROM onboarding_answer WHERE user_id = ? ORDER BY answered_at, chosen_id";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, userId);
            List<OnboardingAnswer> answers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answers.add(new OnboardingAnswer(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant()));
                }
            }
            return answers;
        } catch (SQLException e) {
            throw new StoreException("could not read the onboarding answers of " + userId + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the person's quiz answers (a reset of taste). */
    public void clearAnswers(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM onboarding_answer WHERE user_id = ?")) {
            delete.setString(1, userId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not clear the onboarding answers of " + userId + ": " + e.getMessage(), e);
        }
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static void setNullable(PreparedStatement statement, int column, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(column, Types.DOUBLE);
        } else {
            statement.setDouble(column, value);
        }
    }
}
