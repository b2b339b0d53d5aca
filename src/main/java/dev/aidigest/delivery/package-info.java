/**
 * Delivery through an outbox in the database: publishing a digest writes one row per (digest,
 * subscription) ({@link dev.aidigest.delivery.Outbox}); the {@link dev.aidigest.delivery.DeliveryWorker}
 * claims due rows with {@code FOR UPDATE SKIP LOCKED}, sends one message at a time through the
 * platform's {@link dev.aidigest.channel.Channel} and records each before the next, so a crash
 * repeats at most the message in flight. {@link dev.aidigest.delivery.Alerts} does the same for
 * /follow alerts.
 *
 * <p>May use {@code channel} and {@code command}; the store implements the outbox.
 */
package dev.aidigest.delivery;
