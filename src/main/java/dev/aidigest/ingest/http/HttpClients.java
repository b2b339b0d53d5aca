package dev.aidigest.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The one HTTP client of the ingest sources, and bounded reads of what it receives. */
public final class HttpClients {
    private HttpClients() {}

    /**
     * A client that sends a fixed User-Agent (feed hosts and X ask for one) and gives up after
     * {@code timeout} for the whole call, so a slow-drip server cannot hold a round.
     */
    public static OkHttpClient client(String userAgent, Duration timeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .followRedirects(true)
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("User-Agent", userAgent)
                        .build()))
                .build();
    }

    /**
     * The body, refusing more than {@code maxBytes}: an announced length over the limit is refused
     * before reading, and a body without a length is read only one byte past the limit.
     *
     * The call is cancelled on refusal: closing an unfinished body would otherwise make OkHttp drain
     * the rest to reuse the connection.
     *
     * @throws TooLargeException when the body is over the limit
     */
    public static byte[] body(Call call, Response response, long maxBytes) throws IOException {
        ResponseBody body = response.body();
        long announced = body.contentLength();
        if (announced > maxBytes) {
            call.cancel();
            throw new TooLargeException(announced, maxBytes);
        }
        InputStream in = body.byteStream();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            call.cancel();
            throw new TooLargeException(-1, maxBytes);
        }
        return bytes;
    }

    /** A body over the size limit. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long size, long maxBytes) {
            super((size >= 0
                            ? "the response is " + size + " bytes"
                            : "the response is larger than " + maxBytes + " bytes")
                    + ", over the limit of " + maxBytes + " bytes (ingest.max_feed_bytes)");
        }
    }
}
