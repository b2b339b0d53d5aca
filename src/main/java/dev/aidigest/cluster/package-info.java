/**
 * Several {@code serve} nodes on one PostgreSQL: {@link dev.aidigest.cluster.Leases} (a lease row per
 * name, renewed by heartbeats, judged by the database's clock) and {@link dev.aidigest.cluster.ReceiverLeases},
 * which runs each bot's receiver (Telegram long polling, the Discord gateway, the Feishu long
 * connection) on the one node holding its lease. Outbox rows are shared through their claims
 * ({@code delivery}), a bot's rate through {@code channel.RateBudget}, and the scheduled jobs through
 * Quartz's clustered job store ({@code schedule}). With H2 (one process) every lease is local.
 */
package dev.aidigest.cluster;
