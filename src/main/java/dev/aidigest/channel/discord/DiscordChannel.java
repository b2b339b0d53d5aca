package dev.aidigest.channel.discord;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Sends {@link Reply}s to Discord through JDA's REST client (and so its per-route rate limiter):
 * to a guild channel by channel id, to a person's DM by user id. Each part is one message of
 * embeds within Discord's limits. A channel the bot cannot see or write in any more is
 * {@link ChannelException.Forbidden}, which deactivates its subscription.
 */
public final class DiscordChannel implements Channel {

    /** Missing access, missing permissions, unknown channel/guild/user, cannot send to this user. */
    static final Set<Integer> FORBIDDEN = Set.of(50001, 50013, 10003, 10004, 10013, 50007);

    private final Supplier<JDA> jda;

    /** @param jda the connected client; null until the bot has started */
    DiscordChannel(Supplier<JDA> jda) {
        this.jda = jda;
    }

    @Override
    public String platform() {
        return "discord";
    }

    /** Sends only where the gateway bot is connected: in a cluster, the node holding its lease. */
    @Override
    public boolean ready() {
        return jda.get() != null;
    }

    @Override
    public List<Reply> split(Reply reply) {
        return DiscordEmbeds.split(reply);
    }

    @Override
    public String send(ChatRef chat, Reply part) throws ChannelException {
        JDA client = jda.get();
        if (client == null) {
            throw new ChannelException("Discord is not connected yet");
        }
        MessageCreateData data = create(DiscordEmbeds.message(part));
        try {
            RestAction<Message> action;
            if (chat.isGroup()) {
                GuildMessageChannel channel = client.getChannelById(GuildMessageChannel.class, chat.chatId());
                if (channel == null) {
                    if (client.getStatus() != JDA.Status.CONNECTED
                            || !client.getUnavailableGuilds().isEmpty()) {
                        // the cache is not complete (reconnecting, or a Discord outage): not a reason to give up on the
                        // chat
                        throw new ChannelException("Discord cache incomplete (" + client.getStatus() + "), channel "
                                + chat.chatId() + " unknown for now");
                    }
                    throw new ChannelException.Forbidden(
                            "channel " + chat.chatId() + " is gone or the bot left its server");
                }
                action = channel.sendMessage(data);
            } else {
                action = client.openPrivateChannelById(chat.chatId()).flatMap(dm -> dm.sendMessage(data));
            }
            return action.complete(false).getId();
        } catch (RateLimitedException e) {
            return rateLimited(e);
        } catch (ErrorResponseException e) {
            throw map(e);
        } catch (InsufficientPermissionException e) {
            throw new ChannelException.Forbidden("missing permission " + e.getPermission() + " in " + chat.chatId());
        } catch (RuntimeException e) {
            throw new ChannelException("Discord send failed: " + e.getMessage(), e);
        }
    }

    private static String rateLimited(RateLimitedException e) throws ChannelException {
        throw new ChannelException.RateLimited(Duration.ofMillis(Math.max(1000, e.getRetryAfter())), e.getMessage());
    }

    /** The one place that knows what each Discord error code means for us. */
    static ChannelException map(ErrorResponseException e) {
        int code = e.getErrorCode();
        String text = "Discord error " + code + " (HTTP " + (e.getResponse() == null ? "?" : e.getResponse().code)
                + "): " + e.getMeaning();
        if (FORBIDDEN.contains(code)) {
            return new ChannelException.Forbidden(text);
        }
        if (code == 50035 || code == 40005) {
            return new ChannelException.BadFormat(text);
        }
        return new ChannelException(text, e);
    }

    /** The JDA form of a rendered message; mentions are never parsed. */
    static MessageCreateData create(DiscordEmbeds.Message m) {
        MessageCreateBuilder b = new MessageCreateBuilder();
        b.setEmbeds(m.embeds().stream()
                .map(e -> {
                    EmbedBuilder eb = new EmbedBuilder().setColor(DiscordEmbeds.COLOR);
                    if (e.title() != null) {
                        eb.setTitle(e.title());
                    }
                    if (!e.description().isEmpty()) {
                        eb.setDescription(e.description());
                    }
                    return eb.build();
                })
                .toList());
        if (!m.buttons().isEmpty()) {
            b.setComponents(ActionRow.of(m.buttons().stream()
                    .map(x -> Button.secondary(x.action(), x.label()))
                    .toList()));
        }
        b.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        return b.build();
    }
}
