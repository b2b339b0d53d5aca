package dev.aidigest.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one rule for a link taken from outside input: absolute {@code http} or {@code https} (the scheme
 * written in lower case) with a host, at most {@link #MAX_LENGTH} characters, and percent-encoded so it can stand inside markdown
 * {@code [text](url)}, an HTML attribute or XML without ending it. Every character outside RFC 3986's
 * unreserved and reserved sets is encoded (spaces, quotes, {@code <>}, {@code `}, {@code \},
 * non-ASCII), and so are {@code ( ) [ ] !}, which markdown would read as the end of the link or the
 * start of an image. A {@code %} not followed by two hex digits becomes {@code %25}; an encoded link
 * comes back unchanged, so stored links and old rows can pass through again at render time.
 */
public final class WebLink {
    /** The longest link kept (the {@code url} column). */
    public static final int MAX_LENGTH = 2000;

    private static final String KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@$&*+,;=";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private WebLink() {}

    /** The link made safe, or null when it is not an http(s) link with a host, or too long once encoded. */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || s.length() > MAX_LENGTH) {
            return null;
        }
        int scheme = s.indexOf(':');
        s = lower.substring(0, scheme) + s.substring(scheme); // HTTPS:// is https://, written the one way
        String encoded = encode(asciiHost(s));
        if (encoded == null) {
            return null;
        }
        if (encoded.length() > MAX_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(encoded);
            String host = uri.getHost();
            if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return encoded;
    }

    /** The host in its ASCII (punycode) form, so a non-ASCII domain stays a host; null when it is not one. */
    private static String asciiHost(String s) {
        int start = s.indexOf("://") + 3;
        int end = start;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String authority = s.substring(start, end);
        if (authority.chars().allMatch(c -> c < 0x80)) {
            return s;
        }
        try {
            return s.substring(0, start) + java.net.IDN.toASCII(authority) + s.substring(end);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.append(c);
            } else if (c < 0x80 && KEPT.indexOf(c) >= 0) {
                out.append(c);
            } else {
                int cp = s.codePointAt(i);
                if (Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
                byte[] bytes = Character.isSurrogate(c) && !Character.isSupplementaryCodePoint(cp)
                        ? "\uFFFD".getBytes(StandardCharsets.UTF_8)
                        : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
