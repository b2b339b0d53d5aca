package dev.aidigest.channel;

import dev.aidigest.log.Causes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link ChatBot} without letting its platform hold up the rest of {@code serve}: {@link
 * #start()} returns at once and connects in the background, retrying with doubling backoff while the
 * platform cannot be reached, and gives up for good, with one warning, when the platform refuses the
 * credentials (a configuration error that no retry will fix). Once connected, the bot's own client
 * keeps the connection (Telegram long polling and Discord's gateway reconnect by themselves).
 * {@link #state()} says where it stands, for /healthz.
 */
public final class SupervisedBot implements ChatBot {

    private static final Logger log = LoggerFactory.getLogger(SupervisedBot.class);

    /** Where the bot stands. */
    public enum Phase {
        STARTING,
        UP,
        RETRYING,
        CONFIG_ERROR,
        STOPPED
    }

    /**
     * @param error       the last failure, or null
     * @param nextAttempt when the next try is due (RETRYING), or null
     */
    public record State(String platform, Phase phase, String error, int attempts, Instant since, Instant nextAttempt) {}

    private final String platform;
    private final ChatBot bot;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final ScheduledExecutorService retries;
    private volatile State state;
    private boolean started;
    private boolean closed;

    /**
     * @param firstDelay the wait after the first failure; it doubles on each failure up to {@code maxDelay}
     */
    public SupervisedBot(String platform, ChatBot bot, Duration firstDelay, Duration maxDelay, Clock clock) {
        this.platform = platform;
        this.bot = bot;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.state = new State(platform, Phase.STARTING, null, 0, clock.instant(), null);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, platform + "-connect");
            t.setDaemon(true);
            return t;
        });
    }

    public String platform() {
        return platform;
    }

    public State state() {
        return state;
    }

    @Override
    public Channel channel() {
        return bot.channel();
    }

    @Override
    public Optional<Webhook> webhook() {
        return bot.webhook();
    }

    /** Returns at once; the first attempt runs in the background. */
    @Override
    public synchronized void start() {
        if (!closed) {
            retries.execute(() -> attempt(1));
        }
    }

    private void attempt(int n) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            bot.start();
            synchronized (this) {
                started = true;
                state = new State(platform, Phase.UP, null, n, clock.instant(), null);
                if (closed) { // stopped while connecting: let go of what was just opened
                    bot.close();
                    return;
                }
            }
            if (n > 1) {
                log.info("{}: connected after {} attempts", platform, n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            String why = Causes.oneLine(e);
            if (e instanceof Exception ex && bot.refusesCredentials(ex)) {
                state = new State(platform, Phase.CONFIG_ERROR, why, n, clock.instant(), null);
                log.warn(
                        "{}: the platform refused the credentials, not retrying until the configuration is fixed: {}",
                        platform,
                        why);
                return;
            }
            Duration wait = delay(n);
            Instant next = clock.instant().plus(wait);
            state = new State(platform, Phase.RETRYING, why, n, clock.instant(), next);
            if (n == 1 || Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th... failure: the log does not fill up
                log.warn("{}: cannot connect (attempt {}), next try in {} s: {}", platform, n, wait.toSeconds(), why);
            }
            synchronized (this) {
                if (!closed) {
                    retries.schedule(() -> attempt(n + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    Duration delay(int failures) {
        long ms = firstDelay.toMillis();
        for (int i = 1; i < failures && ms < maxDelay.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
    }

    /** Stops retrying, and stops the bot if it had started. */
    @Override
    public void close() {
        boolean wasStarted;
        synchronized (this) {
            closed = true;
            wasStarted = started;
        }
        retries.shutdownNow();
        try {
            retries.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (wasStarted) {
            bot.close();
        }
        state = new State(platform, Phase.STOPPED, state.error(), state.attempts(), clock.instant(), null);
    }

    @Override
    public boolean refusesCredentials(Exception e) {
        return bot.refusesCredentials(e);
    }

    @Override
    public Optional<String> receiver() {
        return bot.receiver();
    }

    @Override
    public void startReceiving() throws Exception {
        bot.startReceiving();
    }

    @Override
    public void stopReceiving() {
        bot.stopReceiving();
    }
}
