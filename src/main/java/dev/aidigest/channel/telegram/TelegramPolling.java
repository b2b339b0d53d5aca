package dev.aidigest.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Long polling of {@code getUpdates} on a thread of its own, with the offset confirming what was
 * handled. The Bot API allows one poller per bot: a {@code 409 Conflict} (another process polls, or
 * a node that just lost the receiver lease is still finishing its last request) is logged once at
 * info and retried after a pause, not reported as an error. {@link #close} cancels the request in
 * flight, so a node that gives the receiver up stops at once.
 */
final class TelegramPolling implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    static final int TIMEOUT_SECONDS = 25;

    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final List<String> allowed;
    private final Consumer<Update> handler;
    private final Thread thread;
    private volatile boolean running = true;
    private int offset;

    TelegramPolling(String token, TelegramUrl url, List<String> allowed, Consumer<Update> handler) {
        this.http = new OkHttpClient.Builder()
                .readTimeout(Duration.ofSeconds(TIMEOUT_SECONDS + 15))
                .build();
        this.client = new OkHttpTelegramClient(http, token, url);
        this.allowed = allowed;
        this.handler = handler;
        this.thread = new Thread(this::loop, "telegram-polling");
        this.thread.setDaemon(true);
    }

    /** Drops a webhook set earlier (getUpdates answers 409 while one is set), then starts polling. */
    void start() throws TelegramApiException {
        client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        thread.start();
    }

    private void loop() {
        long pauseMillis = 0;
        boolean conflictLogged = false;
        while (running) {
            if (pauseMillis > 0 && !sleep(pauseMillis)) {
                return;
            }
            try {
                List<Update> updates = client.execute(GetUpdates.builder()
                        .offset(offset)
                        .timeout(TIMEOUT_SECONDS)
                        .limit(100)
                        .allowedUpdates(allowed)
                        .build());
                pauseMillis = 0;
                conflictLogged = false;
                for (Update u : updates) {
                    if (!running) {
                        return; // not confirmed: the next poller gets it again (handled updates are skipped by id)
                    }
                    handler.accept(u);
                    offset = Math.max(offset, u.getUpdateId() + 1);
                }
            } catch (TelegramApiRequestException e) {
                if (!running) {
                    return;
                }
                Integer code = e.getErrorCode();
                if (code != null && code == 409) {
                    if (!conflictLogged) {
                        log.info("Telegram: another getUpdates poller is active for this bot; waiting for it to stop");
                        conflictLogged = true;
                    }
                    pauseMillis = 2000;
                } else {
                    log.warn("Telegram getUpdates failed: {}", e.getMessage());
                    pauseMillis = next(pauseMillis);
                }
            } catch (TelegramApiException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Telegram getUpdates failed: {}", e.getMessage());
                pauseMillis = next(pauseMillis);
            }
        }
    }

    private static long next(long pauseMillis) {
        return Math.min(30_000, pauseMillis == 0 ? 500 : pauseMillis * 2);
    }

    private synchronized boolean sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        try {
            while (running && System.currentTimeMillis() < until) {
                wait(Math.max(1, until - System.currentTimeMillis()));
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops: the request in flight is cancelled, an update being handled finishes first. */
    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        http.dispatcher().cancelAll();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
