package dev.aidigest.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeds' digest structure as a checker: the same rules are first shown to accept the seeds
 * ({@code reference/seeds/001_…}, {@code 003_…}) and then applied to what we render.
 */
public final class DigestFormat {

    public static final Pattern TITLE =
            Pattern.compile("^title: \"(\\d{4}\\.\\d{2}\\.\\d{2}\\.(00|04|08|12|16|20)) 过去4小时全球AI发生了什么？\"$");
    public static final Pattern DATE =
            Pattern.compile("^date: \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00$");
    public static final Pattern CATEGORIES = Pattern.compile("^categories: \\[(\"[^\"]+\"(, \"[^\"]+\")*)\\]$");
    public static final Pattern ITEM =
            Pattern.compile("^(\\d+)\\.\\s+\\[(.+)\\]\\((https://x\\.com/([A-Za-z0-9_]+)/status/(\\d+))\\) - (.+)$");

    /** One parsed item. */
    public record Item(
            int number,
            String headline,
            String url,
            String handle,
            String statusId,
            List<String> authors,
            String summary) {}

    /** A parsed digest. */
    public record Parsed(String slot, List<String> categories, List<Item> items) {}

    private DigestFormat() {}

    /** Parses and validates; throws AssertionError naming the first rule broken. */
    public static Parsed parse(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        check(lines[0].equals("---"), "front matter opens with ---");
        Matcher title = TITLE.matcher(lines[1]);
        check(title.matches(), "title line: " + lines[1]);
        check(DATE.matcher(lines[2]).matches(), "date line: " + lines[2]);
        Matcher cats = CATEGORIES.matcher(lines[3]);
        check(cats.matches(), "categories line: " + lines[3]);
        List<String> categories = new ArrayList<>();
        for (String c : cats.group(1).split(", ")) {
            categories.add(c.substring(1, c.length() - 1));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 4; i < lines.length; i++) {
            Matcher m = ITEM.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            check(
                    i + 1 < lines.length
                            && lines[i + 1].startsWith("    ")
                            && lines[i + 1].trim().length() > 10,
                    "item " + m.group(1) + " has an indented summary on the next line");
            check(Integer.parseInt(m.group(1)) == items.size() + 1, "items numbered 1.. in order, at " + m.group(1));
            items.add(new Item(
                    Integer.parseInt(m.group(1)),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    List.of(m.group(6).split(" / ")),
                    lines[i + 1].trim()));
        }
        return new Parsed(title.group(1), categories, items);
    }

    private static void check(boolean ok, String rule) {
        if (!ok) {
            throw new AssertionError("digest format: " + rule);
        }
    }
}
