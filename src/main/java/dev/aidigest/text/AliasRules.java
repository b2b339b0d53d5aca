package dev.aidigest.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a list of entities must satisfy before names can be matched: ids that are the digest's key
 * of one of the entity's own Latin names, each id once, each surface claimed by one entity only,
 * an {@code org} that is an entity, {@code cased} forms that are names, {@code except} words that
 * contain a name and are nobody's name. The first violation is reported with its line.
 */
final class AliasRules {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.]*");

    private final String where;

    AliasRules(String where) {
        this.where = where;
    }

    @SuppressWarnings("ReferenceEquality") // another entry than this one, by identity
    void check(List<AliasFile.Located> entries) {
        Map<String, Integer> lineOfId = new HashMap<>();
        Map<String, AliasFile.Located> ownerOfKey = new HashMap<>();
        for (AliasFile.Located l : entries) {
            Aliases.Entity e = l.entity();
            Integer first = lineOfId.putIfAbsent(e.id(), l.line());
            if (first != null) {
                throw fail(l, "duplicate id '" + e.id() + "'" + (first > 0 ? " (first at line " + first + ")" : ""));
            }
            checkId(l);
            for (String name : e.names()) {
                String key = checkSurface(l, name, "name");
                AliasFile.Located owner = ownerOfKey.putIfAbsent(key, l);
                if (owner != null && owner != l) {
                    throw fail(
                            l,
                            "the name '" + name + "' is claimed by both '"
                                    + owner.entity().id() + "'" + at(owner) + " and '" + e.id() + "'");
                }
            }
            for (String c : e.cased()) {
                if (!e.names().contains(c)) {
                    throw fail(l, "cased '" + c + "' of '" + e.id() + "' is not one of its names");
                }
            }
        }
        for (AliasFile.Located l : entries) {
            Aliases.Entity e = l.entity();
            if (e.org() != null && (!lineOfId.containsKey(e.org()) || e.org().equals(e.id()))) {
                throw fail(l, "org '" + e.org() + "' of '" + e.id() + "' names no other entity");
            }
            for (String x : e.except()) {
                String key = checkSurface(l, x, "except");
                AliasFile.Located owner = ownerOfKey.get(key);
                if (owner != null) {
                    throw fail(
                            l,
                            "except '" + x + "' of '" + e.id() + "' is a name of '"
                                    + owner.entity().id() + "'");
                }
                String folded = Folding.fold(x, false);
                boolean containsName = e.names().stream().anyMatch(n -> folded.contains(Folding.fold(n, false)));
                if (!containsName) {
                    throw fail(l, "except '" + x + "' of '" + e.id() + "' contains none of its names");
                }
            }
        }
    }

    private void checkId(AliasFile.Located l) {
        Aliases.Entity e = l.entity();
        if (!ID.matcher(e.id()).matches()) {
            throw fail(l, "id '" + e.id() + "' must be lower-case ASCII letters, digits and dots");
        }
        boolean named = e.names().stream().anyMatch(n -> Folding.canonical(n).equals(e.id()));
        if (!named) {
            String hint = e.names().stream()
                    .map(Folding::canonical)
                    .filter(c -> ID.matcher(c).matches())
                    .findFirst()
                    .map(c -> ", e.g. '" + c + "'")
                    .orElse(": add its English name");
            throw fail(
                    l,
                    "id '" + e.id() + "' must be one of its names in lower case without spaces, hyphens and dots"
                            + hint);
        }
    }

    /** The idOf key of a surface, refusing one too short to be a name. */
    private String checkSurface(AliasFile.Located l, String s, String what) {
        String key = Folding.key(s);
        if (key.codePointCount(0, key.length()) < 2) {
            throw fail(l, what + " '" + s + "' of '" + l.entity().id() + "' is shorter than two characters");
        }
        return key;
    }

    private static String at(AliasFile.Located l) {
        return l.line() > 0 ? " (line " + l.line() + ")" : "";
    }

    private RuntimeException fail(AliasFile.Located l, String reason) {
        return AliasFile.error(where, l.line(), reason);
    }
}
