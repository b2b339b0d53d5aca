package dev.aidigest.command;

import dev.aidigest.channel.ChatRef;
import dev.aidigest.channel.Conversation;
import dev.aidigest.channel.Reply;
import dev.aidigest.log.Causes;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a chat message into a command reply: parses {@code /cmd[@bot] args}, ignores commands for
 * other bots, answers unknown commands with a one-line hint, enforces admin-only commands in groups
 * and the per-user rate limit, and keeps a failing service from reaching the user as a stack trace.
 */
public final class CommandRouter implements Conversation {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    private static final Pattern COMMAND =
            Pattern.compile("^/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("^([a-z0-9_]+)\\|(\\d{1,4})\\|(.*)$", Pattern.DOTALL);

    private final CommandCatalog catalog;
    private final Map<String, Command> commands = new HashMap<>();
    private final UserRateLimit rateLimit;
    private final Map<String, String> botNames = new ConcurrentHashMap<>();

    public CommandRouter(CommandCatalog catalog, List<Command> commands, UserRateLimit rateLimit) {
        this.catalog = catalog;
        this.rateLimit = rateLimit;
        for (Command c : commands) {
            if (catalog.find(c.name()).isEmpty()) {
                throw new IllegalArgumentException("/" + c.name() + " is not in bots/commands.yml");
            }
            this.commands.put(c.name(), c);
        }
        for (CommandSpec s : catalog.all()) {
            if (!this.commands.containsKey(s.name())) {
                throw new IllegalArgumentException(
                        "bots/commands.yml lists /" + s.name() + " but no command handles it");
            }
        }
    }

    @Override
    public List<CommandInfo> commands() {
        return catalog.all().stream()
                .map(s -> new CommandInfo(s.name(), s.args(), s.helpZh(), s.helpEn()))
                .toList();
    }

    /** Learned from the platform at start (Telegram getMe); until then every {@code @name} is accepted. */
    @Override
    public void knownAs(String platform, String botName) {
        botNames.put(platform, botName);
    }

    /** The action a "更多" button carries back: command, page and arguments. */
    public static String pageAction(String command, int page, String args) {
        return command + "|" + page + "|" + args;
    }

    @Override
    public Optional<Reply> onText(ChatRef chat, String userId, String text, BooleanSupplier isAdmin, String locale) {
        Matcher m = COMMAND.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String target = m.group(2);
        String bot = botNames.get(chat.platform());
        if (target != null && bot != null && !target.equalsIgnoreCase(bot)) {
            return Optional.empty();
        }
        return dispatch(chat, userId, m.group(1).toLowerCase(Locale.ROOT), m.group(3), 1, isAdmin, locale);
    }

    /** Answers a button press whose action came from {@link #pageAction}. */
    @Override
    public Optional<Reply> onAction(
            ChatRef chat, String userId, String action, BooleanSupplier isAdmin, String locale) {
        Matcher m = ACTION.matcher(action == null ? "" : action);
        if (!m.matches()) {
            return Optional.empty();
        }
        return dispatch(chat, userId, m.group(1), m.group(3), Integer.parseInt(m.group(2)), isAdmin, locale);
    }

    private Optional<Reply> dispatch(
            ChatRef chat, String userId, String name, String args, int page, BooleanSupplier isAdmin, String locale) {
        Optional<CommandSpec> spec = catalog.find(name);
        if (spec.isEmpty()) {
            return Optional.of(Reply.text("不认识 /" + name + "，发送 /help 查看可用命令。"));
        }
        switch (rateLimit.check(chat.platform() + ":" + userId)) {
            case REFUSE_SILENTLY:
                return Optional.empty();
            case REFUSE_WITH_NOTICE:
                return Optional.of(Reply.text(
                        "请稍等片刻再试：每 " + rateLimit.window().toSeconds() + " 秒最多 " + rateLimit.max() + " 条命令。"));
            default:
                break;
        }
        if (spec.get().adminOnly() && chat.isGroup() && !isAdmin.getAsBoolean()) {
            return Optional.of(Reply.text("只有群管理员可以使用 /" + name + "。"));
        }
        try {
            return Optional.of(
                    commands.get(name).handle(new CommandRequest(chat, userId, args, page, isAdmin, locale)));
        } catch (RuntimeException e) {
            if (Causes.has(e, SQLException.class)) {
                // the database is down or refusing: an outage to act on, not a bug to trace
                log.warn("/{} failed in {}:{}: {}", name, chat.platform(), chat.chatId(), Causes.oneLine(e));
            } else {
                log.warn("/{} failed in {}:{}", name, chat.platform(), chat.chatId(), e);
            }
            return Optional.of(Reply.text("抱歉，处理 /" + name + " 时出错了，请稍后再试。"));
        }
    }
}
