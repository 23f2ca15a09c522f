package dev.setlist.plugin.rulebook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.setlist.plugin.rulebook.LineDiff.Kind.ADDED;
import static dev.setlist.plugin.rulebook.LineDiff.Kind.KEPT;
import static dev.setlist.plugin.rulebook.LineDiff.Kind.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void aChangedLineIsRemovedThenAddedWithItsNumbersOnBothSides() {
        List<LineDiff.Line> diff = LineDiff.between("a\nb\nc\n", "a\nB\nc\n");
        assertThat(diff).containsExactly(
                new LineDiff.Line(KEPT, 1, 1, "a"),
                new LineDiff.Line(REMOVED, 2, 0, "b"),
                new LineDiff.Line(ADDED, 0, 2, "B"),
                new LineDiff.Line(KEPT, 3, 3, "c"));
        assertThat(LineDiff.changes(diff)).isTrue();
    }

    @Test
    void insertionsAndDeletionsInTheMiddleKeepTheCommonLinesAligned() {
        List<LineDiff.Line> diff = LineDiff.between("one\ntwo\nthree\nfour", "zero\none\nthree\nfour\nfive");
        assertThat(diff).containsExactly(
                new LineDiff.Line(ADDED, 0, 1, "zero"),
                new LineDiff.Line(KEPT, 1, 2, "one"),
                new LineDiff.Line(REMOVED, 2, 0, "two"),
                new LineDiff.Line(KEPT, 3, 3, "three"),
                new LineDiff.Line(KEPT, 4, 4, "four"),
                new LineDiff.Line(ADDED, 0, 5, "five"));
    }

    @Test
    void identicalTextsAndLineEndingsChangeNothing() {
        assertThat(LineDiff.changes(LineDiff.between("x\r\ny\r\n", "x\ny"))).isFalse();
        assertThat(LineDiff.between("", "")).isEmpty();
        assertThat(LineDiff.between("", "new\n")).containsExactly(new LineDiff.Line(ADDED, 0, 1, "new"));
        assertThat(LineDiff.between("old", "")).containsExactly(new LineDiff.Line(REMOVED, 1, 0, "old"));
    }

    @Test
    void textsTooLargeToAlignAreReplacedWhole() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        List<LineDiff.Line> diff = LineDiff.between(a.toString(), b.toString());
        assertThat(diff).hasSize(4200);
        assertThat(diff.subList(0, 2100)).allMatch(line -> line.kind() == REMOVED);
        assertThat(diff.subList(2100, 4200)).allMatch(line -> line.kind() == ADDED);
    }
}
