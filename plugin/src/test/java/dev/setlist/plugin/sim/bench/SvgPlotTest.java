package dev.setlist.plugin.sim.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgPlotTest {

    @Test
    void barsAreOnePerSeriesAndCategoryWithTheirValuesAndALegend() {
        Chart chart = new Chart("c", "Title & more", "share", List.of("a", "b"), List.of(
                new Chart.Series("Setlist", List.of(0.25, 1.0)), new Chart.Series("baseline", List.of(0.5, 0.0))), false);

        String svg = SvgPlot.render(chart);

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("Title &amp; more", ">Setlist<", ">baseline<");
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 1 + 4 + 2);
        assertThat(svg).contains(">0.25<", ">0.50<");
    }

    @Test
    void linesHaveAPointPerCategory() {
        Chart chart = new Chart("c", "t", "y", List.of("1", "2", "3"), List.of(
                new Chart.Series("s", List.of(1.0, 2.0, 3.0))), true);

        String svg = SvgPlot.render(chart);

        assertThat(svg.split("<circle ", -1)).hasSize(4);
        assertThat(svg).contains("<polyline");
    }

    @Test
    void theScaleEndsAtAStepOfOneTwoOrFive() {
        assertThat(SvgPlot.niceCeiling(0.83)).isEqualTo(1.0);
        assertThat(SvgPlot.niceCeiling(3.2)).isEqualTo(5.0);
        assertThat(SvgPlot.niceCeiling(135)).isEqualTo(200.0);
    }

    @Test
    void aSeriesOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new Chart("c", "t", "y", List.of("a"), List.of(new Chart.Series("s", List.of(1.0, 2.0))),
                false)).hasMessageContaining("s has 2 values for 1 categories");
    }
}
