package dev.setlist.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileVersionStoreTest {

    @TempDir
    Path folder;

    @Test
    void versionsAreNumberedKeptAndReadBack() {
        FileVersionStore store = new FileVersionStore(folder);
        List<RuleFile> first = List.of(RuleFile.of("a.drl", "package a\n"), RuleFile.of("sub/b.dslr", "package b\n"));
        List<RuleFile> second = List.of(RuleFile.of("a.drl", "package a2\n"));

        RuleVersion one = store.save(first, "ana", "first cut", Instant.parse("2025-03-01T10:00:00Z"));
        RuleVersion two = store.save(second, "ben", "simpler", Instant.parse("2025-03-02T10:00:00Z"));

        assertThat(one.number()).isEqualTo(1);
        assertThat(two.label()).isEqualTo("v2");
        FileVersionStore reopened = new FileVersionStore(folder);
        assertThat(reopened.list()).containsExactly(one, two);
        assertThat(reopened.files(1)).containsExactlyInAnyOrderElementsOf(first);
        assertThat(reopened.files(2)).containsExactlyElementsOf(second);
        assertThat(reopened.latest()).contains(two);
        assertThat(one.digest()).isEqualTo(RuleFile.digest(first)).isNotEqualTo(two.digest());
    }

    @Test
    void anEmptyVersionIsAVersion() {
        FileVersionStore store = new FileVersionStore(folder);

        RuleVersion empty = store.save(List.of(), "ana", "back to the shipped packs", Instant.EPOCH);

        assertThat(store.files(empty.number())).isEmpty();
    }

    @Test
    void aHalfWrittenVersionIsIgnored() throws Exception {
        FileVersionStore store = new FileVersionStore(folder);
        Files.createDirectories(folder.resolve(".incoming-1/files"));

        assertThat(store.list()).isEmpty();
        assertThat(store.save(List.of(), "ana", "after a crash", Instant.EPOCH).number()).isEqualTo(1);
    }

    @Test
    void anUnknownVersionIsReported() {
        assertThatThrownBy(() -> new FileVersionStore(folder).files(7))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("7");
    }
}
