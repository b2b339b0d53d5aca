/**
 * Chat commands written once for every platform: {@link dev.aidigest.command.CommandRouter} parses
 * {@code /cmd[@bot] args}, checks admin rights and the per-user rate limit, and hands a {@link
 * dev.aidigest.command.CommandRequest} to one {@link dev.aidigest.command.Command}; the answer is a
 * platform-neutral {@link dev.aidigest.channel.Reply}. The command set is defined in {@code
 * bots/commands.yml}; the ports it reads ({@link dev.aidigest.command.Archive}, {@link
 * dev.aidigest.command.Subscriptions}, {@link dev.aidigest.command.Follows}, {@link
 * dev.aidigest.command.TopicSearch}) are implemented in {@code store} and {@code search}.
 *
 * <p>May use {@code channel}, {@code render}, {@code json} and commonmark; never the store, which plugs in through the ports.
 */
package dev.aidigest.command;
