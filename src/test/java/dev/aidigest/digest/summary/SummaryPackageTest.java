package dev.aidigest.digest.summary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the package documentation of {@code digest.summary} says it may use, checked. */
class SummaryPackageTest {

    private static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aidigest");
    }

    @Test
    void theSummarizerUsesOnlyTheDigestsValuesAndTextHelpers() {
        holds(classes()
                .that()
                .resideInAPackage("dev.aidigest.digest.summary..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "dev.aidigest.digest",
                        "dev.aidigest.digest.summary..",
                        "dev.aidigest.ingest",
                        "dev.aidigest.text"));
    }

    @Test
    void theDigestPipelineReachesTheSummarizerOnlyThroughItsPort() {
        holds(noClasses()
                .that()
                .resideInAnyPackage("dev.aidigest.digest", "dev.aidigest.digest.cluster..", "dev.aidigest.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.aidigest.digest.summary.."));
    }
    /** The rule has no violation; the failure message is ArchUnit's report. */
    private static void holds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertThat(result.hasViolation()).as("%s", result.getFailureReport()).isFalse();
    }
}
