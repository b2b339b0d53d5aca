package dev.aidigest.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebLinkTest {

    @Test
    void onlyHttpLinksWithAHostAreKept() {
        assertThat(WebLink.normalize("javascript:alert(1)")).isNull();
        assertThat(WebLink.normalize("ftp://example.com/x")).isNull();
        assertThat(WebLink.normalize("https:///nohost")).isNull();
        assertThat(WebLink.normalize("https://user:pw@example.com/")).isNull();
        assertThat(WebLink.normalize("https://example.com/" + "a".repeat(2000))).isNull();
    }

    @Test
    void theSchemeIsWrittenInLowerCase() {
        // a link is safe in any case, but every check downstream (and the same link twice) expects one form
        assertThat(WebLink.normalize("httpS://x.com/Dotey/status/1")).isEqualTo("https://x.com/Dotey/status/1");
        assertThat(WebLink.normalize("HTTP://A.example/P")).isEqualTo("http://A.example/P");
    }

    @Test
    void markdownBreakersArePercentEncodedAndEncodingIsStable() {
        String safe = WebLink.normalize("https://example.com/a) ![x](https://evil.example/p.png)");
        assertThat(safe).isEqualTo("https://example.com/a%29%20%21%5Bx%5D%28https://evil.example/p.png%29");
        assertThat(WebLink.normalize(safe)).isEqualTo(safe);
        assertThat(WebLink.normalize("https://例子.com/路径?q=模型"))
                .isEqualTo("https://xn--fsqu00a.com/%E8%B7%AF%E5%BE%84?q=%E6%A8%A1%E5%9E%8B");
        assertThat(WebLink.normalize("https://example.com/100%")).isEqualTo("https://example.com/100%25");
        assertThat(WebLink.normalize("https://x.com/dotey/status/1993")).isEqualTo("https://x.com/dotey/status/1993");
    }
}
