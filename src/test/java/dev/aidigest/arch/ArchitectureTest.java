package dev.aidigest.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package layout, checked: vendor SDKs stay in their adapters, and the core has no cycles. */
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
        holds(noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.llm..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.langchain4j.."));
    }

    @Test
    void onlyTheLlmAdapterSeesOnnxAndResilience4j() {
        holds(noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.llm..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.onnxruntime..", "ai.djl..", "io.github.resilience4j.."));
    }

    @Test
    void onlyTheTelegramAdapterSeesTelegramTypes() {
        holds(noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.channel.telegram..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.telegram.."));
    }

    @Test
    void onlyTheDiscordAdapterSeesJda() {
        holds(noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.channel.discord..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("net.dv8tion.."));
    }

    @Test
    void onlyTheLarkAdapterSeesLarkTypes() {
        holds(noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.channel.lark..", "dev.aidigest")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.lark.oapi.."));
    }

    @Test
    void onlyTheMcpServerSeesTheMcpSdkAndServlets() {
        holds(noClasses()
                .that()
                .resideOutsideOfPackages("dev.aidigest.mcp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.modelcontextprotocol..", "jakarta.servlet.."));
    }

    @Test
    void coreNeverReachesIntoStoreOrAdapters() {
        holds(noClasses()
                .that()
                .resideInAnyPackage("dev.aidigest.ingest..", "dev.aidigest.digest..", "dev.aidigest.render..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.aidigest.store..",
                        "dev.aidigest.llm..",
                        "dev.aidigest.channel..",
                        "dev.aidigest.web..",
                        "dev.aidigest.schedule.."));
    }

    @Test
    void theReportNeverReachesIntoStoreOrAdapters() {
        holds(noClasses()
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
                        "dev.langchain4j.."));
    }

    @Test
    void deliveryNeverSeesTheChatCommands() {
        // the outbox sends what it is given (DigestMessages); how a digest reads in a chat is the commands' business
        holds(noClasses()
                .that()
                .resideInAPackage("dev.aidigest.delivery..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.aidigest.command..", "dev.aidigest.store..", "dev.aidigest.schedule.."));
    }

    @Test
    void packagesHaveNoCycles() {
        holds(slices().matching("dev.aidigest.(*)..").should().beFreeOfCycles());
    }
    /** The rule has no violation; the failure message is ArchUnit's report. */
    private static void holds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertThat(result.hasViolation()).as("%s", result.getFailureReport()).isFalse();
    }
}
