package dev.aidigest.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes refusing malformed input. The JDK's {@code new String(bytes, UTF_8)} silently turns
 * bad bytes into U+FFFD, which would store garbage; a file with broken encoding is refused instead,
 * naming the line where it breaks.
 */
public final class StrictDecoder {
    private StrictDecoder() {}

    /** UTF-8 text without a leading byte-order mark. */
    public static String utf8(byte[] bytes, String what) {
        return decode(bytes, StandardCharsets.UTF_8, what);
    }

    /**
     * Text in {@code charset} without a leading byte-order mark.
     *
     * @param what names the input in the error ("The feed", "The JSON lines file")
     */
    public static String decode(byte[] bytes, Charset charset, String what) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(
                Integer.MAX_VALUE - 8, (long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new BadInputException(
                    what + " is not valid " + charset.name() + " (bad bytes on line " + lineAt(bytes, at)
                            + ", byte offset " + at + ").",
                    toException(result));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CharacterCodingException toException(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        return new CharacterCodingException();
    }
}
