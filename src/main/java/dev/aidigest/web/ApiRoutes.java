package dev.aidigest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.aidigest.command.Archive;
import dev.aidigest.command.ArchivedDigest;
import dev.aidigest.command.TopicSearch;
import dev.aidigest.json.Jackson;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Machine-readable archive: {@code /feed.xml} (RSS 2.0 of the newest digests, each with its HTML),
 * {@code /api/digests/latest} and {@code /api/search?q=} (JSON, the same search as /topic).
 */
public final class ApiRoutes implements Routes {

    static final int FEED_ENTRIES = 30;
    static final int API_PAGE = 20;

    private final String base;
    private final SiteArchive site;
    private final Archive archive;
    private final TopicSearch search;
    private final Html html = new Html();
    private final ObjectMapper json = Jackson.json();

    /** Links relative to the site (no public URL configured). */
    public ApiRoutes(SiteArchive site, Archive archive, TopicSearch search) {
        this(site, archive, search, "");
    }

    /**
     * @param publicUrl the site's address as readers reach it ({@code https://digest.example.com}),
     *     the base of every absolute link; empty: links are relative to the site
     */
    public ApiRoutes(SiteArchive site, Archive archive, TopicSearch search, String publicUrl) {
        this.base = base(publicUrl);
        this.site = site;
        this.archive = archive;
        this.search = search;
    }

    @Override
    public void addTo(JavalinConfig cfg) {
        cfg.routes.get("/feed.xml", this::feed);
        cfg.routes.get("/api/digests/latest", this::latest);
        cfg.routes.get("/api/search", this::search);
    }

    private void feed(Context ctx) throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle("全球AI速递");
        feed.setLink(base + "/");
        feed.setDescription("每 4 小时一期：AI 领域的人在 X 上说了什么");
        feed.setLanguage("zh-cn");
        List<SyndEntry> entries = new ArrayList<>();
        for (SiteArchive.Page p : site.recentPages("digest", FEED_ENTRIES)) {
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(p.entry().title());
            e.setLink(base + "/digests/" + p.entry().slot());
            e.setUri(base + "/digests/" + p.entry().slot());
            e.setPublishedDate(Date.from(p.entry().windowEnd()));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/html");
            description.setValue(html.markdown(p.markdown()));
            e.setDescription(description);
            entries.add(e);
        }
        feed.setEntries(entries);
        if (!entries.isEmpty()) {
            feed.setPublishedDate(entries.get(0).getPublishedDate());
        }
        ctx.contentType("application/rss+xml; charset=utf-8").result(new SyndFeedOutput().outputString(feed));
    }

    private void latest(Context ctx) {
        Optional<ArchivedDigest> d = archive.latest("digest");
        if (d.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"no digest yet\"}");
            return;
        }
        ObjectNode out = json.createObjectNode();
        ArchivedDigest a = d.get();
        out.put("slot", a.slot())
                .put("title", a.title())
                .put("window_end", a.windowEnd().toString())
                .put("engine", a.engine())
                .put("url", base + "/digests/" + a.slot());
        a.categories().forEach(out.putArray("categories")::add);
        ArrayNode items = out.putArray("items");
        for (ArchivedDigest.Item i : a.items()) {
            ObjectNode n = items.addObject()
                    .put("position", i.position())
                    .put("headline", i.headline())
                    .put("summary", i.summary())
                    .put("url", i.url());
            i.authors().forEach(n.putArray("authors")::add);
        }
        ctx.contentType("application/json; charset=utf-8").result(out.toString());
    }

    private void search(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (q.isEmpty()) {
            ctx.status(400).contentType("application/json").result("{\"error\":\"missing q\"}");
            return;
        }
        int page = ArchiveRoutes.page(ctx.queryParam("page"));
        if (page < 0) {
            ctx.status(400)
                    .contentType("application/json")
                    .result(json.createObjectNode()
                            .put("error", ArchiveRoutes.BAD_PAGE)
                            .toString());
            return;
        }
        TopicSearch.Page result = search.search(q, page, API_PAGE);
        ObjectNode out =
                json.createObjectNode().put("query", q).put("page", page).put("more", result.more());
        // while an older database is being indexed, "no hits" is not an answer: say so
        out.put("catching_up", result.catchingUp()).put("indexed_percent", result.indexedPercent());
        ArrayNode hits = out.putArray("hits");
        for (TopicSearch.Hit h : result.hits()) {
            hits.addObject()
                    .put("kind", h.kind())
                    .put("title", h.title())
                    .put("url", h.url())
                    .put("at", h.at().toString());
        }
        ctx.contentType("application/json; charset=utf-8").result(out.toString());
    }

    /**
     * The configured public URL without a trailing slash, or "" for links relative to the site. Only
     * an absolute http(s) URL with a host is taken; the request's own Host header never is.
     */
    static String base(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return "";
        }
        String u = publicUrl.strip();
        java.net.URI uri;
        try {
            uri = new java.net.URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("http.public_url is not a URL: " + u);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException(
                    "http.public_url must be an http(s) address like https://digest.example.com, got " + u);
        }
        return u.replaceAll("/+$", "");
    }
}
