/**
 * The Lark/Feishu adapter: an app bot that sends {@link dev.aidigest.channel.Reply}s as interactive
 * cards over the plain open API (OkHttp, {@link dev.aidigest.channel.lark.LarkChannel}), receives
 * messages and card actions over the long connection of Lark's Java SDK (the default: the bot dials
 * out, no public URL) or the HTTP callback {@code POST /webhooks/lark} (decrypted, signature and
 * token checked), both into one intake that handles each event once; and push-only custom group bots
 * ({@link dev.aidigest.channel.lark.LarkCustomBotChannel}).
 *
 * <p>App setup (scopes, events, publishing, adding the bot to a group) is in {@code bots/lark.md}.
 * {@code AIDIGEST_LARK_API_URL} is {@code https://open.feishu.cn} (Feishu) or
 * {@code https://open.larksuite.com} (Lark); {@code AIDIGEST_LARK_RECEIVE} is {@code long_connection}
 * or {@code callback}.
 */
package dev.aidigest.channel.lark;
