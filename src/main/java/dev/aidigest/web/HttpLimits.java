package dev.aidigest.web;

import dev.aidigest.config.AppConfig;
import java.time.Duration;

/**
 * How long and how slowly a client may talk to the server before it is cut off, and how many
 * connections one address may hold. {@code http.*} in {@code config/application.yml}.
 *
 * @param readTimeout              a connection that sends nothing for this long is closed (headers, body, keep-alive)
 * @param minBodyBytesPerSecond    a request body arriving slower than this on average is aborted (0: no minimum)
 * @param bodyTimeout              a request body not complete after this long is aborted
 * @param maxConnectionsPerAddress connections one client address may hold open at once (0: no cap)
 */
public record HttpLimits(
        Duration readTimeout, long minBodyBytesPerSecond, Duration bodyTimeout, int maxConnectionsPerAddress) {

    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(10), 256, Duration.ofSeconds(20), 128);
    }

    /** The configured limits; a missing or zero duration falls back to the default. */
    public static HttpLimits of(AppConfig.HttpConfig c) {
        HttpLimits d = defaults();
        if (c == null) {
            return d;
        }
        return new HttpLimits(
                c.readTimeoutSeconds() > 0 ? Duration.ofSeconds(c.readTimeoutSeconds()) : d.readTimeout(),
                c.minBodyBytesPerSecond() == null ? d.minBodyBytesPerSecond() : c.minBodyBytesPerSecond(),
                c.bodyTimeoutSeconds() > 0 ? Duration.ofSeconds(c.bodyTimeoutSeconds()) : d.bodyTimeout(),
                c.maxConnectionsPerAddress() == null ? d.maxConnectionsPerAddress() : c.maxConnectionsPerAddress());
    }
}
