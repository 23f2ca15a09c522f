package dev.setlist.plugin.taste;

import dev.setlist.plugin.library.Library;
import dev.setlist.plugin.playlist.UnknownItemException;
import dev.setlist.plugin.playlist.UnknownUserException;
import dev.setlist.plugin.profile.ProfileService;
import dev.setlist.plugin.store.PersonStore;
import dev.setlist.scorer.als.FoldIn;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pairwise quiz for newcomers. Star ratings say little (many people rate everything highly);
 * a forced choice between two items reveals a preference. Each pair is chosen to be informative: two
 * well-known items (judgeable at a glance) whose difference the model is least sure the person cares
 * about, that is far apart in taste space and each uncertain for this person. A chosen item joins the
 * person's history, so the next pair and the first playlist are folded from the answers so far.
 *
 * <p>Thread-safe; stateless between requests.
 */
public final class OnboardingService {

    /** Answers after which a newcomer's playlist is personal. */
    public static final int ANSWERS_NEEDED = 10;
    /** Well-known items considered for a pair. */
    static final int POOL = 60;

    /** A pair to choose from, and how far the quiz is. */
    public record Pair(ItemProfile first, ItemProfile second, int answered, int needed) {
    }

    /** After an answer: how far the quiz is, and whether the playlist is now personal. */
    public record Progress(int answered, int needed, boolean personal) {
    }

    private final Library library;
    private final ProfileService persons;
    private final PersonStore people;
    private final PersonHistory histories;
    private final ModelTrainer trainer;

    public OnboardingService(Library library, ProfileService persons, PersonStore people, PersonHistory histories,
                             ModelTrainer trainer) {
        this.library = library;
        this.persons = persons;
        this.people = people;
        this.histories = histories;
        this.trainer = trainer;
    }

    /**
     * The next pair for {@code userId}, or empty when the library has fewer than two items not yet shown.
     *
     * @throws UnknownUserException when nobody has that id
     */
    public Optional<Pair> nextPair(String userId) {
        persons.person(userId).orElseThrow(() -> new UnknownUserException(userId));
        List<PersonStore.OnboardingAnswer> answers = people.answers(userId);
        Set<String> shown = new HashSet<>();
        answers.forEach(answer -> {
            shown.add(answer.chosenId());
            shown.add(answer.otherId());
        });
        TasteModel taste = trainer.current();
        if (taste == null) {
            return byFame(library.all(), shown, answers.size());
        }
        List<Integer> pool = wellKnown(taste, shown);
        if (pool.size() < 2) {
            return Optional.empty();
        }
        FoldIn posterior = taste.model().posterior(taste.history(histories.weights(userId)));
        int bestA = -1;
        int bestB = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < pool.size(); x++) {
            int a = pool.get(x);
            double varianceA = posterior.variance(a);
            for (int y = x + 1; y < pool.size(); y++) {
                int b = pool.get(y);
                double score = Math.sqrt(varianceA * posterior.variance(b)) * (1 - taste.similarity(a, b));
                if (score > bestScore) {
                    bestScore = score;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        return Optional.of(new Pair(taste.catalog().get(bestA), taste.catalog().get(bestB), answers.size(), ANSWERS_NEEDED));
    }

    /**
     * Records that {@code userId} preferred {@code chosenId} to {@code otherId}.
     *
     * @throws UnknownUserException when nobody has that id
     * @throws UnknownItemException when either item is not in the catalog
     * @throws IllegalArgumentException when both are the same item
     */
    public Progress answer(String userId, String chosenId, String otherId) {
        persons.person(userId).orElseThrow(() -> new UnknownUserException(userId));
        library.find(chosenId).orElseThrow(() -> new UnknownItemException(chosenId));
        library.find(otherId).orElseThrow(() -> new UnknownItemException(otherId));
        if (chosenId.equals(otherId)) {
            throw new IllegalArgumentException("chosen and other are the same item");
        }
        people.addAnswer(userId, chosenId, otherId);
        int answered = people.answers(userId).size();
        return new Progress(answered, ANSWERS_NEEDED, answered >= ANSWERS_NEEDED);
    }

    /** Films by how often they are played (tracks or episodes when the library has too few films), minus those shown. */
    private static List<Integer> wellKnown(TasteModel taste, Set<String> shown) {
        List<ItemProfile> catalog = taste.catalog();
        long films = catalog.stream().filter(item -> item.kind() == ItemKind.MOVIE).count();
        List<Integer> indices = new ArrayList<>();
        for (int index = 0; index < catalog.size(); index++) {
            ItemProfile item = catalog.get(index);
            if (!shown.contains(item.id()) && (films < 10 || item.kind() == ItemKind.MOVIE)) {
                indices.add(index);
            }
        }
        indices.sort((a, b) -> {
            int byPlays = Integer.compare(taste.model().itemFrequency(b), taste.model().itemFrequency(a));
            return byPlays != 0 ? byPlays : Integer.compare(a, b);
        });
        return indices.subList(0, Math.min(POOL, indices.size()));
    }

    /** Before any model exists: the two newest films not shown yet, different in genre where possible. */
    private static Optional<Pair> byFame(List<ItemProfile> catalog, Set<String> shown, int answered) {
        List<ItemProfile> films = catalog.stream().filter(item -> !shown.contains(item.id()))
                .sorted((a, b) -> b.added().compareTo(a.added())).toList();
        if (films.size() < 2) {
            return Optional.empty();
        }
        ItemProfile first = films.get(0);
        ItemProfile second = films.stream().skip(1)
                .filter(item -> item.genres().stream().noneMatch(first.genres()::contains))
                .findFirst().orElse(films.get(1));
        return Optional.of(new Pair(first, second, answered, ANSWERS_NEEDED));
    }
}
