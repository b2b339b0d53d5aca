/**
 * Persistence: the H2 file or PostgreSQL database through HikariCP, the Flyway migrations of
 * {@code db/migration}, and one store class per table family (posts and vectors, digests and summaries, chats,
 * subscriptions, the outbox, the archive, search). Implements the ports of the other packages and may use their
 * models ({@code ingest}, {@code digest}, {@code channel}, {@code command}, {@code delivery}, {@code report},
 * {@code search}, {@code web}) and {@code json}; nothing of the core uses it directly.
 */
package dev.aidigest.store;
