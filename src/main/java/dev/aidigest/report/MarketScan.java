package dev.aidigest.report;

import dev.aidigest.digest.MarkdownSafe;
import dev.aidigest.digest.PostText;
import dev.aidigest.render.MarkdownRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The report's 个股与数字货币 section, from the posts alone: which listed companies and coins the
 * day's posts name ({@code $NVDA}, 英伟达, BTC, 比特币 …) and which of those posts talk about a price or
 * a market move. It only counts and quotes; it never states a move the posts do not state, and it
 * says plainly when there is nothing.
 */
public final class MarketScan {

    /** Words that say a post is about a price or a market reaction, not just about the company. */
    private static final Pattern MOVE = Pattern.compile("(?i)股价|市值|股票|美股|港股|大涨|大跌|暴涨|暴跌|上涨|下跌|涨停|跌停|涨幅|跌幅|收盘|开盘|币价"
            + "|\\bshares?\\b|\\bstocks?\\b|market cap|share price|\\brall(?:y|ied|ies)\\b|\\bsurg(?:e|ed|es)\\b|\\bplung(?:e|ed|es)\\b"
            + "|\\bsoar(?:s|ed)?\\b|\\btumbl(?:e|ed|es)\\b|\\bsell-?off\\b|\\ball-time high\\b|\\bATH\\b");

    private static final int MAX_QUOTES = 5;

    /** One company or coin. */
    record Asset(String ticker, boolean coin, String name, List<Pattern> patterns) {
        boolean mentionedIn(String text) {
            return patterns.stream().anyMatch(p -> p.matcher(text).find());
        }
    }

    /**
     * What the scan found.
     *
     * @param mentions asset → posts that name it, in the order of the asset list
     * @param moves    posts that name an asset and speak of a price or market move
     */
    public record Findings(Map<Asset, List<DayPost>> mentions, List<DayPost> moves) {
        public boolean none() {
            return mentions.isEmpty();
        }
    }

    private final List<Asset> assets;

    MarketScan(List<Asset> assets) {
        this.assets = List.copyOf(assets);
    }

    /** The bundled list of companies and coins. */
    public static MarketScan standard() {
        try (InputStream in = MarketScan.class.getResourceAsStream("assets.txt")) {
            if (in == null) {
                throw new IllegalStateException("bundled list assets.txt is missing");
            }
            return new MarketScan(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Asset> parse(String text) {
        List<Asset> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s*\\|\\s*");
            List<Pattern> patterns = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                patterns.add(pattern(f[i]));
            }
            out.add(new Asset(f[0], "coin".equals(f[1]), f[2], patterns));
        }
        return out;
    }

    private static Pattern pattern(String name) {
        if (PostText.hasCjk(name)) {
            return Pattern.compile(Pattern.quote(name));
        }
        // whole words only: "Meta" but not "Metaverse" or "meta-learning", "$ETH" but not "$ETHW"
        return Pattern.compile("(?<![\\p{L}\\p{N}$_-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])");
    }

    public Findings scan(List<DayPost> posts) {
        Map<Asset, List<DayPost>> mentions = new LinkedHashMap<>();
        List<DayPost> moves = new ArrayList<>();
        for (Asset a : assets) {
            for (DayPost p : posts) {
                if (!p.isRetweet() && a.mentionedIn(p.text())) {
                    mentions.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
                }
            }
        }
        for (DayPost p : posts) {
            if (!p.isRetweet()
                    && MOVE.matcher(p.text()).find()
                    && assets.stream().anyMatch(a -> a.mentionedIn(p.text()))) {
                moves.add(p);
            }
        }
        moves.sort((x, y) -> Double.compare(y.engagement(), x.engagement()));
        return new Findings(mentions, moves);
    }

    /** The section's paragraphs (markdown), in plain words; never a number the posts do not give. */
    public List<String> paragraphs(Findings f) {
        if (f.none()) {
            return List.of("推文中未发现涉及特定上市公司股票或数字货币的讨论，也未发现相关的价格或市场变动信息。");
        }
        List<String> out = new ArrayList<>();
        List<String> named = new ArrayList<>();
        f.mentions().forEach((a, posts) -> named.add(a.name() + "（" + a.ticker() + "）" + posts.size() + " 条"));
        out.add("推文中提及的上市公司与数字货币：" + String.join("、", named) + "。以上只是提及次数，不代表市场反应。");
        if (f.moves().isEmpty()) {
            out.add("推文中未发现关于这些公司股价或数字货币价格变动的具体信息，讨论集中在技术与产品层面。");
            return out;
        }
        StringBuilder sb = new StringBuilder("推文原文中谈到价格或市场的内容（转述原帖，不构成行情数据）：\n");
        for (DayPost p : f.moves().subList(0, Math.min(MAX_QUOTES, f.moves().size()))) {
            sb.append("\n- **")
                    .append(MarkdownSafe.plain(p.authorName()))
                    .append("**：「")
                    .append(MarkdownSafe.plain(PostText.shorten(PostText.clean(p.text()), 120)))
                    .append("」（")
                    .append(MarkdownRenderer.link("原帖", p.link()))
                    .append("）");
        }
        out.add(sb.toString());
        return out;
    }
}
