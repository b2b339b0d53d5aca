package dev.aidigest.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code config/sources.yml}: the X accounts to follow (with display names exactly as the authors
 * write them, and a weight for ranking) and the feeds to read.
 */
public record SourcesConfig(List<Account> accounts, List<Feed> feeds) {

    public SourcesConfig {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }

    /** An X account. {@code rsshub} true reads it through the RSSHub route instead of the X API. */
    public record Account(String handle, String name, double weight, boolean rsshub) {
        public Account {
            if (handle == null || handle.isBlank()) {
                throw new ConfigException("handle: an account without handle");
            }
            weight = weight <= 0 ? 1.0 : weight;
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
