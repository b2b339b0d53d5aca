package dev.aidigest.channel.telegram;

import dev.aidigest.channel.Channel;
import dev.aidigest.channel.ChannelException;
import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Reply;
import dev.aidigest.channel.ReplySplitter;
import dev.aidigest.channel.Throttle;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends {@link Reply}s to Telegram as HTML messages without link previews, paced by Telegram's
 * limits (30 messages/s overall, ~1/s per chat, 20/min per group), and turns Bot API errors into
 * our typed {@link ChannelException}s. A message Telegram cannot parse is resent once as plain text,
 * in more than one message when it is over Telegram's limit.
 */
public final class TelegramChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    private final TelegramClient client;
    private final Throttle throttle;

    public TelegramChannel(TelegramClient client, Throttle throttle) {
        this.client = client;
        this.throttle = throttle;
    }

    /** Telegram's published limits for bots. */
    public static Throttle telegramLimits() {
        return new Throttle(30, 1000, 20);
    }

    @Override
    public String platform() {
        return "telegram";
    }

    @Override
    public java.time.Duration pace(ChatRef chat) {
        return throttle.pace(chat.isGroup());
    }

    @Override
    public List<Reply> split(Reply reply) {
        return TelegramHtml.split(reply, TelegramHtml.LIMIT);
    }

    @Override
    public String send(ChatRef chat, Reply part) throws ChannelException {
        try {
            return post(chat, TelegramHtml.render(part), ParseMode.HTML, part.buttons());
        } catch (ChannelException.BadFormat e) {
            log.warn(
                    "Telegram could not parse our HTML for {} ({}); resending as plain text",
                    chat.chatId(),
                    e.getMessage());
            return sendPlain(chat, part);
        }
    }

    /** The part as plain text, in as many messages as it needs; the id of the last, which has the buttons. */
    private String sendPlain(ChatRef chat, Reply part) throws ChannelException {
        List<String> pieces = TelegramHtml.plainParts(part, TelegramHtml.LIMIT);
        String id = null;
        for (int i = 0; i < pieces.size(); i++) {
            id = post(chat, pieces.get(i), null, i == pieces.size() - 1 ? part.buttons() : List.of());
        }
        return id;
    }

    private String post(ChatRef chat, String text, String parseMode, List<Reply.Button> buttons)
            throws ChannelException {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder()
                .chatId(chat.chatId())
                .text(text)
                .linkPreviewOptions(
                        LinkPreviewOptions.builder().isDisabled(true).build());
        if (parseMode != null) {
            b.parseMode(parseMode);
        }
        if (!buttons.isEmpty()) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (Reply.Button button : buttons) {
                row.add(InlineKeyboardButton.builder()
                        .text(button.label())
                        .callbackData(callbackData(button.action()))
                        .build());
            }
            b.replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(row).build());
        }
        try {
            throttle.acquire(chat.chatId(), chat.isGroup());
            try {
                Message m = client.execute(b.build());
                return String.valueOf(m.getMessageId());
            } finally {
                throttle.answered(chat.chatId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted before sending", e);
        } catch (TelegramApiRequestException e) {
            ChannelException mapped = map(e);
            if (mapped instanceof ChannelException.RateLimited r) {
                throttle.rateLimited(r.retryAfter()); // every sender of this bot waits, not only this one
            }
            throw mapped;
        } catch (TelegramApiException e) {
            throw new ChannelException("Telegram unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * Telegram allows 64 bytes of callback data; longer search words are cut (the page still works), never
     * inside an emoji: half of one is no UTF-8, and would come back as another word.
     */
    static String callbackData(String action) {
        String a = action;
        while (a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            a = ReplySplitter.clip(a, a.length() - 1);
        }
        return a;
    }

    /** One place that knows what each Bot API error means for us. */
    static ChannelException map(TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? String.valueOf(e.getMessage()) : e.getApiResponse();
        String lower = description.toLowerCase(Locale.ROOT);
        if (e.getParameters() != null && e.getParameters().getMigrateToChatId() != null) {
            return new ChannelException.ChatMigrated(
                    String.valueOf(e.getParameters().getMigrateToChatId()), description);
        }
        if (code == 429) {
            Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new ChannelException.RateLimited(Duration.ofSeconds(after == null ? 5 : after), description);
        }
        if (code == 403 || lower.contains("chat not found") || lower.contains("bot was kicked")) {
            return new ChannelException.Forbidden(description);
        }
        if (code == 400
                && (lower.contains("can't parse entities")
                        || lower.contains("message is too long")
                        || lower.contains("text must be non-empty"))) {
            return new ChannelException.BadFormat(description);
        }
        return new ChannelException("Telegram error " + code + ": " + description, e);
    }
}
