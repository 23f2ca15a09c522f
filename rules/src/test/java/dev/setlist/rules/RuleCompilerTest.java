package dev.setlist.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, one test each, and the exact position of every problem. Curator files are compiled on
 * their own (without the shipped packs) to keep these fast.
 */
class RuleCompilerTest {

    private static final String HEADER = "package curator\nimport dev.setlist.rules.model.*\n";

    private final RuleCompiler compiler = new RuleCompiler();

    private CompileResult compile(RuleFile... files) {
        return compiler.compile(RuleSources.only(List.of(files)), "test");
    }

    private static RuleFile shippedDsl() {
        return RuleSources.defaults().shipped().stream().filter(f -> f.path().equals("setlist.dsl")).findFirst()
                .orElseThrow();
    }

    private static RuleProblem only(CompileResult result) {
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).as(result.report()).hasSize(1);
        return result.problems().get(0);
    }

    @Test
    void aBuildDoesNotDependOnTheCallingThreadsContextClassLoader() throws Exception {
        // The folder watcher, an HTTP worker or a host server's plugin thread may build and evaluate with any
        // context class loader, or none: the book must find Drools, see the fact model and evaluate the same.
        CompileResult[] result = new CompileResult[1];
        RuleOutcome[] outcome = new RuleOutcome[1];
        Throwable[] thrown = new Throwable[1];
        Thread stranger = new Thread(() -> {
            try {
                result[0] = new RuleCompiler().compile(RuleSources.defaults(), "tccl");
                outcome[0] = result[0].book().evaluate(Fixtures.context(dev.setlist.rules.model.Mode.KIDS),
                        dev.setlist.rules.model.Tuning.DEFAULTS, List.of(Fixtures.movie("r", 0.9, "R", 100, "Thriller"),
                                Fixtures.movie("g", 0.5, "G", 80, "Animation")));
            } catch (RuntimeException | LinkageError e) {
                thrown[0] = e;
            }
        });
        ClassLoader nothing = new java.net.URLClassLoader(new java.net.URL[0], null);
        stranger.setContextClassLoader(nothing);
        stranger.start();
        stranger.join();

        assertThat(thrown[0]).isNull();
        assertThat(result[0].ok()).as(result[0].report()).isTrue();
        assertThat(outcome[0].failed()).as(outcome[0].failure()).isFalse();
        assertThat(outcome[0].firedRules()).contains("Kids: parental ceiling", "Kids: family and animation");
        assertThat(stranger.getContextClassLoader()).isSameAs(nothing);
    }

    @Test
    void aValidCuratorFileBuilds() {
        CompileResult result = compile(RuleFile.of("mine.drl", HEADER + """
                rule "Boost documentaries"
                when
                    $item : Item( hasGenre("Documentary") )
                then
                    insert(Adjustment.boost($item, 10, "we like documentaries"));
                end
                """));

        assertThat(result.ok()).as(result.report()).isTrue();
        assertThat(result.book().ruleNames()).containsExactly("Boost documentaries");
        assertThat(result.book().locationOf("Boost documentaries")).isEqualTo("mine.drl:3:6");
    }

    @Test
    void syntaxErrorIsReportedWhereTheParserNoticedIt() {
        RuleProblem problem = only(compile(RuleFile.of("broken.drl", HEADER + """
                rule "broken"
                when
                    $item : Item( runtimeMinutes > 3
                then
                end
                """)));

        assertThat(problem.file()).isEqualTo("broken.drl");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).contains("mismatched input 'then'");
    }

    @Test
    void unknownFactTypeIsReportedAtTheType() {
        RuleProblem problem = only(compile(RuleFile.of("unknown.drl", HEADER + """
                rule "unknown fact"
                when
                    Song( title == "x" )
                then
                end
                """)));

        assertThat(problem).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .containsExactly("unknown.drl", 5, 5);
        assertThat(problem.message()).contains("Song");
    }

    @Test
    void unknownFieldIsReportedAtTheConstraint() {
        RuleProblem problem = only(compile(RuleFile.of("field.drl", HEADER + """
                rule "unknown field"
                when
                    $item : Item( kind != null, lenght > 3 )
                then
                end
                """)));

        assertThat(problem).extracting(RuleProblem::line, RuleProblem::column).containsExactly(5, 33);
        assertThat(problem.message()).contains("lenght");
    }

    @Test
    void compileErrorInAConsequenceIsReportedOnItsLine() {
        RuleProblem problem = only(compile(RuleFile.of("typo.drl", HEADER + """
                rule "typo in then"
                when
                    $item : Item( )
                then
                    insert(Adjustment.boots($item, 10, "x"));
                end
                """)));

        assertThat(problem).extracting(RuleProblem::line, RuleProblem::column).containsExactly(7, 23);
        assertThat(problem.message()).contains("boots");
    }

    @Test
    void aRuleThatLoopsIsRefusedBeforeItServes() {
        RuleProblem problem = only(compile(RuleFile.of("loop.drl", HEADER + """
                rule "loops"
                when
                    $item : Item( )
                then
                    update($item);
                end
                """)));

        assertThat(problem).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .containsExactly("loop.drl", 3, 6);
        assertThat(problem.message()).contains("firing limit").contains("'loops'").contains("no-loop");
    }

    @Test
    void anExceptionInAConsequenceIsRefusedBeforeItServes() {
        RuleProblem problem = only(compile(RuleFile.of("throws.drl", HEADER + """
                rule "throws"
                when
                    $item : Item( )
                then
                    insert(Adjustment.boost($item, Integer.parseInt($item.title()), "x"));
                end
                """)));

        assertThat(problem).extracting(RuleProblem::line, RuleProblem::column).containsExactly(3, 6);
        assertThat(problem.message()).contains("rule 'throws' failed: NumberFormatException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit(0);                                     | 7 | 5
            Runtime.getRuntime().gc();                          | 7 | 5
            new ProcessBuilder("sh").start();                   | 7 | 9
            Thread.sleep(10);                                   | 7 | 5
            Object o = $item.getClass();                        | 7 | 22
            Object o = new java.io.File("x");                   | 7 | 20
            Object o = java.nio.file.Path.of("x");              | 7 | 16
            Object o = java.net.URI.create("x");                | 7 | 16
            Object o = ClassLoader.getSystemClassLoader();      | 7 | 16
            """)
    void everyForbiddenApiIsRefusedAtItsPosition(String code, int line, int column) {
        CompileResult result = compile(RuleFile.of("forbidden.drl", HEADER + """
                rule "forbidden"
                when
                    $item : Item( )
                then
                    %s
                end
                """.formatted(code)));

        assertThat(result.ok()).isFalse();
        assertThat(result.problems().get(0)).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .containsExactly("forbidden.drl", line, column);
    }

    @Test
    void forbiddenApisInFunctionsAndDeclarationsAreRefused() {
        CompileResult result = compile(RuleFile.of("sneaky.drl", HEADER + """
                declare Holder
                    thread : Thread
                end
                function void quit() {
                    java.lang.Runtime.getRuntime().halt(0);
                }
                """));

        assertThat(result.problems()).extracting(RuleProblem::line, RuleProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 14), org.assertj.core.groups.Tuple.tuple(7, 5),
                        org.assertj.core.groups.Tuple.tuple(7, 36));
    }

    @Test
    void anEmptySetOfFilesIsRefused() {
        assertThat(only(compile()).message()).contains("no rule files");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheBadByte() {
        byte[] latin1 = (HEADER + "// caf\u00e9 cr\u00e8me\n").getBytes(StandardCharsets.ISO_8859_1);

        RuleProblem problem = only(compile(new RuleFile("latin1.drl", latin1, false)));

        assertThat(problem).extracting(RuleProblem::line, RuleProblem::column).containsExactly(3, 7);
        assertThat(problem.message()).contains("not UTF-8").contains("0xE9");
    }

    @Test
    void twoRulesWithTheSameNameInDifferentFilesAreRefused() {
        String rule = """
                rule "Same name"
                when
                    $item : Item( )
                then
                end
                """;
        RuleProblem problem = only(compile(RuleFile.of("a.drl", HEADER + rule),
                RuleFile.of("b.drl", "package other\nimport dev.setlist.rules.model.*\n\n" + rule)));

        assertThat(problem).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .containsExactly("b.drl", 4, 6);
        assertThat(problem.message()).contains("already defined at a.drl:3:6");
    }

    @Test
    void dslrErrorsAreReportedOnTheCuratorsLine() {
        RuleProblem problem = only(compile(shippedDsl(), RuleFile.of("calm.dslr", """
                package dev.setlist.rules.model

                rule "calm in the wrong mode"
                when
                    there is an item
                    - tagged "calm"
                    the mode is wrkout
                then
                    boost it by 10% because "calm"
                end
                """)));

        assertThat(problem).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .as(problem.message()).containsExactly("calm.dslr", 7, 5);
        assertThat(problem.message()).contains("WRKOUT");
    }

    @Test
    void aSentenceTheDslDoesNotKnowIsReported() {
        CompileResult result = compile(shippedDsl(), RuleFile.of("odd.dslr", """
                package dev.setlist.rules.model

                rule "odd"
                when
                    there is an item
                then
                    make it sparkle
                end
                """));

        assertThat(result.problems()).isNotEmpty();
        assertThat(result.problems().get(0)).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .containsExactly("odd.dslr", 7, 5);
    }

    @Test
    void decisionTableCodeIsCheckedAndReportedAtItsRow() {
        CompileResult result = compile(RuleFile.of("evil.drl.csv", """
                RuleSet,curator
                Import,dev.setlist.rules.model.*
                ,
                RuleTable Evil,
                CONDITION,ACTION
                $item : Item,
                "hasGenre(""$param"")","System.exit($param);"
                Genre,Code
                Rock,1
                """));

        assertThat(result.problems()).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::column)
                .contains(org.assertj.core.groups.Tuple.tuple("evil.drl.csv", 9, 1));
        assertThat(result.problems().get(0).message()).contains("System");
    }

    @Test
    void aMalformedDecisionTableIsReportedAtTheCell() {
        RuleProblem problem = only(compile(RuleFile.of("bad.drl.csv", """
                RuleSet,curator
                Import,dev.setlist.rules.model.*
                ,
                RuleTable Bad,
                CONDITION,
                $item : Item,
                "hasGenre(""$param"")",insert(null);
                Genre,Code
                Rock,1
                """)));

        assertThat(problem.file()).isEqualTo("bad.drl.csv");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("decision table");
    }

    @Test
    void everyProblemHasAPositionInsideItsFile() {
        List<RuleFile> files = new ArrayList<>();
        files.add(RuleFile.of("one.drl", HEADER + "rule \"one\"\nwhen\n    Nothing( )\nthen\nend\n"));
        files.add(RuleFile.of("two.drl", HEADER + "rule \"two\"\nwhen\n    $item : Item( )\nthen\n    System.gc();\nend\n"));

        CompileResult result = compiler.compile(RuleSources.only(files), "test");

        assertThat(result.problems()).extracting(RuleProblem::toString)
                .containsExactly("two.drl:7:5: 'System' is not allowed in rules (system and process access)");
    }
}
