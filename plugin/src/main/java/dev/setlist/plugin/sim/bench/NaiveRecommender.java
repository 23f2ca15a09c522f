package dev.setlist.plugin.sim.bench;

import dev.setlist.plugin.events.EventType;
import dev.setlist.plugin.events.PlaybackEvent;
import dev.setlist.plugin.sim.Persona;
import dev.setlist.plugin.sim.SimulatedSystem;
import dev.setlist.scorer.als.AlsModel;
import dev.setlist.scorer.als.AlsSettings;
import dev.setlist.scorer.als.AlsTrainer;
import dev.setlist.scorer.candidates.Candidate;
import dev.setlist.scorer.candidates.CandidateGenerator;
import dev.setlist.scorer.candidates.CandidateRequest;
import dev.setlist.scorer.catalog.ItemProfile;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import dev.setlist.scorer.content.ContentModel;
import dev.setlist.scorer.content.ContentSettings;
import dev.setlist.scorer.content.ContentTrainer;
import dev.setlist.scorer.data.IdIndex;
import dev.setlist.scorer.data.Interactions;
import dev.setlist.scorer.data.UserHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The naive baseline every behaviour is measured against: the same model as Setlist's (iALS, with items
 * nobody played placed by their features), trained on the same nights, but on raw signals taken at face
 * value, and nothing else. A play counts the hours it ran (asleep,
 * muted or not; a thousand plays a thousand times), a star rating counts its stars, accounts are people
 * (no profiles), and a playlist is the top of the ranking for the requested media: no rules, no modes,
 * no diversity, no fatigue, no exploration, no sequencing. It does keep what a person finished out of
 * their own playlist, as any recommender would.
 *
 * <p>Not thread-safe: one simulation drives it.
 */
public final class NaiveRecommender implements SimulatedSystem {

    /** Hours of watch time that make a weight of 1: half an hour, a short episode. */
    static final double SECONDS_PER_UNIT = 1800;

    private final List<ItemProfile> catalog;
    private final AlsSettings als;
    private final IdIndex items;
    private final Map<String, Map<String, Double>> weights = new TreeMap<>();
    private final Map<String, Instant> started = new HashMap<>();
    private CandidateGenerator candidates;
    private AlsModel model;

    public NaiveRecommender(List<ItemProfile> catalog) {
        this(catalog, AlsSettings.defaults());
    }

    /** The baseline training its model with {@code als}. */
    public NaiveRecommender(List<ItemProfile> catalog, AlsSettings als) {
        this.als = als;
        this.catalog = List.copyOf(catalog);
        this.items = IdIndex.of(this.catalog.stream().map(ItemProfile::id).toList());
    }

    @Override
    public void deliver(PlaybackEvent event) {
        String person = event.userId();
        if (event.type() == EventType.PLAYBACK_START) {
            started.put(person + "|" + event.itemId(), event.occurredAt());
        } else if (event.type() == EventType.PLAYBACK_STOP) {
            double seconds = Math.max(0, event.positionSeconds());
            if (seconds > 0) {
                add(person, event.itemId(), seconds / SECONDS_PER_UNIT);
            }
        } else if (event.type() == EventType.USER_DATA_SAVED && event.userData() != null
                && event.userData().rating() != null && event.userData().rating() > 0) {
            add(person, event.itemId(), event.userData().rating() / 10);
        }
    }

    private void add(String person, String itemId, double weight) {
        if (items.indexOf(itemId) >= 0) {
            weights.computeIfAbsent(person, p -> new TreeMap<>()).merge(itemId, weight, Double::sum);
        }
    }

    @Override
    public List<Offer> offer(Persona persona, OfferRequest request) {
        List<ItemProfile> ranked = ranking(persona, request.media());
        return ranked.stream().limit(request.length()).map(item -> new Offer(item, false)).toList();
    }

    @Override
    public void endOfDay(Instant at) {
        retrain();
    }

    /** Trains on everything delivered so far. */
    public void retrain() {
        Interactions.Builder builder = Interactions.builder(new IdIndex(), items);
        weights.forEach((person, byItem) -> {
            builder.addUser(person);
            byItem.forEach((itemId, weight) -> builder.add(person, itemId, weight.floatValue(), 0));
        });
        Interactions data = builder.build();
        if (data.size() == 0) {
            return;
        }
        AlsModel trained = new AlsTrainer(als).fit(data);
        ContentModel content = new ContentTrainer(ContentSettings.defaults()).fit(catalog, trained);
        model = content.withColdItems(trained);
        candidates = CandidateGenerator.builder(model, catalog).content(content).build();
    }

    /** The catalog of one media ranked for the person's account, best first, without what they played. */
    public List<ItemProfile> ranking(Persona persona, Media media) {
        if (candidates == null) {
            return List.of();
        }
        UserHistory history = history(weights.getOrDefault(persona.accountId(), Map.of()));
        List<ItemProfile> ranked = new ArrayList<>();
        for (Candidate candidate : candidates.generate(new CandidateRequest(history, new int[0], catalog.size(), false,
                0, 0, 1))) {
            if ((media == Media.MUSIC) == (candidate.item().kind() == ItemKind.TRACK)) {
                ranked.add(candidate.item());
            }
        }
        return ranked;
    }

    private UserHistory history(Map<String, Double> byItem) {
        int[] indices = byItem.keySet().stream().mapToInt(items::indexOf).filter(i -> i >= 0).sorted().toArray();
        float[] values = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            values[k] = byItem.get(items.idAt(indices[k])).floatValue();
        }
        return new UserHistory(Arrays.copyOf(indices, indices.length), values);
    }
}
