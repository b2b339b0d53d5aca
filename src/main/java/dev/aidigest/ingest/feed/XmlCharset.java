package dev.aidigest.ingest.feed;

import dev.aidigest.ingest.BadInputException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset an XML document says it is in: its byte-order mark, else the {@code encoding} of its
 * XML declaration, else UTF-8 (the XML default). Some Chinese feeds are GBK and say so; those are
 * read as GBK, and a document that breaks its own declared charset is refused.
 */
final class XmlCharset {
    private static final Pattern DECLARATION =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private XmlCharset() {}

    static Charset of(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        String head =
                new String(bytes, start, Math.min(bytes.length - start, 256), StandardCharsets.ISO_8859_1).strip();
        Matcher m = DECLARATION.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadInputException("The feed declares an unknown encoding '" + m.group(1) + "'.", e);
        }
    }
}
