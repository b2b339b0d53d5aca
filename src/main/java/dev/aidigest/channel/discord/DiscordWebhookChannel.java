package dev.aidigest.channel.discord;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Push-only Discord: posts digests to channel webhook URLs (Server Settings → Integrations →
 * Webhooks) for channels where the bot is not installed. Platform {@code discord-webhook}; the chat
 * id is the webhook's id (the URL with its token stays in configuration, not in the database). A
 * deleted webhook (404, 10015) is {@link ChannelException.Forbidden}.
 */
public final class DiscordWebhookChannel implements Channel {

    static final String PLATFORM = "discord-webhook";
    private static final Pattern URL = Pattern.compile("/webhooks/(\\d+)/[^/?]+");

    private final DiscordWebhooks rest;
    private final DiscordJson json;
    private final Map<String, String> urls = new LinkedHashMap<>();

    DiscordWebhookChannel(DiscordWebhooks rest, DiscordJson json, List<String> webhookUrls) {
        this.rest = rest;
        this.json = json;
        for (String u : webhookUrls) {
            Matcher m = URL.matcher(u);
            if (!m.find()) {
                throw new IllegalArgumentException(
                        "not a Discord webhook URL (…/api/webhooks/<id>/<token>): " + u.replaceAll("/[^/]+$", "/…"));
            }
            urls.put(m.group(1), u.trim());
        }
    }

    /** The chats to subscribe, one per configured webhook. */
    public List<ChatRef> chats() {
        return urls.keySet().stream()
                .map(id -> new ChatRef(PLATFORM, id, ChatRef.Kind.GROUP))
                .toList();
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public List<Reply> split(Reply reply) {
        return DiscordEmbeds.split(reply);
    }

    @Override
    public String send(ChatRef chat, Reply part) throws ChannelException {
        String url = urls.get(chat.chatId());
        if (url == null) {
            throw new ChannelException.Forbidden("no webhook URL configured for " + chat.chatId());
        }
        // buttons need an application to answer them; a webhook has none
        return rest.execute(url, json.message(DiscordEmbeds.message(part.part(part.blocks(), false))));
    }
}
