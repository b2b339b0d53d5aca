package dev.aidigest.digest.filter;

import dev.aidigest.digest.filter.PostFilter.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signal lists of the filter: one bundled file per kind of noise
 * ({@code src/main/resources/dev/aidigest/digest/filter/*.txt}, format in {@link TermList}), plus
 * what the operator adds in {@code config/noise-terms.txt} under a {@code [section]} named like
 * the list ({@code [spam]}, {@code [promotion]}, {@code [chatter]}…).
 */
final class NoiseLists {

    /** The operator's additions, in the config directory. */
    static final String CONFIG_FILE = "noise-terms.txt";

    private static final Map<Reason, String> FILES = Map.of(
            Reason.INJECTION, "injection",
            Reason.MARKUP, "markup",
            Reason.SPAM, "spam",
            Reason.BAIT, "bait",
            Reason.PROMOTION, "promotion");

    private final Map<Reason, TermList> lists;

    private NoiseLists(Map<Reason, TermList> lists) {
        this.lists = lists;
    }

    static NoiseLists fromConfigDir(Path configDir) {
        Map<String, List<String>> extra = sections(configDir);
        Map<Reason, TermList> lists = new EnumMap<>(Reason.class);
        FILES.forEach((reason, name) -> lists.put(reason, load(name, extra)));
        return new NoiseLists(lists);
    }

    /** Everyday words: family, food, weather, sleep, holidays (see {@link Topic}). */
    static TermList chatter(Path configDir) {
        return load("chatter", sections(configDir));
    }

    /** Words that announce news: launch, release, 发布, now available (see {@link Topic}, {@link OwnVoice}). */
    static TermList news(Path configDir) {
        return load("news", sections(configDir));
    }

    TermList list(Reason reason) {
        TermList l = lists.get(reason);
        if (l == null) {
            throw new IllegalArgumentException("no signal list for " + reason);
        }
        return l;
    }

    private static TermList load(String name, Map<String, List<String>> extra) {
        TermList bundled = TermList.bundled(name + ".txt");
        List<String> added = extra.get(name);
        return added == null ? bundled : bundled.plus(added, CONFIG_FILE + " [" + name + "]");
    }

    /** The config file's lines by section; lines before the first section are ignored. */
    private static Map<String, List<String>> sections(Path configDir) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Path file = configDir == null ? null : configDir.resolve(CONFIG_FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> current = null;
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                String name = l.substring(1, l.length() - 1).strip().toLowerCase(Locale.ROOT);
                current = out.computeIfAbsent(name, k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }
}
