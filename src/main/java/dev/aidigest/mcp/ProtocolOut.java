package dev.aidigest.mcp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Stdout of the stdio server: the SDK's messages (one JSON line each, written while holding this
 * stream's lock, as the SDK does) counted, and the answers {@link JsonRpcLines} gives to lines the SDK
 * never sees, written under the same lock so that lines never interleave.
 */
final class ProtocolOut extends OutputStream {

    private final OutputStream out;
    private long lines;

    ProtocolOut(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
            lines++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Lines the SDK has written. */
    synchronized long sdkLines() {
        return lines;
    }

    /** One line of our own, not counted as the SDK's. */
    synchronized void writeOwnLine(String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
