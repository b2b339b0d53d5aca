/**
 * The Telegram adapter, the only package that imports {@code org.telegram}: telegrambots 10.2
 * client and long polling against a configurable Bot API URL, HTML rendering of {@link
 * dev.aidigest.channel.Reply} with 4096-character splitting between items, Bot API errors mapped to
 * {@link dev.aidigest.channel.ChannelException}s, admin checks via getChatMember, my_chat_member and
 * group migration tracking, and the webhook endpoint. May use {@code channel}, {@code render} and {@code json}.
 */
package dev.aidigest.channel.telegram;
