/**
 * The Lark/Feishu adapter over the plain open API (OkHttp, no SDK): an app bot that sends
 * {@link dev.aidigest.channel.Reply}s as interactive cards ({@link dev.aidigest.channel.lark.LarkChannel}),
 * receives commands through the event callback {@code POST /webhooks/lark} (decrypted, signature and
 * token checked, each event handled once), and optional push-only custom group bots.
 */
package dev.aidigest.channel.lark;
