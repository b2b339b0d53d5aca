package dev.aidigest.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.rometools.rome.io.SyndFeedInput;
import dev.aidigest.ingest.BadInputException;
import dev.aidigest.ingest.Parsed;
import dev.aidigest.ingest.Post;
import dev.aidigest.testing.FixtureFiles;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static final Instant NOW = Instant.parse("2025-11-26T08:00:00Z");
    private final FeedParser parser =
            new FeedParser(Map.of("googledeepmind", "Google DeepMind"), Clock.fixed(NOW, ZoneOffset.UTC));

    private static byte[] feed(String name) {
        return FixtureFiles.bytes("feeds/" + name);
    }

    @Test
    void rsshubTwitterRouteEntriesBecomeXPostsWithConfiguredNames() {
        Parsed parsed = parser.parse(feed("rsshub_twitter_user_dotey.xml"), new FeedOrigin("dotey", "宝玉", null));

        assertThat(parsed.posts())
                .extracting(Post::platformId)
                .containsExactly("1993367714061439414", "1993371202556551398", "1993380011252883723");
        Post first = parsed.posts().get(0);
        assertThat(first.platform()).isEqualTo("x");
        assertThat(first.authorHandle()).isEqualTo("dotey");
        assertThat(first.authorName()).isEqualTo("宝玉");
        assertThat(first.url()).isEqualTo("https://x.com/dotey/status/1993367714061439414");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2025-11-25T16:59:32Z"));
        assertThat(first.text())
                .isEqualTo("Anthropic 发布 Claude Opus 4.5：编程能力 SWE-bench 80.9%，价格降到每百万 token 输入 $5 / 输出 $25。\n\n"
                        + "我测了几个长任务，上下文压缩之后能一直跑下去。 https://www.anthropic.com/news/claude-opus-4-5");
        assertThat(first.media()).containsExactly("https://pbs.twimg.com/media/G6m3kQ1aAAAx0Zp?format=jpg&name=orig");
        assertThat(first.reference()).isNull();
        Post retweet = parsed.posts().get(1);
        assertThat(retweet.isRetweet()).isTrue();
        assertThat(retweet.text()).isEqualTo("RT 歸藏(guizang.ai)\nFLUX.2 测试了一下，2K 分辨率一致性很好，对设计师友好");
        assertThat(parsed.posts().get(2).isReplyToOther()).isTrue();
    }

    @Test
    void nitterEntriesAreNormalisedToXUrlsAndRetweetsBelongToTheOriginalAuthor() {
        Parsed parsed = parser.parse(feed("nitter_user_karpathy.xml"), FeedOrigin.NONE);

        Post own = parsed.posts().get(0);
        assertThat(own.platformId()).isEqualTo("1992303811982631082");
        assertThat(own.url()).isEqualTo("https://x.com/karpathy/status/1992303811982631082");
        assertThat(own.authorHandle()).isEqualTo("karpathy");
        assertThat(own.authorName()).isEqualTo("Andrej Karpathy");
        assertThat(own.links()).containsExactly("https://blog.google/technology/ai/nano-banana-pro/");
        assertThat(own.media()).containsExactly("https://nitter.net/pic/media%2FG6kP0aXWQAA1y2Z.jpg");
        Post original = parsed.posts().get(1);
        assertThat(original.authorHandle()).isEqualTo("GoogleDeepMind");
        assertThat(original.authorName()).isEqualTo("Google DeepMind");
        assertThat(original.text()).isEqualTo("Gemini 3 is here.");
        assertThat(original.reference()).isNull();
        assertThat(original.lang()).isEqualTo("en-us");
    }

    @Test
    void chineseBlogEntriesAreRssPostsWithTheHtmlStripped() {
        Parsed parsed = parser.parse(feed("blog_rss_zh.xml"), FeedOrigin.NONE);

        Post post = parsed.posts().get(0);
        assertThat(post.platform()).isEqualTo("rss");
        assertThat(post.platformId()).isEqualTo("jiqizhixin-2025-11-26-3");
        assertThat(post.authorHandle()).isEqualTo("jiqizhixin.com");
        assertThat(post.authorName()).isEqualTo("机器之心");
        assertThat(post.url()).isEqualTo("https://www.jiqizhixin.com/articles/2025-11-26-3");
        assertThat(post.createdAt()).isEqualTo(Instant.parse("2025-11-26T02:30:00Z"));
        assertThat(post.lang()).isEqualTo("zh-cn");
        assertThat(post.text())
                .isEqualTo("阿里开源 Qwen3-VL：视觉语言模型刷新多项纪录\n\n"
                        + "阿里通义千问团队开源 Qwen3-VL，支持 256K 上下文。\n\n"
                        + "模型权重已上传 Hugging Face，技术报告见 arXiv。");
        assertThat(post.links()).containsExactly("https://huggingface.co/Qwen", "https://arxiv.org/abs/2511.00001");
        assertThat(post.media()).containsExactly("https://image.jiqizhixin.com/uploads/qwen3vl.png");
        Post old = parsed.posts().get(1);
        assertThat(old.platformId()).isEqualTo("https://www.jiqizhixin.com/articles/old");
        assertThat(old.createdAt()).isEqualTo(NOW);
        assertThat(old.text()).isEqualTo("没有日期也没有 guid 的旧文\n\n正文&更多");
    }

    @Test
    void theConfiguredFeedOwnerNamesItsEntries() {
        Parsed parsed = parser.parse(feed("blog_rss_zh.xml"), new FeedOrigin("jiqizhixin", "机器之心编辑部", null));

        assertThat(parsed.posts()).allSatisfy(p -> {
            assertThat(p.authorHandle()).isEqualTo("jiqizhixin");
            assertThat(p.authorName()).isEqualTo("机器之心编辑部");
        });
    }

    @Test
    void atomEntriesResolveTheirLinksThroughXmlBase() {
        Parsed parsed = parser.parse(feed("rome_atom_1.0_bray.xml"), FeedOrigin.NONE);

        assertThat(parsed.posts()).hasSize(2);
        Post first = parsed.posts().get(0);
        assertThat(first.platformId()).isEqualTo("http://www.example.com/blog/2006-11-05/entry1");
        // RFC 3986: "entry1" against the base ".../blog/2006-11-05" replaces its last segment
        assertThat(first.url()).isEqualTo("http://www.example.com/blog/entry1");
        assertThat(first.text()).isEqualTo("Entry1\n\nContent1");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2006-11-05T20:00:00Z"));
        assertThat(first.authorName()).isEqualTo("Tim Bray style feed");
        assertThat(first.authorHandle()).isEqualTo("example.com");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() {
        assertThat(new SyndFeedInput().isAllowDoctypes()).isFalse();

        assertThatThrownBy(() -> parser.parse(feed("xxe_passwd.xml"), FeedOrigin.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The feed declares a DOCTYPE, which is refused: DTDs and entities are off for safety.")
                .hasStackTraceContaining("DOCTYPE");
    }

    @Test
    void anEntityBombIsRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                        () -> parser.parse(feed("billion_laughs.xml"), FeedOrigin.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("DOCTYPE"));
    }

    @Test
    void aFeedOverTheLimitIsRefusedWithoutReadingItWhole() {
        CountingStream fifty = new CountingStream(50L << 20);

        assertThatThrownBy(() -> parser.parse(fifty, 1 << 20, FeedOrigin.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The feed is larger than 1048576 bytes (ingest.max_feed_bytes).");
        assertThat(fifty.read).isLessThanOrEqualTo((1 << 20) + 1);
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLine() {
        byte[] good = feed("blog_rss_zh.xml");
        byte[] bad = good.clone();
        int at = new String(good, StandardCharsets.UTF_8).indexOf("<language>");
        bad[at + 1] = (byte) 0xFF;

        assertThatThrownBy(() -> parser.parse(bad, FeedOrigin.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The feed is not valid UTF-8 (bad bytes on line 6");
    }

    @Test
    void aFeedThatDeclaresGbkIsReadAsGbk() {
        Charset gbk = Charset.forName("GBK");
        byte[] bytes = FixtureFiles.text("feeds/blog_rss_zh.xml")
                .replace("encoding=\"UTF-8\"", "encoding=\"GBK\"")
                .getBytes(gbk);

        Parsed parsed = parser.parse(bytes, FeedOrigin.NONE);

        assertThat(parsed.posts().get(0).authorName()).isEqualTo("机器之心");
        assertThat(parsed.posts().get(0).text()).startsWith("阿里开源 Qwen3-VL");
    }

    @Test
    void somethingThatIsNotAFeedIsRefusedInOneSentence() {
        assertThatThrownBy(() -> parser.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The feed is not valid RSS or Atom: ");
        assertThatThrownBy(() -> parser.parse("{\"data\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The feed is not valid RSS or Atom: ");
        assertThatThrownBy(() -> parser.parse("<?xml version=\"1.0\" encoding=\"KLINGON\"?><rss/>".getBytes()))
                .hasMessage("The feed declares an unknown encoding 'KLINGON'.");
    }

    @Test
    void titleIsNotRepeatedWhenTheBodyStartsWithIt() {
        assertThat(FeedEntryMapper.text("Qwen3-VL 发布…", "Qwen3-VL 发布，支持 256K")).isEqualTo("Qwen3-VL 发布，支持 256K");
        assertThat(FeedEntryMapper.text("标题", "正文")).isEqualTo("标题\n\n正文");
        assertThat(FeedEntryMapper.text("标题", "")).isEqualTo("标题");
        assertThat(HtmlText.of("<p>a&nbsp;&ensp;b</p><div><div>c</div></div>x<br>y")
                        .text())
                .isEqualTo("a b\n\nc\n\nx\ny");
    }

    /** 50 MB of "<" that exist only as a count: reading them whole would show in {@code read}. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (read++ >= 0 ? '<' : -1) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            java.util.Arrays.fill(b, off, off + n, (byte) '<');
            read += n;
            return n;
        }
    }
}
