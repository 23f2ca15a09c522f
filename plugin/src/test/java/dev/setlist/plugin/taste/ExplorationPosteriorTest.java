package dev.setlist.plugin.taste;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExplorationPosteriorTest {

    @Test
    void startsInTheMiddleOfTheBounds() {
        assertThat(ExplorationPosterior.PRIOR.mean()).isEqualTo(0.5);
        assertThat(ExplorationPosterior.PRIOR.rate(0.1, 0.3)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void followsAPersonWhoTakesWildcardsUpAndOneWhoNeverDoesDown() {
        ExplorationPosterior taker = ExplorationPosterior.PRIOR;
        ExplorationPosterior decliner = ExplorationPosterior.PRIOR;
        for (int i = 0; i < 30; i++) {
            taker = taker.after(true);
            decliner = decliner.after(false);
        }
        assertThat(taker.rate(0.05, 0.4)).isGreaterThan(0.35);
        assertThat(decliner.rate(0.05, 0.4)).isLessThan(0.1).isGreaterThanOrEqualTo(0.05);
    }

    @Test
    void forgetsSoThatAChangeOfHeartShows() {
        ExplorationPosterior posterior = ExplorationPosterior.PRIOR;
        for (int i = 0; i < 200; i++) {
            posterior = posterior.after(false);
        }
        for (int i = 0; i < 20; i++) {
            posterior = posterior.after(true);
        }
        assertThat(posterior.mean()).as("20 recent takes outweigh 200 old declines").isGreaterThan(0.5);
    }

    @Test
    void thompsonDrawsStayInBoundsAndAverageToTheMean() {
        ExplorationPosterior posterior = new ExplorationPosterior(6, 2);
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            double rate = posterior.sampleRate(0.1, 0.3, random);
            assertThat(rate).isBetween(0.1, 0.3);
            sum += rate;
        }
        assertThat(sum / draws).isCloseTo(posterior.rate(0.1, 0.3), within(0.002));
        double small = ExplorationPosterior.sampleBeta(0.5, 0.5, new SplittableRandom(2));
        assertThat(small).isBetween(0.0, 1.0);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> new ExplorationPosterior(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExplorationPosterior(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
