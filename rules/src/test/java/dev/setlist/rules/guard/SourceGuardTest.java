package dev.setlist.rules.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceGuardTest {

    private final SourceGuard guard = new SourceGuard();

    private static String rule(String consequence) {
        return """
                package dev.setlist.rules.model

                rule "r"
                when
                    $item : Item( )
                then
                    %s
                end
                """.formatted(consequence);
    }

    @Test
    void theFactModelAndPlainJavaAreAllowed() {
        String source = """
                package curator.rules
                import dev.setlist.rules.model.*
                import dev.setlist.rules.model.Item
                import dev.setlist.scorer.catalog.ItemProfile.ItemKind
                import java.lang.Math
                import java.time.DayOfWeek

                // System.exit(0) in a comment is only a comment
                rule "Strings may say anything: System, Runtime, Thread"
                when
                    $item : Item( kind == ItemKind.MOVIE, title != "java.io.File" )
                then
                    insert(Adjustment.boost($item, Math.max(10, 20), "System of a Down is a band"));
                    insert(new dev.setlist.rules.model.Exclusion($item.id(), "x"));
                end
                """;

        assertThat(guard.check(source)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit(0);                                     | System           | 7 | 5
            Runtime.getRuntime().exec("rm -rf /");              | Runtime          | 7 | 5
            new ProcessBuilder("sh").start();                   | ProcessBuilder   | 7 | 9
            Thread.sleep(1000);                                 | Thread           | 7 | 5
            $item.getClass().getClassLoader();                  | getClass         | 7 | 11
            Class.forName("java.lang.Runtime");                 | Class            | 7 | 5
            $item.getClass().getMethod("id").invoke($item);     | getClass         | 7 | 11
            new java.io.File("/etc/passwd").delete();           | java.io.File     | 7 | 9
            java.nio.file.Files.delete(null);                   | java.nio.file.Files | 7 | 5
            new java.net.URL("http://example.com").openStream(); | java.net.URL    | 7 | 9
            ClassLoader.getSystemClassLoader();                 | ClassLoader      | 7 | 5
            java.lang.System.exit(0);                           | java.lang.System | 7 | 5
            java . lang . Runtime . getRuntime();               | java.lang.Runtime | 7 | 5
            drools.getKieRuntime().halt();                      | drools           | 7 | 5
            while (true) { }                                    | while            | 7 | 5
            """)
    void forbiddenApisInAConsequenceAreRefusedAtTheirPosition(String code, String named, int line, int column) {
        List<Violation> violations = guard.check(rule(code));

        assertThat(violations).isNotEmpty();
        Violation first = violations.get(0);
        assertThat(first.message()).contains("'" + named.split("\\.")[0]);
        assertThat(first.line()).isEqualTo(line);
        assertThat(first.column()).isEqualTo(column);
    }

    @Test
    void forbiddenImportsAreRefused() {
        String source = """
                package x
                import java.io.File
                import java.nio.file.*
                import java.net.Socket
                import java.lang.reflect.Method
                import static java.lang.System.exit
                import dev.setlist.rules.RuleCompiler
                """;

        List<Violation> violations = guard.check(source);

        assertThat(violations).extracting(Violation::line).contains(2, 3, 4, 5, 6, 7);
        assertThat(violations.get(0)).isEqualTo(new Violation(2, 8,
                violations.get(0).message()));
        assertThat(violations.get(0).message()).startsWith("import of 'java.io.File' is not allowed");
    }

    @Test
    void functionsAreCheckedLikeConsequences() {
        String source = """
                package x
                function String read(String path) {
                    return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)));
                }
                """;

        List<Violation> violations = guard.check(source);

        assertThat(violations.get(0)).isEqualTo(new Violation(3, 23, violations.get(0).message()));
        assertThat(violations.get(0).message()).contains("java.nio.file.Files");
    }

    @Test
    void aFunctionMayNotCallAFunction() {
        String source = """
                package x
                function int down(int n) {
                    return n <= 0 ? 0 : down(n - 1);
                }
                """;

        assertThat(guard.check(source)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("functions may not call functions"))
                .extracting(Violation::line, Violation::column).containsExactly(3, 25);
    }

    @Test
    void declarationsAreChecked() {
        String source = """
                package x
                declare Leak
                    loader : ClassLoader
                end
                """;

        assertThat(guard.check(source)).singleElement()
                .extracting(Violation::line, Violation::column).containsExactly(3, 14);
    }

    @Test
    void globalsAreRefused() {
        assertThat(guard.check("package x\nglobal java.util.List out\n")).extracting(Violation::line).contains(2);
    }

    @Test
    void unicodeEscapesAreRefusedEvenInCommentsAndStrings() {
        String source = "package x\n// \\u000a System.exit(0);\nrule \"r\" when then String s = \"\\u0022\"; end\n";

        List<Violation> violations = guard.check(source);

        assertThat(violations).extracting(Violation::line, Violation::column)
                .contains(org.assertj.core.groups.Tuple.tuple(2, 4), org.assertj.core.groups.Tuple.tuple(3, 32));
    }

    @Test
    void anEscapedBackslashFollowedByUIsNotAnEscape() {
        assertThat(guard.check("package x\nrule \"r\" when then String s = \"C:\\\\users\"; end\n")).isEmpty();
    }
}
