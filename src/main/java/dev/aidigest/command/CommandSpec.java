package dev.aidigest.command;

import java.util.Objects;

/**
 * One entry of {@code bots/commands.yml}.
 *
 * @param args      usage of the arguments, shown in help ("" when none)
 * @param adminOnly in group chats only chat admins may run it
 */
public record CommandSpec(String name, String args, boolean adminOnly, String helpZh, String helpEn) {

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("command names are lower case, <= 32 chars: " + name);
        }
        args = args == null ? "" : args;
        Objects.requireNonNull(helpZh, "help.zh of " + name);
        Objects.requireNonNull(helpEn, "help.en of " + name);
    }

    /** {@code /topic <关键词>} as shown in help. */
    public String usage() {
        return args.isEmpty() ? "/" + name : "/" + name + " " + args;
    }
}
