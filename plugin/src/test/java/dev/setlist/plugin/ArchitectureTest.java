package dev.setlist.plugin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module graph is the architecture: scorer <- rules <- plugin -> web-ui, and never backwards. */
class ArchitectureTest {

    private static final JavaClasses SETLIST = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.setlist");

    @Test
    void theScorerKnowsNeitherRulesNorThePlugin() {
        assertThat(SETLIST.stream().filter(c -> c.getPackageName().startsWith("dev.setlist.scorer"))).isNotEmpty();
        noClasses().that().resideInAPackage("dev.setlist.scorer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.setlist.rules..", "dev.setlist.plugin..")
                .check(SETLIST);
    }

    @Test
    void theScorerDependsOnTheJdkAndCommonsMathOnly() {
        noClasses().that().resideInAPackage("dev.setlist.scorer..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.setlist.scorer..", "java..", "javax.annotation..", "org.apache.commons.math3..")
                .check(SETLIST);
    }

    @Test
    void theRulesDoNotKnowThePlugin() {
        noClasses().that().resideInAPackage("dev.setlist.rules..")
                .should().dependOnClassesThat().resideInAPackage("dev.setlist.plugin..")
                .check(SETLIST);
    }
}
