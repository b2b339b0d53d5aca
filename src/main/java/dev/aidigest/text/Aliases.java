package dev.aidigest.text;

import dev.aidigest.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The names AI news gives the same person, company, lab, product or model in Chinese and English
 * ({@code 英伟达} ⇄ {@code Nvidia}, {@code 奥特曼} ⇄ {@code Sam Altman}), from {@code config/aliases.yml}.
 * Each entity's id is the digest's key of its English name ({@code nvidia}, {@code moonshotai}), so
 * a Latin name extracted from a post and a Chinese alias of it meet on one key.
 *
 * <p>An entity's {@code org} (Kimi → Moonshot AI) is a link, never a name: nothing here matches
 * {@code 奥特曼} as OpenAI.
 */
public final class Aliases {

    public static final String FILE = "aliases.yml";

    /** The words of AI news that mean one thing in Chinese and English ({@code kind: term}). */
    public static final String TERMS_FILE = "terms.yml";

    /** What an entity is. */
    public enum Kind {
        PERSON,
        COMPANY,
        LAB,
        PRODUCT,
        MODEL,
        /** A word, not a name: 开源 ⇄ open source. Only in {@value #TERMS_FILE}. */
        TERM
    }

    /**
     * One entity. {@code cased}: names that match only in exactly that case ({@code Apple}, so that
     * "apple pie" is not the company); {@code except}: longer words that contain a name but are not
     * the entity ({@code 苹果汁}, {@code Claude Shannon}).
     */
    public record Entity(String id, Kind kind, List<String> names, String org, Set<String> cased, List<String> except) {
        public Entity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            names = List.copyOf(names);
            org = org == null || org.isBlank() ? null : org;
            cased = cased == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(cased));
            except = except == null ? List.of() : List.copyOf(except);
        }

        public Entity(String id, Kind kind, List<String> names, String org) {
            this(id, kind, names, org, Set.of(), List.of());
        }
    }

    /** A surface form of entity {@code id} at {@code [start, end)} of the text given to {@link #find}. */
    public record Match(String id, int start, int end) {}

    private final List<Entity> entities;
    private final Map<String, Entity> byId = new HashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final SurfaceTrie trie;
    private final long fingerprint;

    private Aliases(List<Entity> entities) {
        this.entities = List.copyOf(entities);
        List<SurfaceTrie.Surface> surfaces = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            byId.put(e.id(), e);
            for (String name : e.names()) {
                idByKey.put(Folding.key(name), e.id());
                surfaces.add(new SurfaceTrie.Surface(name, i, e.cased().contains(name)));
            }
            for (String x : e.except()) {
                surfaces.add(new SurfaceTrie.Surface(x, SurfaceTrie.EXCEPTED, false));
            }
            all.append(e).append('\n');
        }
        this.trie = new SurfaceTrie(surfaces);
        this.fingerprint = fnv64(all);
    }

    /** {@code <configDir>/aliases.yml} if there is one (it replaces the bundled list), else the bundled list. */
    public static Aliases load(Path configDir) {
        return load(configDir, FILE);
    }

    /** {@code <configDir>/terms.yml} if there is one (it replaces the bundled list), else the bundled list. */
    public static Aliases terms(Path configDir) {
        return load(configDir, TERMS_FILE);
    }

    private static Aliases load(Path configDir, String name) {
        Path file = configDir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return name.equals(FILE) ? bundled() : bundledTerms();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in, name.equals(TERMS_FILE));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The list shipped in the jar. Parsed once: it cannot change while the process runs. */
    public static Aliases bundled() {
        return Bundled.ALIASES;
    }

    /** The terms shipped in the jar ({@value #TERMS_FILE}). */
    public static Aliases bundledTerms() {
        return Bundled.TERMS;
    }

    /** For tests and callers that build entities in code; checked like a file. */
    public static Aliases of(List<Entity> entities) {
        List<AliasFile.Located> located =
                entities.stream().map(e -> new AliasFile.Located(e, 0)).toList();
        new AliasRules("aliases").check(located);
        return new Aliases(entities);
    }

    /** No names at all: every text has no match. */
    public static Aliases none() {
        return of(List.of());
    }

    static Aliases parse(String where, InputStream in) {
        return parse(where, in, false);
    }

    /** @param terms whether this is a list of terms ({@value #TERMS_FILE}), which holds only {@code kind: term} */
    static Aliases parse(String where, InputStream in, boolean terms) {
        List<AliasFile.Located> located = AliasFile.read(where, in);
        new AliasRules(where).check(located);
        for (AliasFile.Located l : located) {
            if ((l.entity().kind() == Kind.TERM) != terms) {
                throw AliasFile.error(
                        where,
                        l.line(),
                        terms
                                ? "'" + l.entity().id() + "' is a "
                                        + l.entity().kind().name().toLowerCase(Locale.ROOT)
                                        + ": this file holds only kind: term (names go in " + FILE + ")"
                                : "'" + l.entity().id() + "' is a term: terms go in " + TERMS_FILE);
            }
        }
        return new Aliases(located.stream().map(AliasFile.Located::entity).toList());
    }

    private static final class Bundled {
        static final Aliases ALIASES = read(FILE);
        static final Aliases TERMS = read(TERMS_FILE);

        private static Aliases read(String name) {
            try (InputStream in = Aliases.class.getResourceAsStream("/config/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("config/" + name + " is missing from the jar");
                }
                return parse("the bundled config/" + name, in, name.equals(TERMS_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Every surface form in {@code text}, in text order, without overlaps: where two overlap the
     * longer wins ({@code Google DeepMind} over {@code Google}), and an excepted word
     * ({@code 苹果汁}) wins its span and yields nothing.
     */
    public List<Match> find(String text) {
        SurfaceTrie.Folded f = SurfaceTrie.Folded.of(text);
        List<SurfaceTrie.Hit> hits = trie.hits(f);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (SurfaceTrie.Hit h : SurfaceTrie.longestFirst(hits)) {
            if (h.entity() != SurfaceTrie.EXCEPTED) {
                out.add(match(f, h));
            }
        }
        return out;
    }

    /**
     * Like {@link #find}, but names inside a longer name count too: {@code Claude Code} yields
     * {@code claudecode} and {@code claude}, {@code 阿里云} yields {@code alibabacloud} and
     * {@code alibaba}. Nothing inside an excepted word. In text order, longer first at one start.
     */
    public List<Match> findAll(String text) {
        SurfaceTrie.Folded f = SurfaceTrie.Folded.of(text);
        List<SurfaceTrie.Hit> hits = trie.hits(f);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<SurfaceTrie.Hit> excepted = SurfaceTrie.longestFirst(hits).stream()
                .filter(h -> h.entity() == SurfaceTrie.EXCEPTED)
                .toList();
        List<Match> out = new ArrayList<>();
        for (SurfaceTrie.Hit h : hits) {
            if (h.entity() != SurfaceTrie.EXCEPTED && excepted.stream().noneMatch(h::overlaps)) {
                out.add(match(f, h));
            }
        }
        return out;
    }

    /** The ids of every entity {@link #findAll} finds in {@code text}. */
    public Set<String> idsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        findAll(text).forEach(m -> out.add(m.id()));
        return out;
    }

    /**
     * Whether a match is a whole word of {@code text} as a tokenizer sees it: {@code Qwen} in
     * {@code Qwen3} and {@code GPT} in {@code GPT-5.1} are found by {@link #find} (the family is
     * named) but are not the word written, which says more.
     */
    public static boolean isWholeWord(String text, Match m) {
        int start = m.start();
        int end = m.end();
        boolean joinedBefore = start > 0 && latin(text.charAt(start - 1)) && latin(text.charAt(start));
        return !joinedBefore && !(end < text.length() && latin(text.charAt(end - 1)) && continues(text, end));
    }

    private static boolean latin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /** A letter or digit, or one of {@code . - _ + /} before one, goes on with the word that ends before {@code end}. */
    private static boolean continues(String s, int end) {
        char c = s.charAt(end);
        return latin(c) || "._-+/".indexOf(c) >= 0 && end + 1 < s.length() && latin(s.charAt(end + 1));
    }

    private Match match(SurfaceTrie.Folded f, SurfaceTrie.Hit h) {
        return new Match(entities.get(h.entity()).id(), f.at()[h.from()], f.at()[h.to() - 1] + 1);
    }

    /**
     * The key a Latin name is compared by, everywhere names are: lower case; no spaces, hyphens or
     * underscores; dots only between two digits ({@code Moonshot AI} → {@code moonshotai},
     * {@code Opus 4.5} → {@code opus4.5}). Entity ids are such keys.
     */
    public static String canonical(String name) {
        return Folding.canonical(name);
    }

    /** The entity a whole surface names, ignoring case, spaces, hyphens and underscores ("moonshot-ai"). */
    public Optional<String> idOf(String surface) {
        return surface == null ? Optional.empty() : Optional.ofNullable(idByKey.get(Folding.key(surface)));
    }

    public Optional<Entity> entity(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every name of the entity, as listed; empty for an unknown id. */
    public Set<String> surfaces(String id) {
        Entity e = byId.get(id);
        return e == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(e.names()));
    }

    /** The entity's organisation (Kimi → moonshotai), if it has one. */
    public Optional<String> orgOf(String id) {
        Entity e = byId.get(id);
        return e == null ? Optional.empty() : Optional.ofNullable(e.org());
    }

    public List<Entity> entities() {
        return entities;
    }

    /** Changes whenever any entity, name or exception changes: what an index built with these names depends on. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Entity count by kind, and the number of surfaces, for logs and the README. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("entities", entities.size());
        out.put("surfaces", idByKey.size());
        for (Kind k : Kind.values()) {
            out.put(k.name().toLowerCase(java.util.Locale.ROOT), (int)
                    entities.stream().filter(e -> e.kind() == k).count());
        }
        return out;
    }

    private static long fnv64(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
