/**
 * The Discord adapter: a gateway bot on JDA (slash commands registered from the command catalog,
 * deferred replies as embeds, pushes through JDA's REST and its rate limiter), the signed HTTP
 * interactions endpoint {@code POST /webhooks/discord}, and push-only channel webhooks. Only this
 * package sees {@code net.dv8tion}; {@link dev.aidigest.channel.discord.DiscordEmbeds} keeps the
 * rendering and Discord's size limits in one vendor-free place shared by all three.
 *
 * <p>App setup: invite with the scopes {@code bot} and {@code applications.commands} and the
 * permissions View Channel, Send Messages and Embed Links; no privileged intent is needed. Setting
 * the Interactions Endpoint URL to {@code https://<host>/webhooks/discord} (with
 * {@code AIDIGEST_DISCORD_PUBLIC_KEY}) moves commands from the gateway to HTTP; pushes still need
 * the token. {@code /subscribe} in a server channel needs Manage Channels there; in a DM the
 * person subscribes themselves, and the chat id is their user id.
 *
 * <p>May use {@code channel}, {@code config}, {@code json}, JDA, OkHttp and slf4j.
 */
package dev.aidigest.channel.discord;
