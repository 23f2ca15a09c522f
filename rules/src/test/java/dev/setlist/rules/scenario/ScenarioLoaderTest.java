package dev.setlist.rules.scenario;

import dev.setlist.rules.model.Mode;
import dev.setlist.scorer.catalog.ItemProfile.ItemKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {

    private final ScenarioLoader loader = new ScenarioLoader();

    private Scenario parse(String file, String text) throws ScenarioFormatException {
        return loader.parse(file, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void yamlAndJsonReadTheSame() throws Exception {
        Scenario yaml = parse("a.yaml", """
                name: one
                context: { mode: late night, time: 2025-03-08T23:00, parentalCeiling: 12 }
                tuning: { length: 5 }
                candidates:
                  - { id: "42", kind: movie, genres: [Drama], minutes: 120, rating: PG, score: 0.7 }
                expect:
                  - excluded: "42"
                  - first: { kind: movie, maxMinutes: 130 }
                  - top: { n: 5, atLeastGenres: 3 }
                """);
        Scenario json = parse("a.json", """
                {"name": "one",
                 "context": {"mode": "late night", "time": "2025-03-08T23:00", "parentalCeiling": 12},
                 "tuning": {"length": 5},
                 "candidates": [{"id": "42", "kind": "movie", "genres": ["Drama"], "minutes": 120, "rating": "PG",
                                 "score": 0.7}],
                 "expect": [{"excluded": "42"}, {"first": {"kind": "movie", "maxMinutes": 130}},
                            {"top": {"n": 5, "atLeastGenres": 3}}]}
                """);

        assertThat(yaml.context().mode()).isEqualTo(Mode.LATE_NIGHT);
        assertThat(yaml.tuning().length()).isEqualTo(5);
        assertThat(yaml.candidates().get(0).item().kind()).isEqualTo(ItemKind.MOVIE);
        assertThat(yaml.candidates().get(0).item().runtimeMinutes()).isEqualTo(120);
        assertThat(yaml.expectations()).containsExactly(new Expectation.Excluded("42"),
                new Expectation.First(ItemKind.MOVIE, null, 130, null), new Expectation.Top(5, 3, null));
        assertThat(json.expectations()).isEqualTo(yaml.expectations());
        assertThat(json.context()).isEqualTo(yaml.context());
        assertThat(json.candidates()).isEqualTo(yaml.candidates());
    }

    @Test
    void errorsNameTheFileAndTheField() {
        String base = """
                name: x
                candidates:
                  - { id: a, kind: movie }
                  - { id: b, kind: film }
                expect:
                  - excluded: a
                """;

        assertThatThrownBy(() -> parse("bad.yaml", base))
                .hasMessage("bad.yaml: candidates[1].kind: unknown kind 'film' (movie, episode or track)");
        assertThatThrownBy(() -> parse("bad.yaml", base.replace("kind: film", "kind: movie")
                .replace("excluded: a", "exclude: a")))
                .hasMessageStartingWith("bad.yaml: expect[0].exclude: unknown expectation");
        assertThatThrownBy(() -> parse("bad.yaml", base.replace("kind: film", "kind: movie")
                .replace("name: x", "name: x\ncontext: { mode: disco }")))
                .hasMessageStartingWith("bad.yaml: context.mode: unknown mode 'disco'");
        assertThatThrownBy(() -> parse("bad.yaml", "name: [unclosed\n"))
                .hasMessageStartingWith("bad.yaml:");
        assertThatThrownBy(() -> loader.parse("latin1.yaml", "name: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("latin1.yaml: the file is not UTF-8; save it as UTF-8");
    }
}
