/**
 * The Lark/Feishu adapter over the plain open API (OkHttp, no SDK): an app bot that sends
 * {@link dev.aidigest.channel.Reply}s as interactive cards ({@link dev.aidigest.channel.lark.LarkChannel}),
 * receives commands through the event callback {@code POST /webhooks/lark} (decrypted, signature and
 * token checked, each event handled once), and push-only custom group bots
 * ({@link dev.aidigest.channel.lark.LarkCustomBotChannel}).
 *
 * <p>App setup: enable the bot ability; scopes {@code im:message}, {@code im:message:send_as_bot},
 * {@code im:chat:readonly} (owner and admins for admin-only commands); event subscriptions, sent to
 * {@code https://<host>/webhooks/lark}: {@code im.message.receive_v1},
 * {@code im.chat.member.bot.added_v1}, {@code im.chat.member.bot.deleted_v1},
 * {@code im.chat.disbanded_v1}, and {@code card.action.trigger} for the "更多" buttons. Set the
 * Encrypt Key and Verification Token there and in {@code AIDIGEST_LARK_ENCRYPT_KEY} /
 * {@code AIDIGEST_LARK_VERIFICATION_TOKEN}; {@code AIDIGEST_LARK_API_URL} is
 * {@code https://open.feishu.cn} (Feishu) or {@code https://open.larksuite.com} (Lark).
 *
 * <p>May use {@code channel}, {@code config}, {@code render}, {@code json}, OkHttp and slf4j.
 */
package dev.aidigest.channel.lark;
