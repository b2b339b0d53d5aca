package dev.aidigest.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommandRouterTest {

    static final ChatRef GROUP = new ChatRef("telegram", "-100123", ChatRef.Kind.GROUP);
    static final ChatRef DM = new ChatRef("telegram", "42", ChatRef.Kind.PRIVATE);

    final CommandCatalog catalog = CommandCatalog.load();
    final CommandFakes.FakeArchive archive = new CommandFakes.FakeArchive();
    final CommandFakes.FakeSubscriptions subs = new CommandFakes.FakeSubscriptions();
    final CommandFakes.FakeFollows follows = new CommandFakes.FakeFollows();
    final CommandFakes.FakeSearch search = new CommandFakes.FakeSearch();
    final CommandRouter router = new CommandRouter(
            catalog,
            Commands.all(catalog, archive, search, subs, follows, ZoneId.of("Asia/Shanghai")),
            new UserRateLimit(100, Duration.ofSeconds(10), Clock.systemUTC()));

    {
        router.knownAs("telegram", "AiDigestBot");
    }

    Optional<Reply> say(ChatRef chat, String text, boolean admin) {
        return router.onText(chat, "7", text, () -> admin, "zh");
    }

    @Test
    void catalogHasTheTenCommandsOfTheIssueWithChineseAndEnglishHelp() {
        assertThat(catalog.all())
                .extracting(CommandSpec::name)
                .containsExactly(
                        "start",
                        "help",
                        "latest",
                        "topic",
                        "digest",
                        "subscribe",
                        "unsubscribe",
                        "status",
                        "follow",
                        "unfollow");
        assertThat(catalog.find("subscribe").orElseThrow().adminOnly()).isTrue();
        assertThat(catalog.find("latest").orElseThrow().adminOnly()).isFalse();
        assertThat(catalog.all()).allSatisfy(s -> assertThat(s.helpZh()).isNotBlank());
    }

    @Test
    void latestAddressedToThisBotAnswersWithTheDigestAndOtherBotsAreIgnored() {
        archive.bySlot.put("2025.11.26.16", CommandFakes.digest("2025.11.26.16", 3));
        Reply r = say(GROUP, "/latest@AiDigestBot", false).orElseThrow();
        assertThat(r.plainText()).contains("2025.11.26.16 过去4小时全球AI发生了什么？", "FLUX.2", "merve / 歸藏(guizang.ai)");
        assertThat(say(GROUP, "/latest@aidigestbot", false)).isPresent();
        assertThat(say(GROUP, "/latest@OtherBot", false)).isEmpty();
        assertThat(say(GROUP, "hello there", false)).isEmpty();
    }

    @Test
    void unknownCommandGetsAOneLineHint() {
        Reply r = say(DM, "/frobnicate now", false).orElseThrow();
        assertThat(r.plainText()).isEqualTo("不认识 /frobnicate，发送 /help 查看可用命令。");
    }

    @Test
    void onlyGroupAdminsChangeSubscriptionsButAnyoneSubscribesTheirOwnDm() {
        assertThat(say(GROUP, "/subscribe", false).orElseThrow().plainText()).contains("只有群管理员");
        assertThat(subs.rows).isEmpty();
        assertThat(say(GROUP, "/subscribe all", true).orElseThrow().plainText()).contains("已订阅");
        assertThat(subs.find(GROUP).orElseThrow().plan()).isEqualTo(Subscriptions.Plan.ALL);
        assertThat(say(DM, "/subscribe", false).orElseThrow().plainText()).contains("已订阅每 4 小时的 AI 速递");
        assertThat(say(GROUP, "/unsubscribe", true).orElseThrow().plainText()).contains("已取消订阅");
        assertThat(subs.find(GROUP).orElseThrow().active()).isFalse();
    }

    @Test
    void subscribeWithAnUnknownPlanShowsUsage() {
        assertThat(say(DM, "/subscribe weekly", false).orElseThrow().plainText())
                .startsWith("用法：/subscribe [digest|daily|all]");
    }

    @Test
    void adminCheckIsNotAskedForCommandsAnyoneMayRun() {
        AtomicInteger asked = new AtomicInteger();
        router.onText(GROUP, "7", "/help", () -> asked.incrementAndGet() > 0, "zh");
        assertThat(asked).hasValue(0);
    }

    @Test
    void topicPagesWithAMoreButtonThatComesBackAsAnAction() {
        for (int i = 0; i < 7; i++) {
            search.hits.add(new TopicSearch.Hit(
                    "post", "FLUX.2 demo " + i, "https://x.com/u/status/" + i, Instant.parse("2025-11-26T08:00:00Z")));
        }
        Reply first = say(DM, "/topic FLUX.2", false).orElseThrow();
        assertThat(first.blocks()).hasSize(1 + TopicCommand.PAGE_SIZE);
        assertThat(first.plainText()).contains("2025-11-26 16:00");
        assertThat(first.buttons()).singleElement().satisfies(b -> assertThat(b.label())
                .isEqualTo("更多"));
        Reply second = router.onAction(DM, "7", first.buttons().get(0).action(), () -> false, "zh")
                .orElseThrow();
        assertThat(second.plainText()).contains("第 2 页", "FLUX.2 demo 6");
        assertThat(second.buttons()).isEmpty();
    }

    @Test
    void digestBySlotAndBadSlot() {
        archive.bySlot.put("2025.11.26.16", CommandFakes.digest("2025.11.26.16", 2));
        assertThat(say(DM, "/digest 2025.11.26.16", false).orElseThrow().plainText())
                .contains("FLUX.2");
        assertThat(say(DM, "/digest 2025.11.26.12", false).orElseThrow().plainText())
                .contains("没有找到");
        assertThat(say(DM, "/digest yesterday", false).orElseThrow().plainText())
                .startsWith("用法：");
    }

    @Test
    void followThenStatusListsTheWords() {
        assertThat(say(DM, "/follow FLUX.2", false).orElseThrow().plainText()).contains("已关注「FLUX.2」");
        assertThat(say(DM, "/follow FLUX.2", false).orElseThrow().plainText()).contains("已经在关注");
        assertThat(say(DM, "/status", false).orElseThrow().plainText()).contains("关注：FLUX.2", "订阅：无");
        assertThat(say(DM, "/unfollow FLUX.2", false).orElseThrow().plainText()).contains("已取消关注");
    }

    @Test
    void aUserOverTheRateLimitGetsOnePoliteAnswerThenSilence() {
        Clock fixed = Clock.fixed(Instant.parse("2025-11-26T08:00:00Z"), ZoneOffset.UTC);
        CommandRouter limited = new CommandRouter(
                catalog,
                Commands.all(catalog, archive, search, subs, follows, ZoneId.of("Asia/Shanghai")),
                new UserRateLimit(2, Duration.ofSeconds(10), fixed));
        assertThat(limited.onText(DM, "1", "/help", () -> false, "zh")).isPresent();
        assertThat(limited.onText(DM, "1", "/help", () -> false, "zh")).isPresent();
        assertThat(limited.onText(DM, "1", "/help", () -> false, "zh")
                        .orElseThrow()
                        .plainText())
                .contains("请稍等片刻再试");
        assertThat(limited.onText(DM, "1", "/help", () -> false, "zh")).isEmpty();
        assertThat(limited.onText(DM, "2", "/help", () -> false, "zh")).isPresent();
    }

    @Test
    void aFailingServiceBecomesOnePoliteLine() {
        CommandFakes.FakeArchive broken = new CommandFakes.FakeArchive() {
            @Override
            public Optional<ArchivedDigest> latest(String kind) {
                throw new IllegalStateException("db down");
            }
        };
        CommandRouter r = new CommandRouter(
                catalog,
                Commands.all(catalog, broken, search, subs, follows, ZoneId.of("UTC")),
                new UserRateLimit(10, Duration.ofSeconds(1), Clock.systemUTC()));
        assertThat(r.onText(DM, "1", "/latest", () -> false, "zh").orElseThrow().plainText())
                .isEqualTo("抱歉，处理 /latest 时出错了，请稍后再试。");
    }

    /**
     * A database that does not answer is an outage the operator acts on: one WARN line saying why,
     * no stack trace; any other failure of a command is a bug, logged with its stack trace.
     */
    @Test
    void aDatabaseOutageIsOneLogLineAndABugKeepsItsStackTrace() {
        RuntimeException outage = new IllegalStateException(
                "cannot read the latest digest",
                new java.sql.SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 30000ms."));
        RuntimeException bug = new IllegalStateException("index 3 out of bounds");
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CommandRouter.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            for (RuntimeException failure : java.util.List.of(outage, bug)) {
                CommandFakes.FakeArchive broken = new CommandFakes.FakeArchive() {
                    @Override
                    public Optional<ArchivedDigest> latest(String kind) {
                        throw failure;
                    }
                };
                CommandRouter r = new CommandRouter(
                        catalog,
                        Commands.all(catalog, broken, search, subs, follows, ZoneId.of("UTC")),
                        new UserRateLimit(10, Duration.ofSeconds(1), Clock.systemUTC()));
                assertThat(r.onText(DM, "1", "/latest", () -> false, "zh")
                                .orElseThrow()
                                .plainText())
                        .isEqualTo("抱歉，处理 /latest 时出错了，请稍后再试。");
            }
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(0).getFormattedMessage())
                .contains("/latest failed", "cannot read the latest digest", "Connection is not available");
        assertThat(logged.list.get(0).getThrowableProxy()).isNull();
        assertThat(logged.list.get(1).getThrowableProxy()).isNotNull();
    }
}
