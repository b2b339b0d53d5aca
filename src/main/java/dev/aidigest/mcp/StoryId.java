package dev.aidigest.mcp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tools call a story: one item of a stored 4-hour digest, named by the digest's slot and the
 * item's number in it ({@code 2025.11.26.16#3}). An item is one story told by one or more authors; the
 * name holds until that slot's digest is rebuilt.
 */
public record StoryId(String slot, int position) {

    /** The JSON-schema pattern of an id, as the tools declare it. */
    static final String PATTERN = "^\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2}#\\d{1,3}$";

    private static final Pattern FORM = Pattern.compile("(\\d{4}\\.\\d{2}\\.\\d{2}\\.\\d{2})#(\\d{1,3})");

    /** Parses {@code YYYY.MM.DD.HH#N}; refuses anything else with one sentence. */
    public static StoryId parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1) {
            throw new ToolRefusal("not a story id: " + shorten(text)
                    + " (a story id is a digest slot and an item number, like 2025.11.26.16#3)");
        }
        return new StoryId(m.group(1), Integer.parseInt(m.group(2)));
    }

    static String shorten(String s) {
        String t = String.valueOf(s).replaceAll("\\s+", " ");
        return t.length() <= 40 ? "'" + t + "'" : "'" + t.substring(0, 40) + "…'";
    }

    @Override
    public String toString() {
        return slot + "#" + position;
    }
}
