package dev.aidigest.channel.discord;

import dev.aidigest.channel.Conversation.CommandInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a command of {@code bots/commands.yml} looks as a Discord slash command, derived from its
 * usage so nothing is defined twice: {@code <...>} is one required text option, {@code [a|b|c]} an
 * optional choice; descriptions come from the English help with zh-CN localizations from the
 * Chinese one. The chosen option value is appended to the command line the router parses.
 */
final class DiscordCommands {

    /** The option of a command, if it takes one. */
    record Option(
            String name,
            String nameZh,
            String description,
            String descriptionZh,
            boolean required,
            List<String> choices) {}

    private DiscordCommands() {}

    static String description(String help) {
        return DiscordEmbeds.clip(help, 100);
    }

    static Optional<Option> option(CommandInfo c) {
        String args = c.args() == null ? "" : c.args().trim();
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String desc = description("Usage: /" + c.name() + " " + args);
        String descZh = description("用法：/" + c.name() + " " + args);
        // one group of alternatives ("[digest|daily|all]") is a choice; anything more ("[digest|daily|all]
        // [主题…]") is typed as text, so the words after the choice reach the command
        if (args.startsWith("[") && args.indexOf(']') == args.length() - 1 && args.contains("|")) {
            List<String> choices = Arrays.stream(
                            args.substring(1, args.length() - 1).split("\\|"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            return Optional.of(new Option("choice", "选项", desc, descZh, false, choices));
        }
        return Optional.of(new Option("text", "内容", desc, descZh, args.startsWith("<"), List.of()));
    }

    /** The command line for the router: {@code /name} plus the option's value when given. */
    static String line(String name, String value) {
        return value == null || value.isBlank() ? "/" + name : "/" + name + " " + value.trim();
    }
}
