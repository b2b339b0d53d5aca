/**
 * The Discord adapter: a gateway bot on JDA (slash commands registered from the command catalog,
 * deferred replies as embeds, pushes through JDA's REST and its rate limiter), the signed HTTP
 * interactions endpoint {@code POST /webhooks/discord}, and push-only channel webhooks. Only this
 * package sees {@code net.dv8tion}; {@link dev.aidigest.channel.discord.DiscordEmbeds} keeps the
 * rendering and Discord's size limits in one vendor-free place shared by all three.
 */
package dev.aidigest.channel.discord;
