package dev.aidigest.web;

import dev.aidigest.command.TopicSearch;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web archive under {@code serve}: {@code /} (digests and reports by day), {@code /digests/{slot}},
 * {@code /reports/{date}} with its word cloud, {@code /images/{name}}, and {@code /search?q=} (the same
 * search as /topic). Server-rendered HTML; every piece of stored text is escaped.
 */
public final class ArchiveRoutes implements Routes {

    static final int HOME_ENTRIES = 120;
    static final int SEARCH_PAGE = 20;
    private static final Pattern SLOT = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern IMAGE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-wordcloud\\.png");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SiteArchive archive;
    private final TopicSearch search;
    private final ZoneId zone;
    private final Html html = new Html();

    public ArchiveRoutes(SiteArchive archive, TopicSearch search, ZoneId zone) {
        this.archive = archive;
        this.search = search;
        this.zone = zone;
    }

    @Override
    public void addTo(JavalinConfig cfg) {
        cfg.routes.get("/", this::home);
        cfg.routes.get("/digests/{slot}", ctx -> page(ctx, "digest", ctx.pathParam("slot"), SLOT));
        cfg.routes.get("/reports/{date}", ctx -> page(ctx, "report", ctx.pathParam("date"), DATE));
        cfg.routes.get("/images/{name}", this::image);
        cfg.routes.get("/search", this::search);
    }

    private void home(Context ctx) {
        Map<String, StringBuilder> days = new LinkedHashMap<>();
        for (SiteArchive.Entry e : archive.recent(HOME_ENTRIES)) {
            // a digest belongs to the day its window started in: 2025.11.27.00 closes 2025-11-26
            String day = e.kind().equals("report")
                    ? e.slot()
                    : e.windowEnd().minusSeconds(1).atZone(zone).toLocalDate().toString();
            StringBuilder list = days.computeIfAbsent(day, k -> new StringBuilder());
            String href = (e.kind().equals("report") ? "/reports/" : "/digests/") + e.slot();
            list.append("<li>")
                    .append(e.kind().equals("report") ? "<strong>日报</strong> " : "")
                    .append("<a href=\"")
                    .append(href)
                    .append("\">")
                    .append(Html.escape(e.title()))
                    .append("</a> <span class=\"meta\">")
                    .append(e.items())
                    .append(" 条")
                    .append("offline".equals(e.engine()) ? " · 离线" : "")
                    .append("</span></li>");
        }
        StringBuilder body = new StringBuilder("<h1>全球AI速递与日报</h1>").append(searchForm(""));
        if (days.isEmpty()) {
            body.append("<p>还没有速递。</p>");
        }
        days.forEach((day, list) ->
                body.append("<h2>").append(day).append("</h2><ul>").append(list).append("</ul>"));
        ctx.contentType("text/html; charset=utf-8").result(html.page("全球AI速递与日报", body.toString()));
    }

    private void page(Context ctx, String kind, String slot, Pattern shape) {
        Optional<SiteArchive.Page> p = shape.matcher(slot).matches() ? archive.page(kind, slot) : Optional.empty();
        if (p.isEmpty()) {
            notFound(ctx, "没有 " + slot + " 的" + (kind.equals("report") ? "日报" : "速递") + "。");
            return;
        }
        SiteArchive.Entry e = p.get().entry();
        String body = "<h1>" + Html.escape(e.title()) + "</h1>"
                + (e.categories().isEmpty()
                        ? ""
                        : "<p class=\"meta\">" + Html.escape(String.join(" · ", e.categories())) + "</p>")
                + html.markdown(p.get().markdown());
        ctx.contentType("text/html; charset=utf-8").result(html.page(e.title(), body));
    }

    private void image(Context ctx) {
        String name = ctx.pathParam("name");
        Optional<byte[]> png = IMAGE.matcher(name).matches() ? archive.image(name) : Optional.empty();
        if (png.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600")
                .contentType("image/png")
                .result(png.get());
    }

    private void search(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        int page = page(ctx.queryParam("page"));
        if (page < 0) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(BAD_PAGE);
            return;
        }
        StringBuilder body = new StringBuilder("<h1>搜索</h1>").append(searchForm(q));
        if (!q.isEmpty()) {
            TopicSearch.Page result = search.search(q, page, SEARCH_PAGE);
            if (result.catchingUp()) {
                body.append("<p class=\"meta\">")
                        .append(Html.escape(result.catchingUpNote()))
                        .append("</p>");
            } else if (result.hits().isEmpty()) {
                body.append("<p>")
                        .append(page == 1 ? "没有找到与「" + Html.escape(q) + "」相关的内容。" : "没有更多结果了。")
                        .append("</p>");
            }
            body.append("<ul>");
            for (TopicSearch.Hit h : result.hits()) {
                body.append("<li>")
                        .append("item".equals(h.kind()) ? "[速递] " : "[帖子] ")
                        .append(link(h.url(), h.title()))
                        .append(" <span class=\"meta\">")
                        .append(TIME.format(h.at().atZone(zone)))
                        .append("</span></li>");
            }
            body.append("</ul>");
            if (result.more()) {
                body.append("<p><a href=\"/search?q=")
                        .append(URLEncoder.encode(q, StandardCharsets.UTF_8))
                        .append("&amp;page=")
                        .append(page + 1)
                        .append("\">更多 →</a></p>");
            }
        }
        ctx.contentType("text/html; charset=utf-8").result(html.page(q.isEmpty() ? "搜索" : "搜索：" + q, body.toString()));
    }

    private static String searchForm(String q) {
        return "<form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"" + Html.escape(q)
                + "\" placeholder=\"FLUX.2、智能体、Claude…\"><button type=\"submit\">搜索</button></form>";
    }

    /** A link only for http(s) URLs; anything else is shown as text. */
    static String link(String url, String text) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            return "<a href=\"" + Html.escape(url) + "\">" + Html.escape(text) + "</a>";
        }
        return Html.escape(text);
    }

    private void notFound(Context ctx, String message) {
        ctx.status(404)
                .contentType("text/html; charset=utf-8")
                .result(html.page("未找到", "<h1>未找到</h1><p>" + Html.escape(message) + "</p>"));
    }

    /** The deepest result page served: deeper pages would only scan the index for nothing. */
    static final int MAX_PAGE = 1000;

    static final String BAD_PAGE = "page must be a whole number from 1 to " + MAX_PAGE;

    /** The {@code page} parameter: 1 when absent, -1 when it is not a number from 1 to {@link #MAX_PAGE}. */
    static int page(String s) {
        if (s == null || s.isBlank()) {
            return 1;
        }
        String t = s.strip();
        if (!t.matches("[0-9]{1,4}")) {
            return -1;
        }
        int n = Integer.parseInt(t);
        return n >= 1 && n <= MAX_PAGE ? n : -1;
    }
}
