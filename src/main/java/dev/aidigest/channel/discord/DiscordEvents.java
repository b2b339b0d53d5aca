package dev.aidigest.channel.discord;

import dev.aidigest.channel.ChatEvents;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway events: a slash command or a button is acknowledged at once ({@code deferReply}, since
 * a digest lookup may take longer than Discord's 3 s), answered by the {@link Conversation} off the
 * gateway thread and delivered by editing the deferred answer, more parts as follow-ups. Admin
 * means Manage Channels in that channel. Leaving a server or losing a channel ends its subscriptions.
 */
final class DiscordEvents extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordEvents.class);

    private final Conversation conversation;
    private final ChatEvents chatEvents;
    private final Executor executor;

    DiscordEvents(Conversation conversation, ChatEvents chatEvents, Executor executor) {
        this.conversation = conversation;
        this.chatEvents = chatEvents;
        this.executor = executor;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        event.deferReply().queue();
        String value = event.getOptions().stream()
                .findFirst()
                .map(OptionMapping::getAsString)
                .orElse(null);
        String line = DiscordCommands.line(event.getName(), value);
        ChatRef chat =
                chat(event.isFromGuild(), event.getChannelId(), event.getUser().getId());
        BooleanSupplier admin = () -> canManage(event.getMember(), event.getGuildChannel());
        String locale = event.getUserLocale().getLocale();
        executor.execute(() -> answer(
                event.getHook(), () -> conversation.onText(chat, event.getUser().getId(), line, admin, locale)));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        event.deferReply().queue();
        ChatRef chat =
                chat(event.isFromGuild(), event.getChannelId(), event.getUser().getId());
        BooleanSupplier admin = () -> canManage(event.getMember(), event.getGuildChannel());
        String locale = event.getUserLocale().getLocale();
        executor.execute(() -> answer(
                event.getHook(),
                () -> conversation.onAction(chat, event.getUser().getId(), event.getComponentId(), admin, locale)));
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        for (GuildChannel c : event.getGuild().getChannels()) {
            chatEvents.botStatusChanged(new ChatRef("discord", c.getId(), ChatRef.Kind.GROUP), c.getName(), "kicked");
        }
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        if (event.isFromGuild()) {
            chatEvents.botStatusChanged(
                    new ChatRef("discord", event.getChannel().getId(), ChatRef.Kind.GROUP),
                    event.getChannel().getName(),
                    "kicked");
        }
    }

    private void answer(InteractionHook hook, java.util.function.Supplier<Optional<Reply>> work) {
        try {
            List<Reply> parts = DiscordEmbeds.split(work.get().orElse(Reply.text("好的。")));
            hook.editOriginal(
                            MessageEditData.fromCreateData(DiscordChannel.create(DiscordEmbeds.message(parts.get(0)))))
                    .complete();
            for (Reply p : parts.subList(1, parts.size())) {
                hook.sendMessage(DiscordChannel.create(DiscordEmbeds.message(p)))
                        .complete();
            }
        } catch (RuntimeException e) {
            log.warn("Discord interaction answer failed", e);
        }
    }

    /** A server channel is a group; a DM belongs to its user, whose id is the chat (pushes open the DM by user). */
    static ChatRef chat(boolean fromGuild, String channelId, String userId) {
        return fromGuild
                ? new ChatRef("discord", channelId, ChatRef.Kind.GROUP)
                : new ChatRef("discord", userId, ChatRef.Kind.PRIVATE);
    }

    static boolean canManage(Member member, GuildChannel channel) {
        return member != null && channel != null && member.hasPermission(channel, Permission.MANAGE_CHANNEL);
    }
}
