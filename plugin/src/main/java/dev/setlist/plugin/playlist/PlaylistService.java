package dev.setlist.plugin.playlist;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.media.MediaUser;
import dev.setlist.plugin.signals.InteractionLedger;
import dev.setlist.plugin.store.UserStore;
import dev.setlist.plugin.taste.ModelTrainer;
import dev.setlist.plugin.taste.TasteModel;
import dev.setlist.scorer.candidates.ScoreParts;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.data.UserHistory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a person's playlist: their current history folded into the taste model, every item of the
 * catalog scored, what they finished or disliked left out, and the best items ordered so that two
 * episodes of one series do not follow each other while something else can go between.
 *
 * <p>Thread-safe; stateless between requests.
 */
public final class PlaylistService {

    private static final Duration NEW_ARRIVAL = Duration.ofDays(7);

    private final Library library;
    private final UserStore users;
    private final InteractionLedger ledger;
    private final ModelTrainer trainer;
    private final Clock clock;

    public PlaylistService(Library library, UserStore users, InteractionLedger ledger, ModelTrainer trainer, Clock clock) {
        this.library = library;
        this.users = users;
        this.ledger = ledger;
        this.trainer = trainer;
        this.clock = clock;
    }

    /**
     * The playlist of {@code userId}, {@code length} items long (fewer when the catalog has fewer).
     *
     * @throws UnknownUserException when nobody has that id
     */
    public Playlist playlistFor(String userId, int length) {
        MediaUser user = users.find(userId).orElseThrow(() -> new UnknownUserException(userId));
        Instant now = clock.instant();
        Map<String, Double> weights = new HashMap<>();
        ledger.snapshot(userId).forEach((itemId, interaction) -> weights.put(itemId, interaction.weight()));
        Set<String> excluded = ledger.excluded(userId);
        TasteModel taste = trainer.current();

        List<Scored> ranked = new ArrayList<>();
        if (taste != null) {
            UserHistory history = taste.history(weights);
            float[] scores = new float[taste.model().itemCount()];
            taste.model().score(history, scores);
            for (int index = 0; index < scores.length; index++) {
                String itemId = taste.items().idAt(index);
                float score = scores[index];
                if (!excluded.contains(itemId)) {
                    library.find(itemId).ifPresent(item -> ranked.add(new Scored(item, score)));
                }
            }
        } else {
            for (ItemProfile item : library.all()) {
                if (!excluded.contains(item.id())) {
                    ranked.add(new Scored(item, 0));
                }
            }
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.item().id()));
        List<Scored> ordered = order(ranked.subList(0, Math.min(ranked.size(), length * 4)), length);

        List<Playlist.Entry> entries = new ArrayList<>();
        for (Scored scored : ordered) {
            ItemProfile item = scored.item();
            List<String> reasons = new ArrayList<>();
            if (taste != null && scored.score() > 0) {
                reasons.add("matches your taste");
            }
            if (item.added().isAfter(now.minus(NEW_ARRIVAL))) {
                reasons.add("new this week");
            }
            entries.add(new Playlist.Entry(entries.size() + 1, item.id(), item.title(), item.kind().name().toLowerCase(),
                    item.seriesName(), item.artist(), item.year(), item.runtimeMinutes(), item.genres(),
                    item.parentalRating(), scored.score(),
                    new ScoreParts(scored.score(), 0, 0, 0, 0), reasons, false));
        }
        String model = taste == null ? "none yet" : "trained " + taste.trainedAt();
        return new Playlist(user.id(), user.name(), now, model, weights.size(), entries);
    }

    /** Best first, but never two of one series in a row while another item can go between. */
    private static List<Scored> order(List<Scored> pool, int length) {
        List<Scored> remaining = new ArrayList<>(pool);
        List<Scored> ordered = new ArrayList<>();
        while (ordered.size() < length && !remaining.isEmpty()) {
            String previousSeries = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).item().seriesId();
            int pick = 0;
            for (int i = 0; i < remaining.size(); i++) {
                String series = remaining.get(i).item().seriesId();
                if (previousSeries == null || !previousSeries.equals(series)) {
                    pick = i;
                    break;
                }
            }
            ordered.add(remaining.remove(pick));
        }
        return ordered;
    }

    private record Scored(ItemProfile item, double score) {
    }
}
