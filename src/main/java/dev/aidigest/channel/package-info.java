/**
 * The chat-platform port: {@link dev.aidigest.channel.Channel}, the rich {@link
 * dev.aidigest.channel.Reply} model every command answers with, {@link dev.aidigest.channel.ChatRef}
 * and the typed send failures. No vendor type appears here; each {@code channel.<vendor>} package
 * adapts one platform. It uses nothing of the application; every adapter, {@code command}, {@code delivery} and {@code web} build on it.
 */
package dev.aidigest.channel;
