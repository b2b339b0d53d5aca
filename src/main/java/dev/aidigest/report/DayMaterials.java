package dev.aidigest.report;

import dev.aidigest.digest.Entities;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers a day's material: the items of the digests whose window ended that day (slots 04 to 24),
 * one per story, best first, and the posts created that day. A story told again in a later digest
 * (same story key, or a headline with the same versioned name such as {@code FLUX.2} or {@code Opus 4.5}) counts once,
 * with its best-scored telling.
 */
public final class DayMaterials {

    private final Reports reports;
    private final Entities entities;

    public DayMaterials(Reports reports, Entities entities) {
        this.reports = reports;
        this.entities = entities;
    }

    public DayMaterial load(LocalDate date, ZoneId zone) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<DayItem> all = reports.items(start, end);
        List<List<String>> categories = reports.categories(start, end);
        return new DayMaterial(
                date,
                zone,
                start,
                end,
                distinct(all),
                reports.posts(start, end),
                categories.size(),
                byFrequency(categories));
    }

    List<DayItem> distinct(List<DayItem> items) {
        List<DayItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(DayItem::score)
                .reversed()
                .thenComparing(DayItem::slot)
                .thenComparingInt(DayItem::position));
        List<DayItem> out = new ArrayList<>();
        List<Set<String>> seenNames = new ArrayList<>();
        Set<String> seenKeys = new java.util.HashSet<>();
        for (DayItem i : sorted) {
            Set<String> names = versionedNames(i.headline());
            boolean told = !seenKeys.add(i.storyKey())
                    || seenNames.stream().anyMatch(s -> s.stream().anyMatch(names::contains));
            if (!told) {
                out.add(i);
                seenNames.add(names);
            }
        }
        return out;
    }

    /** Names with a version number in them: they pin one release ({@code flux.2}, {@code opus4.5}, {@code sam3}). */
    private Set<String> versionedNames(String text) {
        return entities.extract(text).entrySet().stream()
                .filter(e -> e.getValue().kind() == Entities.Kind.PRODUCT
                        || e.getValue().kind() == Entities.Kind.PHRASE)
                .map(Map.Entry::getKey)
                .filter(k -> k.chars().anyMatch(Character::isDigit)
                        && k.chars().anyMatch(Character::isLetter)
                        && !entities.isGeneric(k))
                .collect(Collectors.toSet());
    }

    private static List<String> byFrequency(List<List<String>> perDigest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        perDigest.forEach(list -> list.forEach(c -> counts.merge(c, 1, Integer::sum)));
        Map<String, Integer> firstSeen = new HashMap<>();
        int k = 0;
        for (String c : counts.keySet()) {
            firstSeen.put(c, k++);
        }
        return counts.keySet().stream()
                .sorted(Comparator.comparingInt((String c) -> -counts.get(c)).thenComparingInt(firstSeen::get))
                .toList();
    }
}
