package dev.setlist.plugin.store;

import dev.setlist.plugin.taste.ExplorationPosterior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PersonStoreTest {

    private final Database database = Database.openInMemory("person-store-" + System.nanoTime());
    private final Instant now = Instant.parse("2026-11-28T20:00:00Z");
    private final PersonStore store = new PersonStore(database.dataSource(), Clock.fixed(now, ZoneOffset.UTC));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void keepsOverridesAndThePosteriorApart() {
        assertThat(store.overrides("u")).isEqualTo(PersonStore.TuningOverrides.NONE);
        assertThat(store.posterior("u")).isEqualTo(ExplorationPosterior.PRIOR);

        store.saveOverrides("u", new PersonStore.TuningOverrides(0.05, 0.3, 2, null));
        store.recordWildcard("u", true);
        store.recordWildcard("u", false);

        assertThat(store.overrides("u")).isEqualTo(new PersonStore.TuningOverrides(0.05, 0.3, 2, null));
        assertThat(store.posterior("u")).isEqualTo(ExplorationPosterior.PRIOR.after(true).after(false));
        store.resetPosterior("u");
        assertThat(store.posterior("u")).isEqualTo(ExplorationPosterior.PRIOR);
        assertThat(store.overrides("u").wildcardSlots()).isEqualTo(2);
    }

    @Test
    void readsOverridesAndPosteriorInOneGoAsEachAlone() {
        assertThat(store.tuning("u")).isEqualTo(new PersonStore.PersonTuning(PersonStore.TuningOverrides.NONE,
                ExplorationPosterior.PRIOR));
        store.saveOverrides("u", new PersonStore.TuningOverrides(null, 0.4, null, 0.7));
        store.recordWildcard("u", true);

        assertThat(store.tuning("u")).isEqualTo(new PersonStore.PersonTuning(store.overrides("u"), store.posterior("u")));
        assertThat(store.tuning("u").overrides().diversity()).isEqualTo(0.7);
        assertThat(store.tuning("u").posterior()).isEqualTo(ExplorationPosterior.PRIOR.after(true));
        assertThat(store.tuning("other").posterior()).isEqualTo(ExplorationPosterior.PRIOR);
    }

    @Test
    void keepsEveryWildcardAnswerWithTheAcceptanceItLeft() {
        ExplorationPosterior first = store.recordWildcard("u", true);
        ExplorationPosterior second = store.recordWildcard("u", false);
        store.recordWildcard("other", true);

        assertThat(store.wildcardAnswers("u", now.minusSeconds(1))).containsExactly(
                new PersonStore.WildcardAnswer(now, true, first.mean()),
                new PersonStore.WildcardAnswer(now, false, second.mean()));
        assertThat(store.wildcardAnswers("u", now.plusSeconds(1))).isEmpty();
        store.saveOverrides("u", new PersonStore.TuningOverrides(null, null, 3, null));
        store.resetPosterior("u");
        assertThat(store.wildcardAnswers("u", Instant.EPOCH)).as("only answers are answers").hasSize(2);
        assertThat(store.forgetWildcardAnswers("u")).isEqualTo(2);
        assertThat(store.wildcardAnswers("u", Instant.EPOCH)).isEmpty();
        assertThat(store.wildcardAnswers("other", Instant.EPOCH)).hasSize(1);
    }

    @Test
    void aModeLastsUntilItExpires() {
        store.setMode("u", "workout", now.plus(Duration.ofHours(1)));
        assertThat(store.mode("u")).get().extracting(PersonStore.ModeChoice::mode).isEqualTo("workout");

        store.setMode("u", "focus", now.minusSeconds(1));
        assertThat(store.mode("u")).as("expired").isEmpty();

        store.setMode("u", "kids", null);
        assertThat(store.mode("u")).get().extracting(PersonStore.ModeChoice::expiresAt).isNull();
        store.setMode("u", null, null);
        assertThat(store.mode("u")).isEmpty();
    }

    @Test
    void keepsOnboardingAnswersInOrderOnceEach() {
        store.addAnswer("u", "a", "b");
        store.addAnswer("u", "c", "d");
        store.addAnswer("u", "a", "b");
        assertThat(store.answers("u")).extracting(PersonStore.OnboardingAnswer::chosenId).containsExactly("a", "c");
        store.clearAnswers("u");
        assertThat(store.answers("u")).isEmpty();
    }
}
