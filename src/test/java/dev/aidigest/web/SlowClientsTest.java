package dev.aidigest.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeTelegramBotApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Slow and hostile clients against the real server over raw sockets: a webhook without its secret
 * is refused before its body is sent, a slow body is cut off and logged in one line, many slow
 * bodies hold no thread, one address may hold only so many connections, a silent one is closed.
 */
class SlowClientsTest {

    static final String SECRET = "s3cret-token_ABC";
    final FakeTelegramBotApi api = new FakeTelegramBotApi();
    final ChatBackend backend = new ChatBackend();
    final TelegramBot telegram = new TelegramBot(
            new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, api.url(), SECRET),
            backend.router,
            backend.chats,
            new Throttle(1000, 0, 1000));
    final List<Socket> sockets = new ArrayList<>();
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    WebServer web;
    int port;

    SlowClientsTest() {
        logged.start();
        root.addAppender(logged);
    }

    int start(HttpLimits limits) {
        web = new WebServer(List.of(telegram.webhook().orElseThrow()), List.of(), limits);
        port = web.start(0);
        return port;
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        });
        if (web != null) {
            web.close();
        }
        api.close();
        backend.close();
    }

    Socket connect(String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(5000);
        sockets.add(s);
        return s;
    }

    /** Sends a webhook POST's headers declaring {@code length} bytes, and no body. */
    Socket webhookHeaders(String from, String secret, int length) throws IOException {
        Socket s = connect(from);
        String head = "POST /webhooks/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    String healthz(String from) throws IOException {
        Socket s = connect(from);
        s.setSoTimeout(3000);
        s.getOutputStream()
                .write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        return statusLine(s);
    }

    @Test
    void aWebhookWithoutItsSecretIsRefusedBeforeItsBodyIsSent() throws Exception {
        start(HttpLimits.defaults());
        Socket s = webhookHeaders("127.0.0.1", null, 100_000); // not one byte of the body
        assertThat(statusLine(s)).isEqualTo("HTTP/1.1 401 Unauthorized");
        Socket wrong = webhookHeaders("127.0.0.1", "guess", 100_000);
        assertThat(statusLine(wrong)).isEqualTo("HTTP/1.1 401 Unauthorized");
    }

    @Test
    void aBodyDeclaredLargerThanAnyUpdateIsRefusedBeforeItIsSent() throws Exception {
        start(HttpLimits.defaults());
        Socket s = webhookHeaders("127.0.0.1", SECRET, 100_000_000);
        assertThat(statusLine(s)).isEqualTo("HTTP/1.1 413 Payload Too Large");
    }

    @Test
    void aSlowBodyIsCutOffByTheMinimumRateAndLoggedInOneLineWithoutAStackTrace() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(10), 256, Duration.ofSeconds(20), 128));
        Socket s = webhookHeaders("127.0.0.1", SECRET, 100_000);
        OutputStream out = s.getOutputStream();
        String status = null;
        for (int i = 0; i < 8 && status == null; i++) { // one byte a second
            out.write('{');
            out.flush();
            s.setSoTimeout(1000);
            try {
                status = statusLine(s);
            } catch (SocketTimeoutException stillWaiting) {
                // the server is still reading
            }
        }
        assertThat(status).isEqualTo("HTTP/1.1 408 Request Timeout");
        List<ILoggingEvent> aborted = logged.list.stream()
                .filter(e -> e.getLoggerName().equals(WebhookGate.class.getName()))
                .toList();
        assertThat(aborted).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .contains("POST /webhooks/telegram from 127.0.0.1 aborted after")
                .contains("of 100000 body bytes")
                .contains("read rate is too low")
                .doesNotContain("\n"));
        assertThat(logged.list).allSatisfy(e -> assertThat(e.getThrowableProxy())
                .as("logged with a stack trace: %s", e.getFormattedMessage())
                .isNull());
    }

    @Test
    void aBodyThatNeverCompletesIsCutOffAtTheBodyDeadline() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(10), 0, Duration.ofSeconds(2), 128));
        Socket s = webhookHeaders("127.0.0.1", SECRET, 1000);
        s.getOutputStream().write("{\"update_id\":".getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(6000);
        assertThat(statusLine(s)).isEqualTo("HTTP/1.1 408 Request Timeout");
        assertThat(logged.list)
                .filteredOn(e -> e.getLoggerName().equals(WebhookGate.class.getName()))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("body not complete within 2 s"));
    }

    @Test
    void healthzAnswersWhileThreeHundredSlowBodiesWithTheSecretAreOpen() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(30), 0, Duration.ofSeconds(60), 0));
        for (int i = 0; i < 300; i++) {
            webhookHeaders("127.0.0.1", SECRET, 100_000).getOutputStream().write('{');
        }
        assertThat(healthz("127.0.0.1")).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void anAddressOverItsConnectionCapIsClosedWhileOthersAreServed() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(10), 256, Duration.ofSeconds(20), 5));
        for (int i = 0; i < 5; i++) { // each answered once, so the server surely holds all five
            Socket s = connect("127.0.0.2");
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(statusLine(s)).isEqualTo("HTTP/1.1 200 OK");
        }
        Socket sixth = connect("127.0.0.2");
        sixth.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(sixth.getInputStream().read()).isEqualTo(-1); // closed, nothing answered
        assertThat(web.refusedConnections()).isEqualTo(1);
        assertThat(healthz("127.0.0.3")).isEqualTo("HTTP/1.1 200 OK");
        sockets.get(0).close();
        // at the latest the read timeout (10 s) closes the server's side of the closed connection
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> healthz("127.0.0.2").equals("HTTP/1.1 200 OK"));
        assertThat(logged.list)
                .filteredOn(e -> e.getLoggerName().equals(ConnectionsPerAddress.class.getName()))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("127.0.0.2"));
    }

    @Test
    void aConnectionThatStopsSendingIsClosedAfterTheReadTimeout() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(1), 256, Duration.ofSeconds(20), 128));
        Socket s = connect("127.0.0.1");
        s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost:".getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(5000);
        long started = System.nanoTime();
        InputStream in = s.getInputStream();
        while (in.read() != -1) {
            // Jetty may answer 408 before closing
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
