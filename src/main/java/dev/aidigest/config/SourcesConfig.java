package dev.aidigest.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code config/sources.yml}: the X accounts to follow (with display names exactly as the authors
 * write them, and a weight for ranking) and the feeds to read.
 */
public record SourcesConfig(List<Account> accounts, List<Feed> feeds, List<XList> lists) {

    public SourcesConfig {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    public SourcesConfig(List<Account> accounts, List<Feed> feeds) {
        this(accounts, feeds, List.of());
    }

    /** Who reads an account's or a list's posts. */
    public enum Reader {
        /** The X API v2 (bearer token, pay-per-use). */
        X_API,
        /** twitterapi.io's advanced search (API key), batched with the other accounts it reads. */
        TWITTERAPI,
        /** RSSHub's /twitter/user route. */
        RSSHUB;

        static Reader parse(String s, String where) {
            if (s == null || s.isBlank()) {
                return X_API;
            }
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "x-api", "x_api", "x" -> X_API;
                case "twitterapi", "twitterapi.io", "twitterapi-io" -> TWITTERAPI;
                case "rsshub" -> RSSHUB;
                default ->
                    throw new ConfigException(
                            "sources.yml: " + where + ": reader must be x-api, twitterapi or rsshub, not " + s);
            };
        }
    }

    /**
     * An X account. {@code reader} picks who reads it (x-api by default); {@code rsshub: true} is the
     * older spelling of {@code reader: rsshub}.
     */
    public record Account(String handle, String name, double weight, boolean rsshub, String reader) {
        public Account {
            if (handle == null || handle.isBlank()) {
                throw new ConfigException("handle: an account without handle");
            }
            weight = weight <= 0 ? 1.0 : weight;
            Reader.parse(reader, "@" + handle);
        }

        public Account(String handle, String name, double weight, boolean rsshub) {
            this(handle, name, weight, rsshub, null);
        }

        public Reader readBy() {
            return rsshub ? Reader.RSSHUB : Reader.parse(reader, "@" + handle);
        }
    }

    /**
     * An X List: one poll of its timeline brings every member's posts, through the X API's List
     * tweets endpoint ({@code reader: x-api}, the default) or twitterapi.io's ({@code reader:
     * twitterapi}); {@code name} names it in logs.
     */
    public record XList(String id, String name, String reader) {
        public XList {
            if (id == null || !id.trim().matches("\\d{1,25}")) {
                throw new ConfigException("sources.yml: a list needs its numeric id, got " + id);
            }
            id = id.trim();
            listReader(reader);
        }

        public Reader readBy() {
            return listReader(reader);
        }

        // the key goes first so the message names lists[i].reader
        private static Reader listReader(String reader) {
            Reader r;
            try {
                r = Reader.parse(reader, "list");
            } catch (ConfigException e) {
                r = null;
            }
            if (r == null || r == Reader.RSSHUB) {
                throw new ConfigException(
                        "reader: a list is read by x-api (the default) or twitterapi, not " + reader.trim());
            }
            return r;
        }
    }

    /** An RSS/Atom feed; {@code handle}/{@code name} attribute its entries when the feed is one person's. */
    public record Feed(String name, String url, String handle, String authorName, double weight) {}

    /** handle (lower case) → weight; unknown authors weigh 1. */
    public Map<String, Double> weights() {
        Map<String, Double> w = new HashMap<>();
        accounts.forEach(a -> w.put(a.handle().toLowerCase(Locale.ROOT), a.weight()));
        return w;
    }

    /** handle (lower case) → display name as configured. */
    public Map<String, String> displayNames() {
        Map<String, String> n = new HashMap<>();
        accounts.forEach(a -> {
            if (a.name() != null && !a.name().isBlank()) {
                n.put(a.handle().toLowerCase(Locale.ROOT), a.name());
            }
        });
        return n;
    }
}
