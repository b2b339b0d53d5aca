package dev.aidigest.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps ingest a core package: no store/digest/vendor imports, no cycles among its parts. */
class IngestArchitectureTest {
    private final JavaClasses ingest = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aidigest.ingest");

    @Test
    void theRulesSeeTheIngestClassesSoTheyCannotPassOnNothing() {
        assertThat(ingest.contain(IngestService.class)).isTrue();
        assertThat(ingest.contain(dev.aidigest.ingest.x.XApiV2Parser.class)).isTrue();
        assertThat(ingest.contain(dev.aidigest.ingest.setup.Sources.class)).isTrue();
    }

    @Test
    void ingestNeverImportsTheStoreTheDigestOrAnLlmOrChatVendor() {
        noClasses()
                .that()
                .resideInAPackage("dev.aidigest.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.aidigest.store..",
                        "dev.aidigest.digest..",
                        "dev.aidigest.llm..",
                        "dev.aidigest.channel..",
                        "dev.langchain4j..",
                        "org.telegram..",
                        "net.dv8tion..",
                        "com.lark..")
                .check(ingest);
    }

    @Test
    void theServiceAndPortsDependOnNoAdapterAndOnlySetupReadsConfig() {
        noClasses()
                .that()
                .resideInAPackage("dev.aidigest.ingest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.aidigest.ingest.(*)..")
                .check(ingest);
        noClasses()
                .that()
                .resideInAPackage("dev.aidigest.ingest..")
                .and()
                .resideOutsideOfPackage("dev.aidigest.ingest.setup")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.aidigest.config..")
                .check(ingest);
        slices().matching("dev.aidigest.ingest.(*)..").should().beFreeOfCycles().check(ingest);
    }
}
