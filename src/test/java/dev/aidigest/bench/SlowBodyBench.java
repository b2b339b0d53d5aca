package dev.aidigest.bench;

import dev.aidigest.channel.Throttle;
import dev.aidigest.channel.telegram.TelegramBot;
import dev.aidigest.testing.ChatBackend;
import dev.aidigest.testing.FakeTelegramBotApi;
import dev.aidigest.web.WebServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Load test of the HTTP server against slow request bodies: {@code bench.slow} (500) connections
 * from 127.0.0.2 post to /webhooks/telegram declaring 100,000 bytes and send one byte every 3 s
 * (half without the secret, half with it, as a sender that holds it would), reconnecting whenever
 * the server drops them, while {@code bench.clients} (200) normal clients from ten other loopback
 * addresses ask GET /healthz over keep-alive connections, {@code bench.pause.ms} (100) apart, for
 * {@code bench.seconds} (30). Prints
 * the normal clients' requests, errors and latency percentiles. Asserts nothing about time.
 *
 * <p>{@code mvn -B -o -Pbench test -Dtest=SlowBodyBench}
 */
class SlowBodyBench {

    static final String SECRET = "bench-secret";
    static final int SLOW = Integer.getInteger("bench.slow", 500);
    static final int CLIENTS = Integer.getInteger("bench.clients", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int PAUSE_MILLIS = Integer.getInteger("bench.pause.ms", 100); // a client's wait between requests

    @Test
    void slowBodiesBesideNormalClients() throws Exception {
        try (FakeTelegramBotApi api = new FakeTelegramBotApi();
                ChatBackend backend = new ChatBackend()) {
            TelegramBot telegram = new TelegramBot(
                    new TelegramBot.Settings(FakeTelegramBotApi.TOKEN, api.url(), SECRET),
                    backend.router,
                    backend.chats,
                    new Throttle(1000, 0, 1000));
            try (WebServer web = new WebServer(List.of(telegram.webhook().orElseThrow()))) {
                int port = web.start(0);
                run(port);
            }
        }
    }

    void run(int port) throws Exception {
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        AtomicLong slowOpened = new AtomicLong();
        AtomicLong slowDropped = new AtomicLong();
        Thread attacker = new Thread(() -> attack(port, end, slowOpened, slowDropped), "slow-bodies");
        attacker.start();
        Thread.sleep(3000); // the slow connections are in place before the clients come
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client c = new Client(port, "127.0.0." + (3 + i % 10), end);
            clients.add(c);
            c.thread.start();
        }
        for (Client c : clients) {
            c.thread.join();
        }
        attacker.join();
        long[] all = clients.stream()
                .flatMapToLong(c -> Arrays.stream(c.latencies.toArray()))
                .sorted()
                .toArray();
        long errors = clients.stream().mapToLong(c -> c.errors).sum();
        System.out.printf(
                Locale.ROOT,
                "slow-body bench: %d slow connections (1 byte / 3 s, from 127.0.0.2) + %d /healthz clients"
                        + " (%d ms apart) for %d s, load average %.1f%n"
                        + "  slow connections opened %d, dropped by the server %d%n"
                        + "  /healthz requests %d, errors %d (%s)%n"
                        + "  /healthz latency ms: p50 %.1f  p99 %.1f  max %.1f%n",
                SLOW,
                CLIENTS,
                PAUSE_MILLIS,
                SECONDS,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                slowOpened.get(),
                slowDropped.get(),
                all.length,
                errors,
                clients.stream()
                        .map(c -> c.firstError)
                        .filter(e -> e != null)
                        .findFirst()
                        .orElse("none"),
                pct(all, 0.50),
                pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }

    /** One thread keeps {@link #SLOW} slow bodies going, each sending a byte every 3 s. */
    static void attack(int port, long end, AtomicLong opened, AtomicLong dropped) {
        Socket[] slow = new Socket[SLOW];
        try {
            while (System.nanoTime() < end) {
                long round = System.nanoTime();
                for (int i = 0; i < SLOW && System.nanoTime() < end; i++) {
                    try {
                        if (slow[i] == null) {
                            slow[i] = open(port, "127.0.0.2", 1000);
                            String head = "POST /webhooks/telegram HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\n"
                                    + (i % 2 == 0 ? "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\n" : "")
                                    + "Content-Length: 100000\r\n\r\n";
                            slow[i].getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                            opened.incrementAndGet();
                        } else if (slow[i].getInputStream().available() > 0) { // answered: the server let go
                            throw new IOException("answered");
                        } else {
                            slow[i].getOutputStream().write(' ');
                        }
                    } catch (IOException e) {
                        dropped.incrementAndGet();
                        close(slow[i]);
                        slow[i] = null;
                    }
                }
                long rest = 3_000 - (System.nanoTime() - round) / 1_000_000;
                if (rest > 0) {
                    Thread.sleep(Math.min(rest, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Arrays.stream(slow).forEach(SlowBodyBench::close);
        }
    }

    static Socket open(int port, String from, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        return s;
    }

    static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** A normal client: GET /healthz over one keep-alive connection, again and again. */
    static final class Client {
        final Thread thread;
        final LongList latencies = new LongList();
        long errors;
        String firstError;

        Client(int port, String from, long end) {
            thread = new Thread(() -> loop(port, from, end), "client-" + from);
        }

        void loop(int port, String from, long end) {
            Socket s = null;
            InputStream in = null;
            byte[] request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                try {
                    if (s == null) {
                        s = open(port, from, 5000);
                        in = new BufferedInputStream(s.getInputStream());
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(request);
                    out.flush();
                    int status = readResponse(in);
                    if (status != 200) {
                        throw new IOException("status " + status);
                    }
                    latencies.add(System.nanoTime() - started);
                } catch (IOException e) {
                    errors++;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                    close(s);
                    s = null;
                }
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            close(s);
        }

        /** Reads one response (status line, headers, Content-Length body); returns its status. */
        static int readResponse(InputStream in) throws IOException {
            String status = line(in);
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no response: '" + status + "'");
            }
            int length = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).strip());
                }
            }
            if (in.readNBytes(length).length != length) {
                throw new IOException("short body");
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }

    /** A growable array of longs. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
