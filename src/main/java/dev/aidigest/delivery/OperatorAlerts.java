package dev.aidigest.delivery;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-line operational alerts (sources gone quiet) to the operators' chats named in
 * {@code health.alert_chats} as {@code platform:chatId}. Sent directly, not through the outbox: an
 * alert that cannot be delivered now is logged, and the condition will alert again at the next slot.
 */
public final class OperatorAlerts {

    private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);

    private final List<Channel> channels;
    private final List<ChatRef> chats;

    public OperatorAlerts(List<Channel> channels, List<String> chatSpecs) {
        this.channels = List.copyOf(channels);
        this.chats = chatSpecs.stream().map(OperatorAlerts::parse).toList();
    }

    /** Sends {@code text} to every configured chat whose platform is running; returns how many got it. */
    public int send(String text) {
        int sent = 0;
        for (ChatRef chat : chats) {
            Channel channel = channels.stream()
                    .filter(c -> c.platform().equals(chat.platform()))
                    .findFirst()
                    .orElse(null);
            if (channel == null) {
                log.warn(
                        "operator alert not sent to {}:{}: that platform is not running",
                        chat.platform(),
                        chat.chatId());
                continue;
            }
            try {
                channel.sendAll(chat, Reply.text(text));
                sent++;
            } catch (ChannelException e) {
                log.warn("operator alert not sent to {}:{}: {}", chat.platform(), chat.chatId(), e.getMessage());
            }
        }
        return sent;
    }

    static ChatRef parse(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException(
                    "health.alert_chats: want platform:chatId (telegram:-100123), got " + spec);
        }
        return new ChatRef(
                spec.substring(0, colon).trim(), spec.substring(colon + 1).trim(), ChatRef.Kind.GROUP);
    }
}
