package dev.aidigest.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout in DESIGN.md, checked: vendor SDKs stay in their adapters, and the core has no cycles. */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aidigest");
    }

    @Test
    void onlyTheLlmAdapterSeesLangchain4j() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.llm..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.langchain4j..")
                .check(main);
    }

    @Test
    void onlyTheTelegramAdapterSeesTelegramTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.channel.telegram..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.telegram..")
                .check(main);
    }

    @Test
    void onlyTheDiscordAdapterSeesJda() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.channel.discord..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("net.dv8tion..")
                .check(main);
    }

    @Test
    void onlyTheLarkAdapterSeesLarkTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.channel.lark..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.lark..")
                .check(main);
    }

    @Test
    void coreNeverReachesIntoStoreOrAdapters() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.aidigest.ingest..", "dev.aidigest.digest..", "dev.aidigest.render..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.aidigest.store..",
                        "dev.aidigest.llm..",
                        "dev.aidigest.channel..",
                        "dev.aidigest.web..",
                        "dev.aidigest.schedule..")
                .check(main);
    }

    @Test
    void theReportNeverReachesIntoStoreOrAdapters() {
        noClasses()
                .that()
                .resideInAPackage("dev.aidigest.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.aidigest.store..",
                        "dev.aidigest.llm..",
                        "dev.aidigest.channel..",
                        "dev.aidigest.web..",
                        "dev.aidigest.schedule..",
                        "dev.langchain4j..")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.aidigest.(*)..").should().beFreeOfCycles().check(main);
    }
}
